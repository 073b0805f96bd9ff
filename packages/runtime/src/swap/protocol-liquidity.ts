/**
 * Protocol injections add TAO and alpha in whatever ratio emission produced, not the pool's ratio.
 * Instead of moving the price, the pool re-weights: the new quote weight makes the spot price of
 * the grown reserves equal the old one. If that would push a weight below 0.01, nothing is injected.
 */
import { perquintillComplement, perquintillFromRational, perquintillMulRound } from '@taonet/primitives';
import { DEFAULT_WEIGHT, weightInBounds } from './pool.js';

export interface LiquidityAdjustment {
  readonly wQuote: bigint;
  readonly taoInjected: bigint;
  readonly alphaInjected: bigint;
}

export function adjustProtocolLiquidity(
  tao: bigint,
  alpha: bigint,
  wQuote: bigint,
  taoDelta: bigint,
  alphaDelta: bigint,
): LiquidityAdjustment {
  const q1 = perquintillMulRound(perquintillComplement(wQuote), tao * (alpha + alphaDelta));
  const q2 = perquintillMulRound(wQuote, alpha * (tao + taoDelta));
  const sum = q1 + q2;
  const next = sum === 0n ? DEFAULT_WEIGHT : perquintillFromRational(q2, sum);
  if (!weightInBounds(next)) return { wQuote, taoInjected: 0n, alphaInjected: 0n };
  return { wQuote: next, taoInjected: taoDelta, alphaInjected: alphaDelta };
}
