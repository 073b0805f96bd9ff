/**
 * Weighted ("Balancer") pool math. With quote weight w2 and base weight w1 = 1 − w2, the invariant
 * `tao^w2 · alpha^w1` fixes every output as a power of a reserve ratio; those powers go through
 * `powRatioScaled` at 10^18 and are then brought into U64F64, which is where the chain's rounding
 * (and therefore everybody's) happens.
 */
import { PERQUINTILL_ONE, U64F64 } from '@taonet/primitives';
import { powRatioScaled } from './pow-ratio.js';

const ONE = U64F64.one;
const U64_MAX = (1n << 64n) - 1n;
const SCALE = PERQUINTILL_ONE;
/** Series precision for the reserve-ratio powers of a swap and for the limit-price powers. */
const SWAP_PRECISION = 256;
const LIMIT_PRECISION = 1024;

/** A 10^18-scaled integer as U64F64, truncated. */
const scaledToFixed = (v: bigint): bigint => (v << 64n) / SCALE;

/**
 * `(reserve/(reserve+delta))^e` as U64F64, clamped to ≤ 1, where e = w1/w2 when `baseQuote` (an
 * alpha reserve growing by delta) and w2/w1 otherwise (a TAO reserve growing). A power that does
 * not fit u64 at 10^18 scale counts as 0, as the chain does.
 */
export function expScaled(wQuote: bigint, reserve: bigint, delta: bigint, baseQuote: boolean): bigint {
  const total = reserve + delta;
  if (total === 0n) return 0n;
  const wBase = PERQUINTILL_ONE - wQuote;
  const [num, den] = baseQuote ? [wBase, wQuote] : [wQuote, wBase];
  const r = powRatioScaled(reserve, total, num, den, SWAP_PRECISION, SCALE);
  if (r === null || r > U64_MAX) return 0n;
  const v = scaledToFixed(r);
  return v > ONE ? ONE : v;
}

/** Alpha out for `taoIn` TAO in: floor(alpha × (1 − e(tao, taoIn, w2/w1))). */
export function alphaOutForTao(tao: bigint, alpha: bigint, wQuote: bigint, taoIn: bigint): bigint {
  return (alpha * (ONE - expScaled(wQuote, tao, taoIn, false))) >> 64n;
}

/** TAO out for `alphaIn` alpha in: floor(tao × (1 − e(alpha, alphaIn, w1/w2))). */
export function taoOutForAlpha(tao: bigint, alpha: bigint, wQuote: bigint, alphaIn: bigint): bigint {
  return (tao * (ONE - expScaled(wQuote, alpha, alphaIn, true))) >> 64n;
}

/** reserve × ((num/den)^(w/10^18) − 1), floored; a ratio at or below 1 gives 0. */
function deltaToReach(num: bigint, den: bigint, weight: bigint, reserve: bigint): bigint {
  const r = powRatioScaled(num, den, weight, PERQUINTILL_ONE, LIMIT_PRECISION, SCALE);
  if (r === null) return 0n;
  const ratio = scaledToFixed(r > U64_MAX ? U64_MAX : r);
  if (ratio <= ONE) return 0n;
  const v = (reserve * (ratio - ONE)) >> 64n;
  return v > U64_MAX ? U64_MAX : v;
}

/**
 * TAO to add for the price to move from `current` to `target` (both U64F64, taken as raw bit
 * patterns): tao × ((target/current)^w1 − 1).
 */
export function quoteDeltaIn(wQuote: bigint, current: bigint, target: bigint, taoReserve: bigint): bigint {
  return deltaToReach(target, current, PERQUINTILL_ONE - wQuote, taoReserve);
}

/** Alpha to add for the price to fall from `current` to `target`: alpha × ((current/target)^w2 − 1). */
export function baseDeltaIn(wQuote: bigint, current: bigint, target: bigint, alphaReserve: bigint): bigint {
  return deltaToReach(current, target, wQuote, alphaReserve);
}
