/**
 * The share of a subnet's validator emission that belongs to root stakers: root TAO weighted by
 * TaoWeight, against the subnet's alpha issuance. It also caps how much alpha may be injected into
 * the pool per block. U96F32, 0 when both sides are 0.
 */
import { fixed, U96F32 } from '@taonet/primitives';

const U64_MAX = (1n << 64n) - 1n;

/** `taoWeight` is a u64 proportion (value / u64::MAX); the result is a U96F32 raw. */
export function rootProportion(rootTao: bigint, taoWeight: bigint, alphaIssuance: bigint): bigint {
  const weight = fixed.safeDiv(U96F32, taoWeight << 32n, U64_MAX << 32n);
  const weightedRoot = fixed.saturatingMul(U96F32, rootTao << 32n, weight);
  const total = fixed.saturatingAdd(U96F32, weightedRoot, alphaIssuance << 32n);
  return fixed.safeDiv(U96F32, weightedRoot, total);
}
