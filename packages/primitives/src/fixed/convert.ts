/**
 * Conversions between fixed-point values and the integers the chain stores (u16 proportions, u64
 * rao amounts), each with the reference's exact rounding and saturation.
 */
import { I32F32, I64F64 } from './format.js';
import { convert } from './arith.js';
import { MAX, satMul, safeDiv, U16_MAX_FIXED } from './i32f32.js';

const U16_MAX = 65535n;
const U64_MAX = (1n << 64n) - 1n;

/** Integer-valued I32F32 of a u16: 65535 becomes 65535.0, not 1.0. */
export function u16ToFixed(x: number | bigint): bigint {
  return BigInt(x) << 32n;
}

/** u16 proportion (65535 = 1.0) to I32F32: `x safe_div 65535`, i.e. trunc(x·2^32 / 65535). */
export function u16ProportionToFixed(x: number | bigint): bigint {
  return safeDiv(BigInt(x) << 32n, U16_MAX_FIXED);
}

/** Floor to an integer and clamp into 0..65535. */
export function fixedToU16(raw: bigint): number {
  const v = raw >> 32n;
  return Number(v < 0n ? 0n : v > U16_MAX ? U16_MAX : v);
}

/** I32F32 proportion to u16: `saturating_to_u16(x ×sat 65535)`. */
export function fixedProportionToU16(raw: bigint): number {
  return fixedToU16(satMul(raw, U16_MAX_FIXED));
}

/** Floor to u64, clamping negatives to 0 and overflow to u64::MAX. */
export function fixedToU64(raw: bigint, frac = 32n): bigint {
  const v = raw >> frac;
  return v < 0n ? 0n : v > U64_MAX ? U64_MAX : v;
}

/** I64F64 to u64 (floor, clamp at 0). */
export function fixed64ToU64(raw: bigint): bigint {
  return fixedToU64(raw, 64n);
}

/** I64F64 to I32F32: floor the extra fraction bits, saturate the integer part. */
export function fixed64ToFixed32(raw: bigint): bigint {
  return convert(I64F64, I32F32, raw);
}

/** I32F32 to I64F64 (exact). */
export function fixed32ToFixed64(raw: bigint): bigint {
  return convert(I32F32, I64F64, raw);
}

/** The u64 sum of `values`, or null on overflow (`checked_sum`). */
export function checkedSumU64(values: readonly bigint[]): bigint | null {
  let s = 0n;
  for (const v of values) {
    s += v;
    if (s > U64_MAX) return null;
  }
  return s;
}

export { MAX as I32F32_MAX, U64_MAX };
