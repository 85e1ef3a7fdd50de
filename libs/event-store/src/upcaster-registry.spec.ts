import { UnknownUpcasterChainError } from './errors';
import type { JsonObject } from './json';
import { UpcasterRegistry } from './upcaster-registry';

const splitName = {
  type: 'OfficerRegistered',
  fromVersion: 1,
  toVersion: 2,
  upcast: (data: JsonObject): JsonObject => {
    const [givenName = '', familyName = ''] = String(data.name ?? '').split(' ');
    return { givenName, familyName, badge: data.badge ?? null };
  },
};
const addRank = {
  type: 'OfficerRegistered',
  fromVersion: 2,
  toVersion: 3,
  upcast: (data: JsonObject): JsonObject => ({ ...data, rank: 'unranked' }),
};

describe('UpcasterRegistry', () => {
  it('reports version 1 for a type without upcasters and passes its payload through', () => {
    const registry = new UpcasterRegistry();
    expect(registry.currentVersion('TeamFormed')).toBe(1);
    expect(registry.upcast('TeamFormed', 1, { name: 'A' })).toEqual({ schemaVersion: 1, data: { name: 'A' } });
  });

  it('applies the whole chain from the stored version to the current one, in order', () => {
    const registry = new UpcasterRegistry([addRank, splitName]);
    expect(registry.currentVersion('OfficerRegistered')).toBe(3);
    expect(registry.upcast('OfficerRegistered', 1, { name: 'Li Wei', badge: 'B-7' })).toEqual({
      schemaVersion: 3,
      data: { givenName: 'Li', familyName: 'Wei', badge: 'B-7', rank: 'unranked' },
    });
    expect(registry.upcast('OfficerRegistered', 2, { givenName: 'Li' })).toEqual({
      schemaVersion: 3,
      data: { givenName: 'Li', rank: 'unranked' },
    });
  });

  it('throws UnknownUpcasterChainError on a gap in the chain', () => {
    const registry = new UpcasterRegistry([addRank]);
    const attempt = (): unknown =>
      registry.upcast('OfficerRegistered', 1, { name: 'Li Wei' }, { globalPosition: '42', streamId: 'officer-1' });
    expect(attempt).toThrow(UnknownUpcasterChainError);
    expect(attempt).toThrow(
      expect.objectContaining({
        eventType: 'OfficerRegistered',
        storedVersion: 1,
        currentVersion: 3,
        missingFrom: 1,
        at: { globalPosition: '42', streamId: 'officer-1' },
      }),
    );
  });

  it('throws UnknownUpcasterChainError for a stored version newer than any it knows', () => {
    const registry = new UpcasterRegistry([splitName]);
    expect(() => registry.upcast('OfficerRegistered', 5, {})).toThrow(
      expect.objectContaining({ name: 'UnknownUpcasterChainError', storedVersion: 5, currentVersion: 2, missingFrom: null }),
    );
    expect(() => new UpcasterRegistry().upcast('Anything', 2, {})).toThrow(UnknownUpcasterChainError);
  });

  it('refuses malformed or duplicate registrations', () => {
    expect(() => new UpcasterRegistry([{ ...splitName, toVersion: 1 }])).toThrow(TypeError);
    expect(() => new UpcasterRegistry([{ ...splitName, type: '' }])).toThrow(TypeError);
    expect(() => new UpcasterRegistry([splitName, splitName])).toThrow(/registered twice/);
  });

  it('allows a step that skips versions', () => {
    const registry = new UpcasterRegistry([{ type: 'X', fromVersion: 1, toVersion: 3, upcast: (d) => ({ ...d, v: 3 }) }]);
    expect(registry.upcast('X', 1, {})).toEqual({ schemaVersion: 3, data: { v: 3 } });
    expect(() => registry.upcast('X', 2, {})).toThrow(UnknownUpcasterChainError);
  });
});
