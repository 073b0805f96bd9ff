/**
 * A subnet's weighted AMM pool as the swap math sees it: TAO reserve (quote), alpha reserve (base)
 * and the quote weight. Limit prices arrive from users in rao per alpha and are turned into U64F64
 * prices here so that every caller converts them with the same truncation.
 */
import { fixed, PERQUINTILL_ONE, U64F64 } from '@taonet/primitives';

export interface Pool {
  readonly tao: bigint;
  readonly alpha: bigint;
  /** Quote (TAO) weight in Perquintill parts; the base weight is its complement. */
  readonly wQuote: bigint;
  /** u16 fee rate, value / 65535. */
  readonly feeRate: number;
  /** The output reserve must hold at least this much for a swap to run. */
  readonly minReserve: bigint;
  /** 1 = dynamic (AMM); 0 = stable (price fixed at 1.0, swaps 1:1 with no fee). Defaults to 1. */
  readonly mechanism?: number;
}

export type SwapSide = 'buy' | 'sell';

/** Both weights must stay at or above 0.01. */
export const MIN_WEIGHT = PERQUINTILL_ONE / 100n;
export const DEFAULT_WEIGHT = PERQUINTILL_ONE / 2n;
/** 1e9 rao per alpha is a price of 1.0. */
export const PRICE_UNIT_RAO = 1_000_000_000n;
/** The implied limits when a swap gives none: 10^6 TAO per alpha for buys, 10^-6 for sells. */
export const DEFAULT_MAX_PRICE_RAO = 1_000_000_000_000_000n;
export const DEFAULT_MIN_PRICE_RAO = 1000n;

export const isDynamic = (pool: { readonly mechanism?: number }): boolean => (pool.mechanism ?? 1) === 1;

/** `U64F64(limit) / U64F64(1e9)`, truncated. */
export function limitPriceFromRao(rao: bigint): bigint {
  return fixed.safeDiv(U64F64, rao << 64n, PRICE_UNIT_RAO << 64n);
}

export function weightInBounds(wQuote: bigint): boolean {
  return wQuote >= MIN_WEIGHT && PERQUINTILL_ONE - wQuote >= MIN_WEIGHT;
}
