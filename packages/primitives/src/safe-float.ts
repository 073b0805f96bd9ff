/**
 * SafeFloat: the decimal floating-point type of subtensor's share pools, `mantissa × 10^exponent`
 * with the mantissa kept in (10^20, 10^21]. Stake shares live in it, so a nominator's value after
 * many dividends depends on exactly where it truncates: alignment drops the low digits of the
 * smaller operand, mul-div floors once at full width.
 */
export interface SafeFloat {
  readonly mantissa: bigint;
  readonly exponent: number;
}

const MANTISSA_MAX = 10n ** 21n;
const MANTISSA_MIN_EXCLUSIVE = 10n ** 20n;
/** Beyond this many decimal digits of misalignment the smaller operand vanishes. */
const MAX_ALIGN_DIGITS = 22;
const U64_MAX = (1n << 64n) - 1n;

export const SAFE_FLOAT_ZERO: SafeFloat = { mantissa: 0n, exponent: 0 };

const pow10 = (k: number): bigint => 10n ** BigInt(k);

function normalize(mantissa: bigint, exponent: number): SafeFloat {
  if (mantissa <= 0n) return SAFE_FLOAT_ZERO;
  let m = mantissa;
  let e = exponent;
  while (m > MANTISSA_MAX) {
    m /= 10n;
    e += 1;
  }
  while (m <= MANTISSA_MIN_EXCLUSIVE) {
    m *= 10n;
    e -= 1;
  }
  return { mantissa: m, exponent: e };
}

export function safeFloatFromInt(n: bigint): SafeFloat {
  return normalize(n, 0);
}

export function safeFloatIsZero(a: SafeFloat): boolean {
  return a.mantissa === 0n;
}

/** Both mantissas at the larger exponent; the smaller operand loses its low digits. */
function align(a: SafeFloat, b: SafeFloat): [bigint, bigint, number] {
  if (a.exponent === b.exponent) return [a.mantissa, b.mantissa, a.exponent];
  if (a.exponent > b.exponent) {
    const d = a.exponent - b.exponent;
    return [a.mantissa, d >= MAX_ALIGN_DIGITS ? 0n : b.mantissa / pow10(d), a.exponent];
  }
  const d = b.exponent - a.exponent;
  return [d >= MAX_ALIGN_DIGITS ? 0n : a.mantissa / pow10(d), b.mantissa, b.exponent];
}

export function safeFloatAdd(a: SafeFloat, b: SafeFloat): SafeFloat {
  if (a.mantissa === 0n) return b;
  if (b.mantissa === 0n) return a;
  const [x, y, e] = align(a, b);
  return normalize(x + y, e);
}

/** a − b, saturating at zero. */
export function safeFloatSub(a: SafeFloat, b: SafeFloat): SafeFloat {
  if (b.mantissa === 0n) return a;
  if (a.mantissa === 0n) return SAFE_FLOAT_ZERO;
  const [x, y, e] = align(a, b);
  return x <= y ? SAFE_FLOAT_ZERO : normalize(x - y, e);
}

/** a × b / c floored at full width; zero when c is zero. */
export function safeFloatMulDiv(a: SafeFloat, b: SafeFloat, c: SafeFloat): SafeFloat {
  if (c.mantissa === 0n || a.mantissa === 0n || b.mantissa === 0n) return SAFE_FLOAT_ZERO;
  return normalize((a.mantissa * b.mantissa) / c.mantissa, a.exponent + b.exponent - c.exponent);
}

/** a / b with 21 extra decimal digits of quotient; zero when b is zero. */
export function safeFloatDiv(a: SafeFloat, b: SafeFloat): SafeFloat {
  if (b.mantissa === 0n || a.mantissa === 0n) return SAFE_FLOAT_ZERO;
  return normalize((a.mantissa * MANTISSA_MAX) / b.mantissa, a.exponent - b.exponent - 21);
}

export function safeFloatLessThan(a: SafeFloat, b: SafeFloat): boolean {
  const [x, y] = align(a, b);
  return x < y;
}

/** Floor to u64, clamping at u64::MAX. */
export function safeFloatToU64(a: SafeFloat): bigint {
  if (a.mantissa === 0n) return 0n;
  const v = a.exponent >= 0 ? a.mantissa * pow10(a.exponent) : a.mantissa / pow10(-a.exponent);
  return v > U64_MAX ? U64_MAX : v;
}
