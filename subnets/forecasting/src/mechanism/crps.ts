/**
 * The Continuous Ranked Probability Score, CRPS(F, y) = E|X − y| − ½·E|X − X′| with X, X′ ~ F
 * independent, equivalently ∫ (F(x) − 1{x ≥ y})² dx. Lower is better; it is in the units of y.
 * It is a strictly proper scoring rule: a forecaster minimises its expected score only by reporting
 * the distribution it believes, which is why the subnet can reward calibrated uncertainty and not
 * just a good point guess (a point forecast's CRPS is its absolute error, which a well-spread honest
 * distribution beats on average).
 */

/**
 * CRPS of an ensemble already sorted ascending, treated as the empirical distribution (mass 1/m on
 * each member). Uses the exact sorted identity
 * E|X − X′| = (2/m²)·Σ_i (2i − m − 1)·x_(i)  (i from 1), so the whole score is O(m) after sorting
 * instead of the O(m²) pairwise sum.
 */
export function crpsSortedEnsemble(sorted: ArrayLike<number>, y: number): number {
  const m = sorted.length;
  if (m === 0) throw new RangeError('CRPS of an empty ensemble');
  let sum = 0;
  for (let i = 0; i < m; i++) {
    const x = sorted[i] as number;
    // |x − y| is E|X − y|'s term; (2i − m + 1)·x / m is ½·E|X − X′|'s term with 0-based i.
    sum += Math.abs(x - y) - ((2 * i - m + 1) * x) / m;
  }
  return sum / m;
}

/** CRPS of an ensemble of samples in any order (copied and sorted: O(m log m)). */
export function crpsEnsemble(samples: ArrayLike<number>, y: number): number {
  return crpsSortedEnsemble(Float64Array.from(samples).sort(), y);
}

/**
 * CRPS of a predictive distribution given by quantiles: `values[k]` is the quantile at
 * `levels[k]` (levels strictly increasing in (0, 1), values non-decreasing). The distribution is
 * read as mass w_k on values[k], where w_k is the width of the level's cell (cells split at the
 * midpoints between neighbouring levels, and end at 0 and 1); its CRPS is then exactly
 * 2·Σ_k w_k·(1{y < q_k} − c_k)·(q_k − y), with c_k the cell's centre, a weighted pinball loss.
 * For the midpoint grid levels = ((k + ½)/K) this equals {@link crpsEnsemble} of the values.
 */
export function crpsQuantiles(levels: readonly number[], values: readonly number[], y: number): number {
  const k = levels.length;
  if (k === 0 || values.length !== k) throw new RangeError('levels and values must be non-empty and aligned');
  let total = 0;
  for (let i = 0; i < k; i++) {
    const tau = levels[i] as number;
    const q = values[i] as number;
    const prevTau = i === 0 ? null : (levels[i - 1] as number);
    const nextTau = i === k - 1 ? null : (levels[i + 1] as number);
    if (!(tau > 0 && tau < 1) || (prevTau !== null && !(tau > prevTau))) {
      throw new RangeError('levels must be strictly increasing in (0, 1)');
    }
    if (i > 0 && q < (values[i - 1] as number)) throw new RangeError('quantile values must be non-decreasing');
    const lo = prevTau === null ? 0 : (prevTau + tau) / 2;
    const hi = nextTau === null ? 1 : (tau + nextTau) / 2;
    const centre = (lo + hi) / 2;
    total += (hi - lo) * ((y < q ? 1 : 0) - centre) * (q - y);
  }
  return 2 * total;
}

const INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * erfc for x ≥ 0, to about 1e-15 relative: a positive-term series (no cancellation) below 3, the
 * Laplace continued fraction above, where the series would need too many terms.
 */
function erfcNonNegative(x: number): number {
  if (x < 3) {
    // erf(x) = (2/√π)·e^{−x²}·Σ_n 2^n x^{2n+1} / (1·3·…·(2n+1))
    let term = x;
    let sum = x;
    for (let n = 1; n < 200 && term > sum * 1e-17; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
    }
    return 1 - 2 * INV_SQRT_PI * Math.exp(-x * x) * sum;
  }
  // erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated bottom-up.
  let f = x;
  for (let n = 60; n >= 1; n--) f = x + n / 2 / f;
  return (INV_SQRT_PI * Math.exp(-x * x)) / f;
}

/** The standard normal cumulative distribution function Φ. */
export function normalCdf(x: number): number {
  const t = Math.abs(x) / Math.SQRT2;
  const tail = erfcNonNegative(t) / 2; // P(Z > |x|)
  return x >= 0 ? 1 - tail : tail;
}

/** The standard normal density φ. */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/**
 * Closed-form CRPS of a normal predictive distribution N(mean, sd²):
 * sd·[z·(2Φ(z) − 1) + 2φ(z) − 1/√π] with z = (y − mean)/sd (Gneiting & Raftery 2007). With sd = 0
 * it is the point forecast's absolute error.
 */
export function crpsNormal(mean: number, sd: number, y: number): number {
  if (!(sd >= 0)) throw new RangeError('standard deviation must be non-negative');
  if (sd === 0) return Math.abs(y - mean);
  const z = (y - mean) / sd;
  return sd * (z * (2 * normalCdf(z) - 1) + 2 * normalPdf(z) - INV_SQRT_PI);
}

/**
 * Multi-horizon CRPS of sample paths: `paths[i][h]` is path i's value h + 1 steps ahead,
 * `realised[h]` the outcome. The ensemble at each horizon is scored on its own (only marginals
 * matter to CRPS) and the horizons are averaged with equal weight.
 */
export function crpsPaths(paths: readonly (readonly number[])[], realised: readonly number[]): number {
  const horizon = realised.length;
  if (horizon === 0) throw new RangeError('no horizons to score');
  const column = new Float64Array(paths.length);
  let total = 0;
  for (let h = 0; h < horizon; h++) {
    for (let i = 0; i < paths.length; i++) {
      const v = paths[i]?.[h];
      if (v === undefined) throw new RangeError(`path ${i} has no value at horizon ${h + 1}`);
      column[i] = v;
    }
    total += crpsSortedEnsemble(column.sort(), realised[h] as number);
  }
  return total / horizon;
}

/**
 * Multi-horizon CRPS of quantile forecasts: `quantiles[h]` are the values at `levels` for horizon
 * h + 1 (see {@link crpsQuantiles}), averaged over horizons with equal weight.
 */
export function crpsQuantilePaths(
  levels: readonly number[],
  quantiles: readonly (readonly number[])[],
  realised: readonly number[],
): number {
  if (realised.length === 0 || quantiles.length !== realised.length) {
    throw new RangeError('one quantile vector per realised horizon is required');
  }
  let total = 0;
  for (let h = 0; h < realised.length; h++) {
    total += crpsQuantiles(levels, quantiles[h] as readonly number[], realised[h] as number);
  }
  return total / realised.length;
}
