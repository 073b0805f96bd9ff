/**
 * The marginal price of alpha in TAO: `(w_base/w_quote) × (tao/alpha)`, in U64F64 with each ratio
 * truncated separately, because that is the price every limit check and EMA update compares against.
 */
import { fixed, PERQUINTILL_ONE, U64F64 } from '@taonet/primitives';

let lastWQuote = -1n;
let lastWeightRatio = 0n;

/** `w_base / w_quote`, remembered for the last weight: a pool's weight rarely moves between swaps. */
function weightRatioOf(wQuote: bigint): bigint {
  if (wQuote !== lastWQuote) {
    lastWeightRatio = fixed.safeDiv(U64F64, (PERQUINTILL_ONE - wQuote) << 64n, wQuote << 64n);
    lastWQuote = wQuote;
  }
  return lastWeightRatio;
}

export function spotPrice(tao: bigint, alpha: bigint, wQuote: bigint, mechanism = 1): bigint {
  if (mechanism !== 1) return U64F64.one;
  if (alpha === 0n) return 0n;
  const weightRatio = weightRatioOf(wQuote);
  const reserveRatio = fixed.safeDiv(U64F64, tao << 64n, alpha << 64n);
  return fixed.saturatingMul(U64F64, weightRatio, reserveRatio);
}
