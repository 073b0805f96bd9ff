/**
 * A hotkey's stake on a subnet is one pool shared by its nominators: dividends raise the pool value
 * for everyone at once, while a single coldkey's stake or unstake buys or sells shares at the
 * current share price. Shares and the denominator are SafeFloat decimals, as on chain, so that tiny
 * remainders behave the same (a stake too small to buy a share is detectable, not silently lost).
 */
import {
  SAFE_FLOAT_ZERO,
  type SafeFloat,
  safeFloatAdd,
  safeFloatFromInt,
  safeFloatIsZero,
  safeFloatMulDiv,
  safeFloatSub,
  safeFloatToU64,
} from '@taonet/primitives';

const U64_MAX = (1n << 64n) - 1n;

export interface SharePool {
  /** Total value of the pool (alpha rao). */
  readonly sharedValue: bigint;
  readonly denominator: SafeFloat;
  readonly shares: ReadonlyMap<string, SafeFloat>;
}

export const EMPTY_SHARE_POOL: SharePool = { sharedValue: 0n, denominator: SAFE_FLOAT_ZERO, shares: new Map() };

const addValue = (v: bigint, delta: bigint): bigint => {
  const r = v + delta;
  return r < 0n ? 0n : r > U64_MAX ? U64_MAX : r;
};

/** The value of one holder's shares, floored. */
export function shareValue(pool: SharePool, key: string): bigint {
  const share = pool.shares.get(key);
  if (share === undefined || safeFloatIsZero(pool.denominator)) return 0n;
  return safeFloatToU64(safeFloatMulDiv(safeFloatFromInt(pool.sharedValue), share, pool.denominator));
}

/** Dividends (or slashes) that every holder shares pro rata. */
export function updateValueForAll(pool: SharePool, delta: bigint): SharePool {
  return { ...pool, sharedValue: addValue(pool.sharedValue, delta) };
}

/** The shares that `|delta|` buys or sells at the current share price. */
export function sharesForValue(pool: SharePool, delta: bigint): SafeFloat {
  const amount = safeFloatFromInt(delta < 0n ? -delta : delta);
  return safeFloatMulDiv(amount, pool.denominator, safeFloatFromInt(pool.sharedValue));
}

/** Whether a stake of `delta` would buy a non-zero number of shares (the chain refuses dust). */
export function canUpdateValueForOne(pool: SharePool, delta: bigint): boolean {
  return safeFloatIsZero(pool.denominator) || !safeFloatIsZero(sharesForValue(pool, delta));
}

/** One holder stakes (delta > 0) or unstakes (delta < 0) `|delta|` of value. */
export function updateValueForOne(pool: SharePool, key: string, delta: bigint): SharePool {
  const shares = new Map(pool.shares);
  const current = shares.get(key) ?? SAFE_FLOAT_ZERO;
  let denominator: SafeFloat;
  if (safeFloatIsZero(pool.denominator)) {
    denominator = safeFloatFromInt(delta < 0n ? -delta : delta);
    shares.set(key, denominator);
  } else {
    const moved = sharesForValue(pool, delta);
    if (delta >= 0n) {
      denominator = safeFloatAdd(pool.denominator, moved);
      shares.set(key, safeFloatAdd(current, moved));
    } else {
      denominator = safeFloatSub(pool.denominator, moved);
      shares.set(key, safeFloatSub(current, moved));
    }
  }
  return { sharedValue: addValue(pool.sharedValue, delta), denominator, shares };
}
