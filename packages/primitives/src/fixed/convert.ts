/**
 * Conversions between fixed-point values and the integers the chain stores (u16 proportions, u64
 * rao amounts), each with the reference's exact rounding and saturation.
 */
import { I32F32, I64F64 } from './format.js';
import { convert } from './arith.js';
import { MAX, safeDiv, U16_MAX_FIXED } from './i32f32.js';
import { proportionRawToU16 } from './number-raw.js';

const U16_MAX = 65535n;
const U64_MAX = (1n << 64n) - 1n;

/** Below 2^37 a raw's product with 65535 is an exact Number (see `proportionRawToU16`). */
const EXACT_PROPORTION_LIMIT = 1n << 37n;

function integerValued(x: number | bigint): bigint {
  return BigInt(x) << 32n;
}

function proportionValued(x: number | bigint): bigint {
  return safeDiv(BigInt(x) << 32n, U16_MAX_FIXED);
}

/**
 * A conversion from u16 memoised over the whole u16 range, since the epoch converts every stored
 * weight and bond: a lookup instead of a BigInt shift or division. Other inputs take the formula.
 */
function tabulated(formula: (x: number | bigint) => bigint): (x: number | bigint) => bigint {
  let table: bigint[] | undefined;
  return (x) => {
    if (typeof x !== 'number') return formula(x);
    table ??= Array.from({ length: 65536 }, (_, u) => formula(u));
    return table[x] ?? formula(x);
  };
}

/** Integer-valued I32F32 of a u16: 65535 becomes 65535.0, not 1.0. */
export const u16ToFixed = tabulated(integerValued);

/** u16 proportion (65535 = 1.0) to I32F32: `x safe_div 65535`, i.e. trunc(x·2^32 / 65535). */
export const u16ProportionToFixed = tabulated(proportionValued);

/** Floor to an integer and clamp into 0..65535. */
export function fixedToU16(raw: bigint): number {
  const v = raw >> 32n;
  return Number(v < 0n ? 0n : v > U16_MAX ? U16_MAX : v);
}

/** I32F32 proportion to u16: `saturating_to_u16(x ×sat 65535)`. */
export function fixedProportionToU16(raw: bigint): number {
  if (raw <= 0n) return 0;
  return raw >= EXACT_PROPORTION_LIMIT ? 65535 : proportionRawToU16(Number(raw));
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

export { MAX as I32F32_MAX };
