/**
 * Binary fixed-point formats, mirroring the `substrate-fixed` types the reference chain uses.
 *
 * A value is stored as its raw integer (`value · 2^frac`) in a bigint. The format only carries the
 * number of fraction bits and the raw range, so one set of operations serves every width.
 */
export interface FixedFormat {
  readonly name: string;
  /** Number of fraction bits. */
  readonly frac: bigint;
  /** Smallest raw value. */
  readonly min: bigint;
  /** Largest raw value. */
  readonly max: bigint;
  /** Raw value of 1.0. */
  readonly one: bigint;
}

function signed(name: string, bits: bigint, frac: bigint): FixedFormat {
  return { name, frac, min: -(1n << (bits - 1n)), max: (1n << (bits - 1n)) - 1n, one: 1n << frac };
}

function unsigned(name: string, bits: bigint, frac: bigint): FixedFormat {
  return { name, frac, min: 0n, max: (1n << bits) - 1n, one: 1n << frac };
}

/** The epoch's workhorse: 64-bit signed, 32 fraction bits. */
export const I32F32 = signed('I32F32', 64n, 32n);
/** 128-bit signed, 64 fraction bits: raw stake before normalisation, bonds moving average. */
export const I64F64 = signed('I64F64', 128n, 64n);
/** 128-bit signed, 32 fraction bits: share × rao emission products. */
export const I96F32 = signed('I96F32', 128n, 32n);
/** 128-bit signed, 18 fraction bits: used by the coinbase for large rao quantities. */
export const I110F18 = signed('I110F18', 128n, 18n);
/** 128-bit unsigned, 64 fraction bits: prices and mechanism weights. */
export const U64F64 = unsigned('U64F64', 128n, 64n);
/** 128-bit unsigned, 32 fraction bits: coinbase amounts. */
export const U96F32 = unsigned('U96F32', 128n, 32n);
/** 128-bit unsigned, 18 fraction bits. */
export const U110F18 = unsigned('U110F18', 128n, 18n);
/** 64-bit unsigned, 32 fraction bits. */
export const U32F32 = unsigned('U32F32', 64n, 32n);

export const FIXED_FORMATS: Readonly<Record<string, FixedFormat>> = {
  I32F32,
  I64F64,
  I96F32,
  I110F18,
  U64F64,
  U96F32,
  U110F18,
  U32F32,
};

/** Looks a format up by its reference name (e.g. `"I32F32"`); undefined when unknown. */
export function fixedFormat(name: string): FixedFormat | undefined {
  return Object.hasOwn(FIXED_FORMATS, name) ? FIXED_FORMATS[name] : undefined;
}
