import { blake2b } from '@noble/hashes/blake2.js';
import { blake2b256 } from '@taonet/primitives';
import { describe, expect, it } from 'vitest';
import { hash256, initCrypto } from '../src/crypto.js';

describe('the node hashes blake2b-256 with wasm once crypto is ready', () => {
  it('primitives and runtime hashes agree with the JS reference, through the wasm', async () => {
    await initCrypto();
    for (const n of [0, 5, 64, 128, 129, 146, 1292, 8192]) {
      const input = Uint8Array.from({ length: n }, (_, i) => (i * 7 + 3) & 0xff);
      const want = blake2b(input, { dkLen: 32 });
      expect(blake2b256(input)).toEqual(want);
      expect(hash256(input)).toEqual(want);
    }
  });
});
