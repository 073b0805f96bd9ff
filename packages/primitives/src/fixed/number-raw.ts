/**
 * I32F32 raws carried in JS Numbers, for the epoch's hot loops where a BigInt per operation is the
 * whole cost. Numbers here are integers, never fractions: every IEEE operation either has integer
 * operands and an integer result below 2^53 (so it cannot round), or divides by a power of two
 * (which only moves the exponent), or is an estimate whose error bound is proven and checked, with
 * an exact BigInt recomputation when the check fails. Each function states the input range its
 * proof needs; callers guarantee it.
 */

/** 1.0 as an I32F32 raw. */
export const ONE_RAW = 4294967296;
const TWO_16 = 65536;
/**
 * `divRaw`'s estimate is within 2^-21 of the exact quotient; a fractional part at least twice that
 * far from an integer leaves the floor unambiguous.
 */
const DIV_MARGIN = 2 ** -20;

/**
 * `mul` (= `satMul`, `checkedMul`: nothing can saturate here): floor(a·b / 2^32), for integers
 * 0 ≤ a ≤ 2^33 and |b| ≤ 2^33.
 */
export function mulRaw(a: number, b: number): number {
  // a = ah·2^16 + al with ah ≤ 2^17 and al < 2^16, so |ah·b| ≤ 2^50 and |al·b| < 2^49 are exact.
  // floor((ah·b·2^16 + al·b) / 2^32) = floor((ah·b + floor(al·b / 2^16)) / 2^16): the low 16 bits
  // of al·b cannot carry into the result. The sum stays below 2^51, and dividing an integer by
  // 2^16 is exact, so each Math.floor sees the true rational. Adding 0 turns a −0 (from a zero
  // times a negative) into 0.
  const ah = Math.floor(a / TWO_16);
  const al = a - ah * TWO_16;
  return Math.floor((ah * b + Math.floor((al * b) / TWO_16)) / TWO_16) + 0;
}

/**
 * `safeDiv` of a proportion by a total it is part of: floor(a·2^32 / s), for integers
 * 0 ≤ a ≤ s < 2^53 with s > 0 (so the quotient is at most 2^32 and never overflows).
 */
export function divRaw(a: number, s: number): number {
  // A column holding a single entry divides it by itself: an exact 1.0 the estimate can't settle.
  if (a === s) return ONE_RAW;
  // x = a·2^32/s ≤ 2^32. fl(a/s) = (a/s)(1 + δ) with |δ| ≤ 2^-53, and scaling by 2^32 is exact,
  // so |e − x| ≤ x·2^-53 ≤ 2^-21. When e's fractional part f is in [2^-20, 1 − 2^-20], x lies
  // strictly between the same two integers as e; when e < 1 − 2^-20, 0 ≤ x < 1 (this covers a = 0).
  // (f = e − floor(e) is exact: e itself below 1, Sterbenz's lemma above.)
  const e = (a / s) * ONE_RAW;
  const q = Math.floor(e);
  const f = e - q;
  if (f <= 1 - DIV_MARGIN && (f >= DIV_MARGIN || q === 0)) return q;
  return Number((BigInt(a) << 32n) / BigInt(s));
}

/**
 * floor(u·2^32 / s) for integers 0 ≤ u < 2^21 and s > 0: the normalised share of a small integer
 * (a u16 weight in its row sum).
 */
export function ratioRaw(u: number, s: number): number {
  // N = u·2^32 < 2^53 is exact. Write N/s = k + r/s with 0 ≤ r < s. fl(N/s) ≥ k because k is
  // representable and rounding is monotone; fl(N/s) ≤ N/s + (N/s)·2^-53 < k + 1 − (1 − N·2^-53)/s
  // < k + 1. So the floor of the rounded quotient is k.
  return Math.floor((u * ONE_RAW) / s);
}

/** `fixedProportionToU16` on a Number raw: saturating_to_u16(x × 65535), exact for any integer. */
export function proportionRawToU16(raw: number): number {
  if (raw <= 0) return 0;
  // raw ≥ 2^37 gives raw·65535/2^32 > 65535 (clamped); below it raw·65535 < 2^53 is exact.
  if (raw >= 2 ** 37) return 65535;
  const v = Math.floor((raw * 65535) / ONE_RAW);
  return v > 65535 ? 65535 : v;
}

let proportionTable: Float64Array | undefined;

/** `u16ProportionToFixed` as a Number: trunc(u·2^32 / 65535), from a table built on first use. */
export function u16ProportionRaw(u: number): number {
  proportionTable ??= Float64Array.from({ length: 65536 }, (_, x) => ratioRaw(x, 65535));
  return proportionTable[u] as number;
}
