/** The one hex codec. */
import { describe, expect, it } from 'vitest';
import { fromHex, toHex, tryFromHex } from '../src/index.js';

describe('hex', () => {
  it('round-trips bytes, accepts either case and an optional 0x', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromHex(toHex(all))).toEqual(all);
    expect(toHex(Uint8Array.of(0, 15, 16, 255))).toBe('0x000f10ff');
    for (const h of ['0x', '0x00', '0xdeadBEEF', `0x${'0f'.repeat(300)}`]) {
      expect(toHex(tryFromHex(h) as Uint8Array)).toBe(h.toLowerCase());
      expect(fromHex(h.slice(2))).toEqual(tryFromHex(h));
    }
  });

  it('refuses what is not hex of whole bytes', () => {
    for (const h of ['0x0', '0xzz', '0x0g', '0x 1', '0x12 ', '0xé0']) {
      expect(tryFromHex(h)).toBeNull();
      expect(() => fromHex(h)).toThrow(RangeError);
    }
  });
});
