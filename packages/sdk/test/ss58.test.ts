/** SS58: prefixes in both encodings, checksums, and what is refused. */
import { describe, expect, it } from 'vitest';
import { base58Decode, base58Encode, isValidSs58, ss58Decode, ss58Encode } from '../src/index.js';

const KEY = Uint8Array.from({ length: 32 }, (_, i) => i * 7);

describe('ss58', () => {
  it('round-trips one-byte and two-byte prefixes', () => {
    for (const prefix of [0, 2, 42, 63, 64, 255, 2000, 16383]) {
      const a = ss58Encode(KEY, prefix);
      expect(ss58Decode(a)).toEqual({ prefix, publicKey: KEY });
    }
    expect(ss58Encode(KEY).startsWith('5')).toBe(true);
  });

  it('refuses reserved and out-of-range prefixes, and keys that are not 32 bytes', () => {
    for (const prefix of [46, 47, 16384, -1, 1.5])
      expect(() => ss58Encode(KEY, prefix)).toThrow(expect.objectContaining({ code: 'InvalidSs58' }));
    expect(() => ss58Encode(new Uint8Array(33))).toThrow(expect.objectContaining({ code: 'InvalidSs58' }));
  });

  it('rejects a changed character, a bad alphabet character, truncation and a wrong expected prefix', () => {
    const a = ss58Encode(KEY);
    const changed = a.slice(0, 10) + (a[10] === 'A' ? 'B' : 'A') + a.slice(11);
    expect(isValidSs58(changed)).toBe(false);
    expect(isValidSs58(`${a.slice(0, -1)}0`)).toBe(false);
    expect(isValidSs58(a.slice(0, -1))).toBe(false);
    expect(isValidSs58('')).toBe(false);
    expect(isValidSs58(a, 42)).toBe(true);
    expect(isValidSs58(ss58Encode(KEY, 0), 42)).toBe(false);
  });
});

describe('base58', () => {
  it('keeps leading zero bytes as leading 1s', () => {
    const b = Uint8Array.of(0, 0, 1, 2, 255);
    expect(base58Encode(b).startsWith('11')).toBe(true);
    expect(base58Decode(base58Encode(b))).toEqual(b);
    expect(base58Decode('')).toEqual(new Uint8Array());
    expect(base58Decode('0OIl')).toBeNull();
  });
});
