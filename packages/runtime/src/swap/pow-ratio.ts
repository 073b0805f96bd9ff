/**
 * `floor(scale × (baseNum/baseDen)^(expNum/expDen))` with the exact algorithm of the `safe-bigmath`
 * crate that the reference swap pallet uses for its weighted-pool powers. Every pool quote hangs off
 * this function, so the series, the guard bits, the stopping rules and the final rounding all follow
 * the crate rather than any "more accurate" formulation (spec economics.md §7.6).
 */

/** Exponents whose reduced numerator and denominator are at most this take the exact root path. */
const EXACT_LIMIT = 1024n;
/** Extra bits carried through the series and dropped at the end. */
const GUARD_BITS = 24n;
const GUARD_LIMIT = 1n << GUARD_BITS;
const MAX_ITERATIONS = 4096n;

function gcd(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** Bits in each hex digit's value (the leading digit of a positive number is never 0). */
const HEX_DIGIT_BITS: Readonly<Record<string, bigint>> = {
  '1': 1n,
  '2': 2n,
  '3': 2n,
  '4': 3n,
  '5': 3n,
  '6': 3n,
  '7': 3n,
  '8': 4n,
  '9': 4n,
  a: 4n,
  b: 4n,
  c: 4n,
  d: 4n,
  e: 4n,
  f: 4n,
};

/** `v.toString(2).length` (so 1 for 0, and counting the sign of a negative), via hex for speed. */
function bitLength(v: bigint): bigint {
  if (v <= 0n) return BigInt(v.toString(2).length);
  const h = v.toString(16);
  return BigInt(h.length - 1) * 4n + (HEX_DIGIT_BITS[h[0] as string] as bigint);
}

/** Division rounding toward −∞ (BigInt `/` truncates). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

const absBig = (v: bigint): bigint => (v < 0n ? -v : v);

/** Drops the guard bits, rounding half away from zero. */
function dropGuard(v: bigint): bigint {
  const q = v / GUARD_LIMIT;
  const r = v % GUARD_LIMIT;
  if (absBig(r) * 2n >= GUARD_LIMIT) return v < 0n ? q - 1n : q + 1n;
  return q;
}

/** The largest r ≥ 0 with r^k ≤ n (n ≥ 0, k ≥ 1), by Newton's method from above. */
function integerRoot(n: bigint, k: bigint): bigint {
  if (n < 2n || k === 1n) return n;
  // 2^(⌊bits/k⌋+1) > n^(1/k): start above the root, then Newton's steps decrease to it.
  let x = 1n << (bitLength(n) / k + 1n);
  for (;;) {
    const y = ((k - 1n) * x + n / x ** (k - 1n)) / k;
    if (y >= x) break;
    x = y;
  }
  // Newton's integer iteration stops at the floor root; these only guard the boundary.
  while (x ** k > n) x -= 1n;
  while ((x + 1n) ** k <= n) x += 1n;
  return x;
}

/**
 * The largest r with r^expDen × baseDen^expNum ≤ baseNum^expNum × scale^expDen. With positive
 * factors that is the expDen-th integer root of ⌊rhs / lhsFactor⌋ (for an integer r^expDen,
 * r^expDen × L ≤ R ⟺ r^expDen ≤ ⌊R/L⌋); other signs keep the reference bisection.
 */
function exactRoot(baseNum: bigint, baseDen: bigint, expNum: bigint, expDen: bigint, scale: bigint): bigint {
  const lhsFactor = baseDen ** expNum;
  const rhs = baseNum ** expNum * scale ** expDen;
  if (lhsFactor > 0n && rhs >= 0n) return integerRoot(rhs / lhsFactor, expDen);
  const fits = (r: bigint): boolean => r ** expDen * lhsFactor <= rhs;
  let hi = 1n;
  while (fits(hi)) hi <<= 1n;
  let lo = 0n;
  // Invariant: fits(lo) and !fits(hi).
  while (hi - lo > 1n) {
    const mid = (lo + hi) >> 1n;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Fixed-point series at `internal` fraction bits, with the crate's convergence tests. */
class Series {
  readonly one: bigint;
  readonly maxIterations: bigint;

  constructor(readonly internal: bigint) {
    this.one = 1n << internal;
    const cap = internal + 128n;
    this.maxIterations = cap < MAX_ITERATIONS ? (cap < 1n ? 1n : cap) : MAX_ITERATIONS;
  }

  /** ln(1 + x) by its alternating Taylor series. */
  ln1p(x: bigint): bigint {
    let term = x;
    let result = x;
    for (let n = 2n; n <= this.maxIterations; n++) {
      term = floorDiv(term * x, this.one);
      if (term === 0n) break;
      const next = floorDiv(term, n);
      if (next === 0n) break;
      const before = dropGuard(result);
      result = n % 2n === 0n ? result - next : result + next;
      if (absBig(next) < GUARD_LIMIT || dropGuard(result) === before) break;
    }
    return result;
  }

  /** ln of a positive integer: normalise the mantissa into [0.75, 1.5) and add shift × ln 2. */
  ln(v: bigint, ln2: bigint): bigint {
    let shift = bitLength(v) - 1n;
    let m = (v << this.internal) >> shift;
    if (m * 2n >= 3n * this.one) {
      m >>= 1n;
      shift += 1n;
    }
    return this.ln1p(m - this.one) + ln2 * shift;
  }

  exp(x: bigint): bigint {
    let term = this.one;
    let result = this.one;
    for (let n = 1n; n <= this.maxIterations; n++) {
      term = floorDiv(term * x, this.one * n);
      if (term === 0n) break;
      const before = dropGuard(result);
      result += term;
      if (absBig(term) < GUARD_LIMIT || dropGuard(result) === before) break;
    }
    return result;
  }
}

/**
 * `safe-bigmath`'s `pow_ratio_scaled`. Returns null when a denominator is zero (the crate's `None`).
 * `precision` is the requested number of fraction bits for the series path.
 */
export function powRatioScaled(
  baseNum: bigint,
  baseDen: bigint,
  expNum: bigint,
  expDen: bigint,
  precision: number,
  scale: bigint,
): bigint | null {
  if (baseDen === 0n || expDen === 0n) return null;
  if (baseNum === 0n) return 0n;
  if (expNum === 0n) return scale;
  const g = gcd(expNum, expDen);
  const en = expNum / g;
  const ed = expDen / g;
  if (en <= EXACT_LIMIT && ed <= EXACT_LIMIT) return exactRoot(baseNum, baseDen, en, ed, scale);

  const requested = BigInt(precision);
  const scaleBits = bitLength(scale) + 8n;
  let p = requested > 32n ? requested : 32n;
  if (scaleBits > p) p = scaleBits;
  const series = new Series(p + GUARD_BITS);
  const ln2 = -series.ln1p(-(series.one >> 1n));
  const lnRatio = series.ln(baseNum, ln2) - series.ln(baseDen, ln2);
  const exponentTimesLn = floorDiv(lnRatio * en, ed);
  const rounded = dropGuard(series.exp(exponentTimesLn));
  return (rounded * scale) >> p;
}
