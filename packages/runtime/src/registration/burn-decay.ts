/**
 * The neuron registration burn halves every `half_life` blocks. The per-block factor is the largest
 * Q32 value whose `half_life`-th power (by truncating square-and-multiply) is at most one half, so
 * repeated application never decays faster than the half-life says.
 */
const Q32_ONE = 1n << 32n;
const Q32_HALF = 1n << 31n;
const U64_MAX = (1n << 64n) - 1n;

/** `min((v·f) >> 32, u64::MAX)`. */
export function mulQ32(v: bigint, f: bigint): bigint {
  const r = (v * f) >> 32n;
  return r > U64_MAX ? U64_MAX : r;
}

/** f^n in Q32 by square-and-multiply, each product truncated. */
export function powQ32(f: bigint, n: number): bigint {
  let result = Q32_ONE;
  let base = f;
  let e = n;
  while (e > 0) {
    if (e % 2 === 1) result = mulQ32(result, base);
    e >>= 1;
    if (e > 0) base = mulQ32(base, base);
  }
  return result;
}

/** The per-block decay factor in Q32; 1.0 for a half-life of 0 (no decay). */
export function burnDecayFactorQ32(halfLife: number): bigint {
  if (halfLife === 0) return Q32_ONE;
  let lo = 0n;
  let hi = Q32_ONE;
  // Invariant: pow(lo) ≤ 1/2 < pow(hi), with hi = 2^32 excluded from the range.
  while (hi - lo > 1n) {
    const mid = (lo + hi) >> 1n;
    if (powQ32(mid, halfLife) <= Q32_HALF) lo = mid;
    else hi = mid;
  }
  return lo;
}
