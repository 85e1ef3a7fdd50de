import { handoverIdOf, handoverStreamId, powerCodeOf, powerStreamId, teamIdOf, teamStreamId } from './stream-ids';

describe('stream ids', () => {
  it('takes the power code after a county id that contains dashes', () => {
    const county = '6f1c2a9e-1d2b-4c3d-9e8f-0a1b2c3d4e5f';
    expect(powerCodeOf(powerStreamId(county, 'CF-CG-0001'), county)).toBe('CF-CG-0001');
  });

  it('names no power when the stream belongs to another county or the metadata has none', () => {
    expect(powerCodeOf(powerStreamId('county-a', 'CF-CG-0001'), 'county-b')).toBeUndefined();
    expect(powerCodeOf(powerStreamId('county-a', 'CF-CG-0001'), null)).toBeUndefined();
  });

  it('reads team and handover ids back', () => {
    expect(teamIdOf(teamStreamId('t-1'))).toBe('t-1');
    expect(handoverIdOf(handoverStreamId('h-1'))).toBe('h-1');
    expect(teamIdOf('handover-h-1')).toBeUndefined();
    expect(handoverIdOf('handover-')).toBeUndefined();
  });
});
