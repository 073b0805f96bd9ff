/**
 * The share of a subnet's validator emission that belongs to root stakers: root TAO weighted by
 * TaoWeight, against the subnet's alpha issuance. It also caps how much alpha may be injected into
 * the pool per block. U96F32, 0 when both sides are 0.
 */
import { fixed, U96F32 } from '@taonet/primitives';

const U64_MAX = (1n << 64n) - 1n;

/** `taoWeight` is a u64 proportion (value / u64::MAX); the result is a U96F32 raw. */
let lastTaoWeight = -1n;
let lastWeight = 0n;

/** TaoWeight as U96F32, remembered: it is a network parameter, asked for every subnet and block. */
function weightOf(taoWeight: bigint): bigint {
  if (taoWeight !== lastTaoWeight) {
    lastWeight = fixed.safeDiv(U96F32, taoWeight << 32n, U64_MAX << 32n);
    lastTaoWeight = taoWeight;
  }
  return lastWeight;
}

export function rootProportion(rootTao: bigint, taoWeight: bigint, alphaIssuance: bigint): bigint {
  // No root TAO weighs nothing: 0 over any total (and 0 over 0 is 0 too).
  if (rootTao === 0n) return 0n;
  const weight = weightOf(taoWeight);
  const weightedRoot = fixed.saturatingMul(U96F32, rootTao << 32n, weight);
  const total = fixed.saturatingAdd(U96F32, weightedRoot, alphaIssuance << 32n);
  return fixed.safeDiv(U96F32, weightedRoot, total);
}
