/**
 * I32F32 specialisations used in the epoch's hot loops. They are the generic operations of
 * `arith.ts` with the format's constants folded in, so a loop over a 4096-uid subnet does not pay
 * for a format lookup on every element.
 */
export const FRAC = 32n;
export const ONE = 1n << 32n;
export const HALF = 1n << 31n;
export const MAX = (1n << 63n) - 1n;
export const MIN = -(1n << 63n);
/** 65535.0, the scale of u16 proportions. */
export const U16_MAX_FIXED = 65535n << 32n;

export function sat(raw: bigint): bigint {
  return raw > MAX ? MAX : raw < MIN ? MIN : raw;
}

/** Unchecked product, floored. */
export function mul(a: bigint, b: bigint): bigint {
  return (a * b) >> FRAC;
}

export function satMul(a: bigint, b: bigint): bigint {
  const r = (a * b) >> FRAC;
  return r > MAX ? MAX : r < MIN ? MIN : r;
}

/** Product, or null on overflow (`checked_mul`). */
export function checkedMul(a: bigint, b: bigint): bigint | null {
  const r = (a * b) >> FRAC;
  return r > MAX || r < MIN ? null : r;
}

/** `safe_div`: truncating quotient; 0 on a zero divisor or overflow. */
export function safeDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  const r = (a << FRAC) / b;
  return r > MAX || r < MIN ? 0n : r;
}

/** Saturating quotient; a zero divisor saturates toward the dividend's sign. */
export function satDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) return a === 0n ? 0n : a > 0n ? MAX : MIN;
  const r = (a << FRAC) / b;
  return r > MAX ? MAX : r < MIN ? MIN : r;
}

export function satAdd(a: bigint, b: bigint): bigint {
  const r = a + b;
  return r > MAX ? MAX : r < MIN ? MIN : r;
}

export function satSub(a: bigint, b: bigint): bigint {
  const r = a - b;
  return r > MAX ? MAX : r < MIN ? MIN : r;
}

export function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

export function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
