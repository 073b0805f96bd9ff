/**
 * The price a new subnet's pool is seeded at: the median spot price of the existing subnets, so a
 * newcomer starts priced like a typical subnet rather than at an arbitrary 1.0. Empty or zero-price
 * subnets do not count.
 */
import { U64F64 } from '@taonet/primitives';

/** Median of the positive spot prices (U64F64); the mean of the middle two for an even count; 1.0 if none. */
export function medianSubnetAlphaPrice(prices: readonly bigint[]): bigint {
  const positive = prices.filter((p) => p > 0n).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = positive.length;
  if (n === 0) return U64F64.one;
  const mid = n >> 1;
  if (n % 2 === 1) return positive[mid] as bigint;
  return ((positive[mid - 1] as bigint) + (positive[mid] as bigint)) / 2n;
}
