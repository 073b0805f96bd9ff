/**
 * A new subnet's pool is seeded with the lock (at least the minimum) in TAO and alpha at the median
 * price of the existing subnets, so a new subnet starts priced like a typical one. The owner gets
 * no alpha; any part of the lock above the seed is recycled.
 */
import { fixed, U64F64 } from '@taonet/primitives';

export interface PoolSeed {
  readonly poolTao: bigint;
  readonly poolAlpha: bigint;
  readonly recycled: bigint;
}

/** `medianPrice` is U64F64. */
export function subnetPoolSeed(actualLock: bigint, minLock: bigint, medianPrice: bigint): PoolSeed {
  const poolTao = actualLock > minLock ? actualLock : minLock;
  const poolAlpha = fixed.safeDiv(U64F64, poolTao << 64n, medianPrice) >> 64n;
  return { poolTao, poolAlpha, recycled: actualLock > poolTao ? actualLock - poolTao : 0n };
}
