import { Twox64Concat, Twox128, Twox256 } from '@polkadot-api/substrate-bindings';
import { toHex, twox64, twox128, twox256 } from '@taonet/primitives';
import { describe, expect, it } from 'vitest';

// The primitives' twox hashers (storage keys and the MEV shield's key hash) against the library
// polkadot-api clients hash storage keys with.
describe('primitives twox agrees with substrate-bindings', () => {
  it('on every length 0..300 (all XXH64 tails and several 32-byte stripes) and a 1184-byte key', () => {
    const lengths = [...Array.from({ length: 301 }, (_, n) => n), 1184];
    for (const n of lengths) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n * 11) & 0xff);
      expect(toHex(twox128(data))).toBe(toHex(Twox128(data)));
      expect(toHex(twox256(data))).toBe(toHex(Twox256(data)));
      expect(toHex(twox64(data))).toBe(toHex(Twox64Concat(data).subarray(0, 8)));
    }
  });
});
