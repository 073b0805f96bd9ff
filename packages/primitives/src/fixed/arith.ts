/**
 * Generic fixed-point arithmetic on raw bigints, with the rounding of `substrate-fixed` v0.6:
 * multiplication floors the double-width product (arithmetic shift), division truncates toward
 * zero (integer division of the shifted dividend). See docs/spec/fixed-point.md.
 */
import type { FixedFormat } from './format.js';

/** Clamps a raw value into the format's range. */
export function saturate(f: FixedFormat, raw: bigint): bigint {
  return raw > f.max ? f.max : raw < f.min ? f.min : raw;
}

export function inRange(f: FixedFormat, raw: bigint): boolean {
  return raw >= f.min && raw <= f.max;
}

/** Unchecked product: floor(a·b / 2^frac). The caller guarantees it fits. */
export function mul(f: FixedFormat, a: bigint, b: bigint): bigint {
  return (a * b) >> f.frac;
}

export function saturatingMul(f: FixedFormat, a: bigint, b: bigint): bigint {
  return saturate(f, (a * b) >> f.frac);
}

/** Product, or null when it does not fit the format. */
export function checkedMul(f: FixedFormat, a: bigint, b: bigint): bigint | null {
  const r = (a * b) >> f.frac;
  return inRange(f, r) ? r : null;
}

/** Quotient truncated toward zero, or null on a zero divisor or overflow. */
export function checkedDiv(f: FixedFormat, a: bigint, b: bigint): bigint | null {
  if (b === 0n) return null;
  const r = (a << f.frac) / b;
  return inRange(f, r) ? r : null;
}

/** subtensor's `safe_div`: 0 when the divisor is 0 **or** the quotient overflows. */
export function safeDiv(f: FixedFormat, a: bigint, b: bigint): bigint {
  return checkedDiv(f, a, b) ?? 0n;
}

/** Saturating division. A zero divisor saturates toward the dividend's sign (0/0 gives 0). */
export function saturatingDiv(f: FixedFormat, a: bigint, b: bigint): bigint {
  if (b === 0n) return a === 0n ? 0n : a > 0n ? f.max : f.min;
  return saturate(f, (a << f.frac) / b);
}

export function saturatingAdd(f: FixedFormat, a: bigint, b: bigint): bigint {
  return saturate(f, a + b);
}

export function saturatingSub(f: FixedFormat, a: bigint, b: bigint): bigint {
  return saturate(f, a - b);
}

export function checkedAdd(f: FixedFormat, a: bigint, b: bigint): bigint | null {
  const r = a + b;
  return inRange(f, r) ? r : null;
}

export function checkedSub(f: FixedFormat, a: bigint, b: bigint): bigint | null {
  const r = a - b;
  return inRange(f, r) ? r : null;
}

/** Exact conversion from an integer, saturating when the integer part does not fit. */
export function fromInt(f: FixedFormat, n: bigint): bigint {
  return saturate(f, n << f.frac);
}

/** Floor to an integer (`to_num` on a fixed value). */
export function floorToInt(f: FixedFormat, raw: bigint): bigint {
  return raw >> f.frac;
}

/** Floor to an integer and clamp into [lo, hi] (`saturating_to_num`). */
export function toIntSaturating(f: FixedFormat, raw: bigint, lo: bigint, hi: bigint): bigint {
  const v = raw >> f.frac;
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * Converts between formats: extra fraction bits are dropped by an arithmetic shift (floor), missing
 * ones are appended, and the integer part saturates.
 */
export function convert(from: FixedFormat, to: FixedFormat, raw: bigint): bigint {
  const shifted = from.frac >= to.frac ? raw >> (from.frac - to.frac) : raw << (to.frac - from.frac);
  return saturate(to, shifted);
}

/** Rounds to the nearest integer, ties away from zero (`round()` in substrate-fixed); raw result. */
export function roundHalfAwayFromZero(f: FixedFormat, raw: bigint): bigint {
  const half = 1n << (f.frac - 1n);
  if (raw >= 0n) return ((raw + half) >> f.frac) << f.frac;
  return -(((-raw + half) >> f.frac) << f.frac);
}

export function abs(raw: bigint): bigint {
  return raw < 0n ? -raw : raw;
}
