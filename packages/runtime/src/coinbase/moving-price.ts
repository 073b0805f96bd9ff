/**
 * The subnet price EMA that drives emission shares. Its smoothing factor warms up with the
 * subnet's age (b / (b + halving)), so a young subnet cannot pump its share, and the spot price is
 * capped at 1.0 before it enters. Computed in U64F64 and stored back as I96F32 (truncated).
 */
import { fixed, I96F32, U64F64 } from '@taonet/primitives';

/** SubnetMovingAlpha = from_num(0.000003), as an I96F32 raw. */
export const DEFAULT_MOVING_ALPHA = 12_885n;
export const DEFAULT_EMA_HALVING_BLOCKS = 201_600n;

export interface MovingPriceParams {
  /** I96F32 raw. */
  readonly movingAlpha: bigint;
  readonly firstEmissionBlock: bigint;
  readonly halvingBlocks: bigint;
}

/** One EMA step at `block`; `ema` and the result are I96F32 raws, `spot` is U64F64. */
export function updateMovingPrice(ema: bigint, spot: bigint, block: bigint, p: MovingPriceParams): bigint {
  const one = U64F64.one;
  const start = p.firstEmissionBlock > 0n ? p.firstEmissionBlock - 1n : 0n;
  const age = block > start ? block - start : 0n;
  const warmUp = fixed.safeDiv(U64F64, age << 64n, (age + p.halvingBlocks) << 64n);
  const alpha = fixed.saturatingMul(U64F64, fixed.convert(I96F32, U64F64, p.movingAlpha), warmUp);
  const price = spot < one ? spot : one;
  const old = fixed.convert(I96F32, U64F64, ema);
  const next = fixed.saturatingAdd(
    U64F64,
    fixed.saturatingMul(U64F64, alpha, price),
    fixed.saturatingMul(U64F64, one - (alpha < one ? alpha : one), old),
  );
  return fixed.convert(U64F64, I96F32, next);
}
