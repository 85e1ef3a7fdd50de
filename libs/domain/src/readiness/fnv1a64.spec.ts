import { fnv1a64 } from './fnv1a64';

/** The definition, in 64-bit integers. */
function reference(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

describe('fnv1a64', () => {
  it('gives the published FNV-1a 64-bit values', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('agrees with the 64-bit definition on gap texts, CJK and every byte value', () => {
    const texts = [
      '["equipment","drone",1]',
      '["officers","certified-officer",2]\n["training","执法程序",8]',
      '城市管理局 — 无人机',
      String.fromCharCode(...Array.from({ length: 256 }, (_, code) => code)),
    ];
    let seed = 7;
    for (let n = 0; n < 200; n += 1) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      texts.push(Array.from({ length: seed % 64 }, (_, i) => String.fromCharCode(((seed >> (i % 24)) + i * 31) % 0x3000)).join(''));
    }
    for (const text of texts) expect(fnv1a64(text)).toBe(reference(text));
  });
});
