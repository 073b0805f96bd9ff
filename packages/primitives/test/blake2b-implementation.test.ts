import { blake2b } from '@noble/hashes/blake2.js';
import { afterEach, describe, expect, it } from 'vitest';
import { blake2b256, HashImplementationError, useBlake2b256 } from '../src/index.js';

const reference = (d: Uint8Array): Uint8Array => blake2b(d, { dkLen: 32 });

describe('useBlake2b256', () => {
  afterEach(() => useBlake2b256(reference));

  it('routes blake2b256 through an agreeing implementation', () => {
    let calls = 0;
    useBlake2b256((d) => {
      calls++;
      return reference(d);
    });
    const before = calls;
    const input = new Uint8Array(1330).fill(7);
    expect(blake2b256(input)).toEqual(reference(input));
    expect(calls).toBe(before + 1);
  });

  it('refuses one that differs from the reference, and keeps the old one', () => {
    let calls = 0;
    useBlake2b256((d) => {
      calls++;
      return reference(d);
    });
    const wrongOnBigInputs = (d: Uint8Array): Uint8Array => (d.length > 128 ? reference(d.subarray(1)) : reference(d));
    expect(() => useBlake2b256(wrongOnBigInputs)).toThrow(HashImplementationError);
    expect(() => useBlake2b256((d) => reference(d).subarray(0, 16))).toThrow(/differs from the reference on 0 bytes/);
    const before = calls;
    blake2b256(new Uint8Array(300));
    expect(calls).toBe(before + 1);
  });
});
