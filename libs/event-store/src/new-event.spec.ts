import { InvalidEventError } from './errors';
import { validateExpectedVersion, validateNewEvents, validateStreamId } from './new-event';

const v1 = (): number => 1;

describe('validateNewEvents', () => {
  it('serializes plain { type, data } events and fills the current schema version', () => {
    expect(
      validateNewEvents(
        [
          { type: 'PowerItemListed', data: { code: 'A1' } },
          { type: 'X', data: {}, schemaVersion: 2 },
        ],
        (type) => (type === 'PowerItemListed' ? 3 : 1),
      ),
    ).toEqual([
      { type: 'PowerItemListed', schemaVersion: 3, json: '{"code":"A1"}' },
      { type: 'X', schemaVersion: 2, json: '{}' },
    ]);
  });

  it('rejects an empty batch, empty types, non-object payloads and class instances', () => {
    class PowerItemListed {
      readonly type = 'PowerItemListed';
      readonly data = {};
    }
    const bad: unknown[] = [
      [],
      [{ type: '', data: {} }],
      [{ type: '   ', data: {} }],
      [{ data: {} }],
      [{ type: 'A', data: 'text' }],
      [{ type: 'A', data: [1] }],
      [{ type: 'A', data: null }],
      [{ type: 'A', data: new Date() }],
      [new PowerItemListed()],
      [{ type: 'A', data: {}, schemaVersion: 0 }],
      [{ type: 'A', data: {}, schemaVersion: 1.5 }],
    ];
    for (const events of bad) expect(() => validateNewEvents(events as never, v1)).toThrow(InvalidEventError);
  });

  it('rejects payloads JSON cannot represent', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => validateNewEvents([{ type: 'A', data: cyclic }], v1)).toThrow(/not serializable/);
  });
});

describe('stream id and expected version', () => {
  it('accepts the three kinds of expected version and refuses others', () => {
    expect(validateExpectedVersion('any')).toBe('any');
    expect(validateExpectedVersion('no-stream')).toBe('no-stream');
    expect(validateExpectedVersion(0)).toBe(0);
    for (const bad of [-1, 1.5, 'latest', null, Number.NaN]) expect(() => validateExpectedVersion(bad)).toThrow(InvalidEventError);
  });

  it('requires a non-empty stream id', () => {
    expect(validateStreamId('handover-1')).toBe('handover-1');
    expect(() => validateStreamId('')).toThrow(InvalidEventError);
  });
});
