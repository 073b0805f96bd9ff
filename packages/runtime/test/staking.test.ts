import { describe, expect, it } from 'vitest';
import {
  addStakeMinAmount,
  canUpdateValueForOne,
  EMPTY_SHARE_POOL,
  shareValue,
  updateValueForAll,
  updateValueForOne,
} from '../src/staking/index.js';

describe('share pool', () => {
  it('dividends raise every holder pro rata; stakes buy at the current share price', () => {
    let pool = updateValueForOne(EMPTY_SHARE_POOL, 'a', 1000n);
    pool = updateValueForOne(pool, 'b', 3000n);
    pool = updateValueForAll(pool, 4000n);
    expect(shareValue(pool, 'a')).toBe(2000n);
    expect(shareValue(pool, 'b')).toBe(6000n);
    pool = updateValueForOne(pool, 'c', 2000n);
    expect(shareValue(pool, 'c')).toBe(2000n);
    expect(shareValue(pool, 'a')).toBe(2000n);
  });

  it('unstaking everything empties a holder; unknown holders and empty pools are worth 0', () => {
    let pool = updateValueForOne(EMPTY_SHARE_POOL, 'a', 500n);
    pool = updateValueForOne(pool, 'a', -500n);
    expect(shareValue(pool, 'a')).toBe(0n);
    expect(shareValue(pool, 'zz')).toBe(0n);
    expect(shareValue(EMPTY_SHARE_POOL, 'a')).toBe(0n);
  });

  it('value changes saturate at zero', () => {
    expect(updateValueForAll(EMPTY_SHARE_POOL, -5n).sharedValue).toBe(0n);
  });

  it('the dust check passes on an empty pool and for any positive stake in a balanced one', () => {
    expect(canUpdateValueForOne(EMPTY_SHARE_POOL, 1n)).toBe(true);
    const pool = updateValueForOne(EMPTY_SHARE_POOL, 'a', 10n ** 15n);
    expect(canUpdateValueForOne(pool, 1n)).toBe(true);
  });
});

describe('minimum stake', () => {
  it('is the default minimum plus its swap fee', () => {
    expect(addStakeMinAmount()).toBe(2_001_007n);
    expect(addStakeMinAmount(2_000_000n, 0)).toBe(2_000_000n);
  });
});
