/** Weights: commit hash preimage, emit normalization (float32, ties to even), storage index. */
import { describe, expect, it } from 'vitest';
import {
  compact,
  fromHex,
  mechStorageIndex,
  normalizeWeightsForEmit,
  roundHalfEven,
  toHex,
  weightsCommitHash,
  weightsCommitPreimage,
} from '../src/index.js';

const HOTKEY = fromHex('0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d');
const commit = {
  hotkeyPublicKey: HOTKEY,
  storageIndex: 1,
  uids: [0, 1, 2],
  values: [65535, 32768, 1],
  salt: [1, 2, 3, 4, 5, 6, 7, 8],
  versionKey: 10002000n,
};

describe('weights commit hash', () => {
  it('hashes the documented preimage', () => {
    expect(toHex(weightsCommitHash(commit))).toBe('0x32266d2d450dc1024c031f46bf10f5b95725b750164509baf1a50617d34bfdd8');
    expect(weightsCommitPreimage(commit)).toHaveLength(32 + 2 + 7 + 7 + 17 + 8);
  });

  it('refuses mismatched lengths and out-of-range numbers', () => {
    expect(() => weightsCommitHash({ ...commit, values: [1] })).toThrow(
      expect.objectContaining({ code: 'LengthMismatch' }),
    );
    expect(() => weightsCommitHash({ ...commit, uids: [0, 1, 65536] })).toThrow(
      expect.objectContaining({ code: 'InvalidInput' }),
    );
    expect(() => weightsCommitHash({ ...commit, versionKey: 1n << 64n })).toThrow(
      expect.objectContaining({ code: 'InvalidInput' }),
    );
    expect(() => weightsCommitHash({ ...commit, hotkeyPublicKey: new Uint8Array(31) })).toThrow(
      expect.objectContaining({ code: 'InvalidInput' }),
    );
  });

  it('uses every SCALE compact width', () => {
    expect(toHex(compact(63))).toBe('0xfc');
    expect(toHex(compact(64))).toBe('0x0101');
    expect(toHex(compact(16384))).toBe('0x02000100');
    expect(toHex(compact(1n << 30n))).toBe('0x0300000040');
  });
});

describe('normalize weights for emit', () => {
  it('rounds ties to even like Python round()', () => {
    expect([0.5, 1.5, 2.5, -0.5, 2.4999, 2.5001].map(roundHalfEven)).toEqual([0, 2, 2, 0, 2, 3]);
  });

  it('casts to float32 first', () => {
    // 0.7 and 0.7000001 are the same float32, so both become the maximum.
    expect(normalizeWeightsForEmit([7, 8], [0.7, 0.7000001]).values).toEqual([65535, 65535]);
  });

  it('drops zeros, and gives empty lists for all-zero or empty input', () => {
    expect(normalizeWeightsForEmit([0, 1, 2], [0, 1, 0])).toEqual({ uids: [1], values: [65535] });
    expect(normalizeWeightsForEmit([0, 1], [0, 0])).toEqual({ uids: [], values: [] });
    expect(normalizeWeightsForEmit([], [])).toEqual({ uids: [], values: [] });
  });

  it('checks negative weight, then negative uid, then length', () => {
    const err = (c: string) => expect.objectContaining({ code: c });
    expect(() => normalizeWeightsForEmit([-1, 0, 1], [1, -1])).toThrow(err('NegativeWeight'));
    expect(() => normalizeWeightsForEmit([-1, 0, 1], [1, 1])).toThrow(err('NegativeUid'));
    expect(() => normalizeWeightsForEmit([0, 1, 2], [1, 1])).toThrow(err('LengthMismatch'));
    expect(() => normalizeWeightsForEmit([0], [Number.NaN])).toThrow(err('InvalidInput'));
    expect(() => normalizeWeightsForEmit([0], [1e39])).toThrow(err('InvalidInput'));
  });
});

describe('mechanism storage index', () => {
  it('is mechid × 4096 + netuid within u16', () => {
    expect(mechStorageIndex(64, 1)).toBe(4160);
    expect(mechStorageIndex(4095, 15)).toBe(65535);
    expect(() => mechStorageIndex(4096, 0)).toThrow(expect.objectContaining({ code: 'InvalidInput' }));
    expect(() => mechStorageIndex(0, 16)).toThrow(expect.objectContaining({ code: 'InvalidInput' }));
  });
});
