const utf8 = new TextEncoder();

/**
 * FNV-1a, 64 bits, of the UTF-8 bytes of `text`, as 16 hex digits. The 64-bit state is kept as two
 * 32-bit halves: multiplying by the FNV prime 2^40 + 0x1b3 is `lo·0x1b3` plus `(hi·0x1b3 + lo·2^8)`
 * shifted up 32 bits (modulo 2^64 the rest vanishes), every product below 2^53 and so exact in a
 * double. The same digits as the BigInt definition (see the spec), at a fraction of its cost: the
 * fingerprint is taken for every chain a batch reassesses.
 */
export function fnv1a64(text: string): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (const byte of utf8.encode(text)) {
    lo = (lo ^ byte) >>> 0;
    const low = lo * 0x1b3;
    hi = (hi * 0x1b3 + lo * 0x100 + Math.floor(low / 0x1_0000_0000)) >>> 0;
    lo = low >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
