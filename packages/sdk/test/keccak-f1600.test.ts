/** The unrolled Keccak-f[1600] against @noble/hashes' keccakP, and the SHA3-256 it makes. */
import { createHash } from 'node:crypto';
import { keccakP } from '@noble/hashes/sha3.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keccakF1600 } from '../src/keys/keccak-f1600.js';

describe('keccakF1600', () => {
  it('permutes exactly as @noble/hashes keccakP on random states', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 50, maxLength: 50 }), (words) => {
        const ours = Uint32Array.from(words);
        const theirs = Uint32Array.from(words);
        keccakF1600(ours);
        keccakP(theirs, 24);
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 500 },
    );
  });

  it('builds SHA3-256 of a short message as OpenSSL computes it', () => {
    // One block, rate 136: pad with 0x06 … 0x80, permute, read 32 bytes.
    const msg = Buffer.from('taonet keccak');
    const state = new Uint8Array(200);
    state.set(msg);
    state[msg.length] = (state[msg.length] as number) ^ 0x06;
    state[135] = (state[135] as number) ^ 0x80;
    keccakF1600(new Uint32Array(state.buffer));
    expect(Buffer.from(state.subarray(0, 32)).toString('hex')).toBe(createHash('sha3-256').update(msg).digest('hex'));
  });
});
