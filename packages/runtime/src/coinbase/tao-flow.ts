/**
 * The TaoFlow share rule (net TAO inflow), kept alongside the price-EMA rule because the chain may
 * switch back to it. Shares must be identical on every node, so the power normalisation uses
 * I32F32 ln and exp (`exp(p · ln x)`) on bigints rather than floating point; the result is within
 * 1e-6 of the real-arithmetic value (see the shared vectors).
 */
import { fixed, fixedExp, fixedLn, I32, I32F32, I64F64, isqrt, U64F64 } from '@taonet/primitives';

const I64_MAX = (1n << 63n) - 1n;
const I32_MAX = (1n << 31n) - 1n;
const U64_MAX = (1n << 64n) - 1n;
/** FlowEmaSmoothingFactor default, value / i64::MAX (a half-life of about a month). */
export const DEFAULT_FLOW_SMOOTHING = 29_597_889_189_277n;

let lastSmoothing = -1n;
let lastRate = 0n;

/** `smoothing / i64::MAX` as I64F64; every subnet and block asks with the same parameter. */
function smoothingRate(smoothing: bigint): bigint {
  if (smoothing !== lastSmoothing) {
    lastRate = fixed.safeDiv(I64F64, smoothing << 64n, I64_MAX << 64n);
    lastSmoothing = smoothing;
  }
  return lastRate;
}

/** One EMA step of a per-block flow: `(1 − a)·prev + a·flow` with `a = smoothing / i64::MAX` (I64F64). */
export function flowEmaUpdate(prev: bigint, blockFlow: bigint, smoothing: bigint = DEFAULT_FLOW_SMOOTHING): bigint {
  const a = smoothingRate(smoothing);
  const keep = fixed.saturatingMul(I64F64, I64F64.one - a, prev);
  const add = fixed.saturatingMul(I64F64, a, fixed.fromInt(I64F64, blockFlow));
  return fixed.saturatingAdd(I64F64, keep, add);
}

export interface FlowShareParams {
  /** Subtract the (normalised) protocol flow from the user flow. */
  readonly netFlowEnabled: boolean;
  /** Floor below which net flow does not count (I64F64 raw). */
  readonly cutoff: bigint;
  /** Power applied to the normalised flows (U64F64 raw). */
  readonly exponent: bigint;
}

/**
 * Recent `safePow` results. Every block powers every emitting subnet's flow, and the largest flow
 * always enters scaled to the same value (with one subnet, every flow does), so most series
 * evaluations repeat; a pure function's remembered result is the result.
 */
const POW_CACHE = new Map<bigint, Map<bigint, bigint>>();
const POW_CACHE_SIZE = 256;

/** `exp(p · ln x)` in I32F32 with x, p and the result in U64F64; 0 where ln is undefined. */
export function safePow(x: bigint, p: bigint): bigint {
  let byX = POW_CACHE.get(p);
  if (byX === undefined) {
    if (POW_CACHE.size >= POW_CACHE_SIZE) POW_CACHE.clear();
    byX = new Map();
    POW_CACHE.set(p, byX);
  }
  const hit = byX.get(x);
  if (hit !== undefined) return hit;
  const r = safePowUncached(x, p);
  if (byX.size >= POW_CACHE_SIZE) byX.clear();
  byX.set(x, r);
  return r;
}

function safePowUncached(x: bigint, p: bigint): bigint {
  const x32 = fixed.convert(U64F64, I32F32, x);
  const ln = fixedLn(x32);
  if (ln === null) return 0n;
  const y = I32.satMul(fixed.convert(U64F64, I32F32, p), ln);
  const e = fixedExp(y) ?? (y > 0n ? I32.MAX : 0n);
  return fixed.convert(I32F32, U64F64, e);
}

/**
 * Recent range factors by `n · max²`. The largest flow always scales to exactly 1, so with the same
 * number of subnets the square root repeats block after block.
 */
const FACTOR_CACHE = new Map<bigint, bigint>();

function rangeFactor(nMaxSq: bigint): bigint {
  let f = FACTOR_CACHE.get(nMaxSq);
  if (f === undefined) {
    f = isqrt(fixed.safeDiv(U64F64, I32_MAX << 64n, nMaxSq) << 64n);
    if (FACTOR_CACHE.size >= POW_CACHE_SIZE) FACTOR_CACHE.clear();
    FACTOR_CACHE.set(nMaxSq, f);
  }
  return f;
}

/**
 * Scales the flows so the largest is 1, then (when the overflow guard allows) by f = sqrt(i32::MAX /
 * (n · max²)) so that the I32F32 powers use their full range, and power-normalises them.
 */
export function powerNormalize(values: readonly bigint[], exponent: bigint): bigint[] {
  const max = values.reduce((m, v) => (v > m ? v : m), 0n);
  const scaled = values.map((v) => fixed.safeDiv(U64F64, v, max));
  const maxScaled = scaled.reduce((m, v) => (v > m ? v : m), 0n);
  const n = BigInt(values.length) << 64n;
  const nMaxSq = fixed.saturatingMul(U64F64, n, fixed.saturatingMul(U64F64, maxScaled, maxScaled));
  const threshold = fixed.safeDiv(U64F64, I32_MAX << 64n, U64_MAX << 64n);
  if (nMaxSq < threshold) return scaled;
  const f = rangeFactor(nMaxSq);
  const powered = scaled.map((z) => safePow(fixed.saturatingMul(U64F64, f, z), exponent));
  const total = powered.reduce((a, b) => fixed.saturatingAdd(U64F64, a, b), 0n);
  return powered.map((v) => fixed.safeDiv(U64F64, v, total));
}

/** Subnet shares (U64F64 raws) from user and protocol flow EMAs (I64F64 raws). */
export function subnetSharesFlow(
  userEma: readonly bigint[],
  protocolEma: readonly bigint[],
  params: FlowShareParams,
): bigint[] {
  let net = [...userEma];
  if (params.netFlowEnabled) {
    const positive = (xs: readonly bigint[]): bigint => xs.reduce((a, x) => (x > 0n ? a + x : a), 0n);
    const protocolPositive = positive(protocolEma);
    let norm = 0n;
    if (protocolPositive > 0n) {
      const ratio = fixed.safeDiv(I64F64, positive(userEma), protocolPositive);
      norm = ratio < I64F64.one ? ratio : I64F64.one;
    }
    net = userEma.map((u, i) => {
      const p = protocolEma[i] ?? 0n;
      return fixed.saturatingSub(I64F64, u, p > 0n ? fixed.saturatingMul(I64F64, norm, p) : p);
    });
  }
  const lowestNegative = net.reduce((m, v) => (v < m ? v : m), 0n);
  const floor = params.cutoff > lowestNegative ? params.cutoff : lowestNegative;
  const offset = net.map((v) => (v > floor ? v - floor : 0n));
  return powerNormalize(offset, params.exponent);
}
