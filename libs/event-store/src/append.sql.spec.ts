import { appendStatement } from './append.sql';

const metadata = { actor: 'a', countyId: 'c-1', correlationId: 'r', causationId: null, occurredAt: '2025-03-01T08:00:00Z' };

describe('appendStatement', () => {
  it('binds a single event as scalars', () => {
    expect(appendStatement('s-1', 4, [{ type: 'A', schemaVersion: 1, json: '{"x":1}' }], metadata)).toEqual({
      single: true,
      guarded: false,
      parameters: ['s-1', 4, 'A', 1, '{"x":1}', JSON.stringify(metadata)],
    });
  });

  it('binds a batch as parallel arrays for unnest', () => {
    const { single, parameters } = appendStatement(
      's-1',
      'no-stream',
      [
        { type: 'A', schemaVersion: 1, json: '{}' },
        { type: 'B', schemaVersion: 2, json: '[]' },
      ],
      metadata,
    );
    expect(single).toBe(false);
    expect(parameters).toEqual(['s-1', 0, ['A', 'B'], [1, 2], ['{}', '[]'], JSON.stringify(metadata)]);
  });

  it('adds the streams the decision read as two parallel arrays, and marks the statement guarded', () => {
    const reads = [
      { streamId: 'team-1', version: 7 },
      { streamId: 'power-1', version: 0 },
    ];
    expect(appendStatement('s-1', 'no-stream', [{ type: 'A', schemaVersion: 1, json: '{}' }], metadata, reads)).toEqual({
      single: true,
      guarded: true,
      parameters: ['s-1', 0, 'A', 1, '{}', JSON.stringify(metadata), ['team-1', 'power-1'], [7, 0]],
    });
  });

  it("sends no expected version for 'any'", () => {
    expect(appendStatement('s-1', 'any', [{ type: 'A', schemaVersion: 1, json: '{}' }], metadata).parameters[1]).toBeNull();
  });
});
