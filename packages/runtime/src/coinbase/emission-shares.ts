/**
 * How the block's TAO emission is split between subnets (the active model): by price EMA, with each
 * subnet's weight reduced by the fraction of its last miner incentive that was burned. Subnets with
 * emission disabled get nothing and the rest is renormalised. All in U64F64.
 */
import { fixed, I96F32, U64F64, U96F32 } from '@taonet/primitives';

export interface EmissionShareInput {
  /** 0 = stable (counts with price 1.0), 1 = dynamic. */
  readonly mechanism: number;
  /** Price EMA, I96F32 raw. */
  readonly movingPrice: bigint;
  /** Fraction of the last miner incentive burned, U96F32 raw. */
  readonly minerBurned: bigint;
  readonly emissionEnabled: boolean;
}

export interface SubnetEmissions {
  /** Price-EMA shares before disabled subnets are removed, U64F64 raws. */
  readonly shares: bigint[];
  /** The shares actually applied: disabled subnets at 0, the rest renormalised. */
  readonly effectiveShares: bigint[];
  /** TAO per subnet for this block, U96F32 raws. */
  readonly taoEmission: bigint[];
}

const ONE = U64F64.one;
const sum = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => fixed.saturatingAdd(U64F64, a, b), 0n);
const normalize = (xs: readonly bigint[], total: bigint): bigint[] => xs.map((x) => fixed.safeDiv(U64F64, x, total));

/** The moving price a subnet counts with: 1.0 for stable subnets. */
export function effectiveMovingPrice(s: { readonly mechanism: number; readonly movingPrice: bigint }): bigint {
  return s.mechanism === 1 ? s.movingPrice : I96F32.one;
}

export function emissionShares(subnets: readonly EmissionShareInput[]): bigint[] {
  const emas = subnets.map((s) => fixed.convert(I96F32, U64F64, effectiveMovingPrice(s)));
  const priceShares = normalize(emas, sum(emas));
  const weighted = priceShares.map((s, i) => {
    const burned = fixed.convert(U96F32, U64F64, (subnets[i] as EmissionShareInput).minerBurned);
    return fixed.saturatingMul(U64F64, s, ONE - (burned < ONE ? burned : ONE));
  });
  const weightedSum = sum(weighted);
  return weightedSum > 0n ? normalize(weighted, weightedSum) : priceShares;
}

export function subnetBlockEmissions(blockEmission: bigint, subnets: readonly EmissionShareInput[]): SubnetEmissions {
  const shares = emissionShares(subnets);
  let effective = shares;
  if (subnets.some((s) => !s.emissionEnabled)) {
    const enabled = shares.map((s, i) => ((subnets[i] as EmissionShareInput).emissionEnabled ? s : 0n));
    effective = normalize(enabled, sum(enabled));
  }
  const emission = blockEmission << 64n;
  const taoEmission = effective.map((s) => fixed.convert(U64F64, U96F32, fixed.saturatingMul(U64F64, emission, s)));
  return { shares, effectiveShares: effective, taoEmission };
}
