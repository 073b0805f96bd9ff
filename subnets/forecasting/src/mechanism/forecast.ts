/**
 * The forecast a miner submits: N sample price paths over the next H steps. This file holds the
 * payload's shape checks and its canonical form: the per-horizon sorted ensembles. CRPS only sees
 * each horizon's marginal, so two forecasts with the same canonical form score identically;
 * hashing the canonical form (not the raw paths) means reordering or re-pairing paths cannot
 * disguise a copy.
 */
import { blake2b256, toHex } from '@taonet/primitives';

/** `paths[i][h]` is path i's price h + 1 steps after the round's origin. */
export interface Forecast {
  readonly paths: readonly (readonly number[])[];
}

/** The shape every submission in a round must have, fixed by the validator. */
export interface ForecastShape {
  /** Number of sample paths N. */
  readonly pathCount: number;
  /** Number of steps ahead H. */
  readonly horizon: number;
}

/**
 * Why a forecast is malformed, or null if it is well formed: exactly N paths of exactly H finite,
 * positive prices. The path count is fixed because an ensemble's CRPS has an O(1/N) bias that
 * would otherwise favour whoever sends the most samples.
 */
export function forecastProblem(forecast: Forecast, shape: ForecastShape): string | null {
  if (!Array.isArray(forecast.paths)) return 'paths is not an array';
  if (forecast.paths.length !== shape.pathCount) {
    return `expected ${shape.pathCount} paths, got ${forecast.paths.length}`;
  }
  for (let i = 0; i < forecast.paths.length; i++) {
    const path = forecast.paths[i];
    if (!Array.isArray(path) || path.length !== shape.horizon) return `path ${i} does not have ${shape.horizon} steps`;
    for (const v of path) {
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0)
        return `path ${i} has a non-positive or non-finite price`;
    }
  }
  return null;
}

/**
 * The canonical form: one ascending Float64Array per horizon (the ensemble's order statistics).
 * Assumes a well-formed forecast (see {@link forecastProblem}).
 */
export function canonicalColumns(forecast: Forecast): Float64Array[] {
  const n = forecast.paths.length;
  const horizon = forecast.paths[0]?.length ?? 0;
  const columns: Float64Array[] = [];
  for (let h = 0; h < horizon; h++) {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = forecast.paths[i]?.[h] ?? Number.NaN;
    columns.push(col.sort());
  }
  return columns;
}

/**
 * blake2b-256 of the canonical form, as 0x-hex: what a miner commits on-chain before the outcome
 * and what the validator uses to collapse exact duplicates. Values are written as little-endian
 * IEEE doubles with −0 folded into 0, so the digest does not depend on the host's byte order.
 */
export function forecastDigest(forecast: Forecast): string {
  return columnsDigest(canonicalColumns(forecast));
}

/** {@link forecastDigest} of an already canonical form. */
export function columnsDigest(columns: readonly Float64Array[]): string {
  const n = columns[0]?.length ?? 0;
  const bytes = new Uint8Array(8 + 8 * n * columns.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, columns.length, true);
  view.setUint32(4, n, true);
  let o = 8;
  for (const col of columns) {
    for (const v of col) {
      view.setFloat64(o, v === 0 ? 0 : v, true);
      o += 8;
    }
  }
  return toHex(blake2b256(bytes));
}

/**
 * How far apart two canonical forecasts are: the mean absolute difference of matching order
 * statistics, each horizon divided by its `scale` (e.g. the validator's reference standard deviation
 * at that horizon), averaged over horizons. Independent honest ensembles of 100 paths sit around
 * 0.1–0.3 apart from sampling noise alone; a lightly jittered copy sits far below that.
 */
export function canonicalDistance(
  a: readonly Float64Array[],
  b: readonly Float64Array[],
  scale: readonly number[],
): number {
  if (a.length !== b.length || a.length !== scale.length) throw new RangeError('forecasts differ in horizon');
  let total = 0;
  for (let h = 0; h < a.length; h++) {
    const ca = a[h] as Float64Array;
    const cb = b[h] as Float64Array;
    if (ca.length !== cb.length) throw new RangeError('forecasts differ in path count');
    let sum = 0;
    for (let k = 0; k < ca.length; k++) sum += Math.abs((ca[k] as number) - (cb[k] as number));
    total += sum / ca.length / (scale[h] as number);
  }
  return total / a.length;
}
