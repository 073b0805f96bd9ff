/**
 * Emission per block halves each time issuance crosses another half of what is left of the supply
 * cap: 1 TAO below 10.5M, 0.5 below 15.75M, and so on. The same curve gives each subnet's alpha
 * emission from its own alpha issuance. Computed in I96F32 exactly as the chain does, because
 * `floor(log2(1/(1 − q)))` near a boundary depends on how q was truncated.
 */
import { fixed, I96F32 } from '@taonet/primitives';

export const DEFAULT_BLOCK_EMISSION = 1_000_000_000n;
export const TOTAL_SUPPLY = 21_000_000_000_000_000n;

export interface EmissionCurve {
  readonly defaultBlockEmission: bigint;
  readonly totalSupply: bigint;
}

export const MAINNET_CURVE: EmissionCurve = { defaultBlockEmission: DEFAULT_BLOCK_EMISSION, totalSupply: TOTAL_SUPPLY };

export function blockEmissionForIssuance(issuance: bigint, curve: EmissionCurve = MAINNET_CURVE): bigint {
  if (issuance >= curve.totalSupply) return 0n;
  const one = I96F32.one;
  const q = fixed.checkedDiv(I96F32, issuance << 32n, curve.totalSupply << 32n);
  if (q === null) return 0n;
  const v = fixed.checkedDiv(I96F32, one, one - q);
  if (v === null) return 0n;
  // floor(log2 v): how many times v halves while staying at or above 2.
  let halvings = 0n;
  for (let r = v; r >= 2n * one; r >>= 1n) halvings++;
  let power = one;
  for (let i = 0n; i < halvings; i++) power = fixed.saturatingMul(I96F32, power, 2n * one);
  const share = fixed.safeDiv(I96F32, one, power);
  const emission = fixed.saturatingMul(I96F32, share, curve.defaultBlockEmission << 32n);
  return emission < 0n ? 0n : emission >> 32n;
}
