/**
 * Element-wise vector helpers on I32F32 raws (`BigInt64Array`), with the reference's rounding and
 * its quirks kept: plain (non-saturating) sums, `safe_div` giving 0 on overflow, `checked_mul`
 * giving 0 in `vecMul`.
 */
import { I32 } from '@taonet/primitives';

export type FixedVector = BigInt64Array;

/** Plain sum (addition is exact, so order never matters). */
export function sum(v: ArrayLike<bigint>): bigint {
  let s = 0n;
  for (let i = 0; i < v.length; i++) s += v[i] as bigint;
  return s;
}

/** Divides every element by the sum; does nothing when the sum is exactly 0. Returns a new vector. */
export function normalize(v: FixedVector): FixedVector {
  return normalizeUsingSum(v, sum(v));
}

export function normalizeUsingSum(v: FixedVector, s: bigint): FixedVector {
  const out = new BigInt64Array(v);
  if (s === 0n) return out;
  for (let i = 0; i < out.length; i++) out[i] = I32.safeDiv(out[i] as bigint, s);
  return out;
}

/** x_i safe_div y_i; a missing y_i counts as 0 (giving 0). */
export function vecdiv(x: FixedVector, y: FixedVector): FixedVector {
  const out = new BigInt64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = I32.safeDiv(x[i] as bigint, y[i] ?? 0n);
  return out;
}

/** Element-wise product over the shorter input; overflow gives 0 (`checked_mul`). */
export function vecMul(a: FixedVector, b: FixedVector): FixedVector {
  const n = Math.min(a.length, b.length);
  const out = new BigInt64Array(n);
  for (let i = 0; i < n; i++) out[i] = I32.checkedMul(a[i] as bigint, b[i] as bigint) ?? 0n;
  return out;
}

/**
 * Zeroes `v_i` where `mask_i` is true. An empty mask changes nothing; a shorter non-empty mask
 * treats the missing positions as masked.
 */
export function maskVector(mask: readonly boolean[], v: FixedVector): FixedVector {
  const out = new BigInt64Array(v);
  if (mask.length === 0) return out;
  for (let i = 0; i < out.length; i++) if (mask[i] ?? true) out[i] = 0n;
  return out;
}

/**
 * Top-k selection: everything is kept when len < k; otherwise indices are stably sorted by
 * ascending value and the first len − k cleared, so on ties the lower index loses.
 */
export function isTopk(v: FixedVector, k: number): boolean[] {
  return topkFrom(
    v,
    k,
    Array.from({ length: v.length }, () => true),
  );
}

/** Top-k among the non-zero entries: the validator-permit rule. */
export function isTopkNonzero(v: FixedVector, k: number): boolean[] {
  return topkFrom(
    v,
    k,
    Array.from(v, (x) => x !== 0n),
  );
}

function topkFrom(v: FixedVector, k: number, result: boolean[]): boolean[] {
  const n = v.length;
  if (n < k) return result;
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => {
    const va = v[a] as bigint;
    const vb = v[b] as bigint;
    return va < vb ? -1 : va > vb ? 1 : a - b;
  });
  for (let r = 0; r < n - k; r++) result[idx[r] as number] = false;
  return result;
}
