/**
 * Binary and natural logarithms on I32F32 raws, built from shifts and squarings only, so every node
 * computes the same bits. log2 takes the integer part by normalising into [1, 2), then one fraction
 * bit per squaring; ln multiplies by ln 2 with the product floored.
 */
const FRAC = 32n;
const ONE = 1n << FRAC;
const TWO = 2n << FRAC;
/** ln 2 rounded to the nearest I32F32 raw, as `from_num` would store it. */
export const LN_2_I32F32 = 2977044472n;

/** log2 of a positive I32F32 raw, as an I32F32 raw; null when x ≤ 0 (no logarithm). */
export function fixedLog2(x: bigint): bigint | null {
  if (x <= 0n) return null;
  let v = x;
  let result = 0n;
  while (v >= TWO) {
    v >>= 1n;
    result += ONE;
  }
  while (v < ONE) {
    v <<= 1n;
    result -= ONE;
  }
  // v is now in [1, 2): each squaring doubles the logarithm and exposes its next fraction bit.
  for (let bit = ONE >> 1n; bit > 0n; bit >>= 1n) {
    v = (v * v) >> FRAC;
    if (v >= TWO) {
      v >>= 1n;
      result += bit;
    }
  }
  return result;
}

/** Natural logarithm of a positive I32F32 raw; null when x ≤ 0. */
export function fixedLn(x: bigint): bigint | null {
  const l2 = fixedLog2(x);
  return l2 === null ? null : (l2 * LN_2_I32F32) >> FRAC;
}
