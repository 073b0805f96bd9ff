/**
 * The weight a pool starts with. Without a price the pool is balanced (0.5); with one, the weight is
 * chosen so that the spot price of the existing reserves equals it: w = tao / (price·alpha + tao).
 */
import { perquintillFromRational, U64F64 } from '@taonet/primitives';
import { DEFAULT_WEIGHT, weightInBounds } from './pool.js';
import { spotPrice } from './spot-price.js';
import { SwapError } from './swap-error.js';

export interface InitialWeight {
  readonly wQuote: bigint;
  /** The spot price with that weight (U64F64). */
  readonly price: bigint;
}

/** `price` is U64F64, or null for the default weight. Throws `ReservesOutOfBalance`. */
export function initialWeight(tao: bigint, alpha: bigint, price: bigint | null): InitialWeight {
  if (price === null) return { wQuote: DEFAULT_WEIGHT, price: spotPrice(tao, alpha, DEFAULT_WEIGHT) };
  // price × alpha as integer part × alpha plus the floored fraction part × alpha.
  const whole = (price >> 64n) * alpha;
  const frac = ((price & (U64F64.one - 1n)) * alpha) >> 64n;
  const denominator = whole + frac + tao;
  if (denominator === 0n) throw new SwapError('ReservesOutOfBalance');
  const wQuote = perquintillFromRational(tao, denominator);
  if (!weightInBounds(wQuote)) throw new SwapError('ReservesOutOfBalance');
  return { wQuote, price: spotPrice(tao, alpha, wQuote) };
}
