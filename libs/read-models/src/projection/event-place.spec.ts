import { isNewFor, placeOf } from './event-place';

describe('event place', () => {
  const place = placeOf({
    streamVersion: 3,
    metadata: { actor: 'a', countyId: 'c', correlationId: 'x', causationId: null, occurredAt: '2025-06-01T02:00:00Z' },
  });

  it('takes the time from the metadata', () => {
    expect(place).toEqual({ version: 3, occurredAt: new Date('2025-06-01T02:00:00Z') });
  });

  it('skips what a row already includes', () => {
    expect(isNewFor(undefined, place)).toBe(true);
    expect(isNewFor(2, place)).toBe(true);
    expect(isNewFor(3, place)).toBe(false);
    expect(isNewFor(4, place)).toBe(false);
  });
});
