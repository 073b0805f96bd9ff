/**
 * The naive baseline: a driftless random walk with constant volatility, the sample standard
 * deviation of recent log-returns. The validator scores it in closed form every round and divides
 * each miner's CRPS by it, giving a scale-free skill ratio: turbulent rounds do not drown calm ones
 * in the moving average, and the yardstick is computed from public prices only, so no miner can
 * move it (unlike a reference taken from the best or median miner, which sybils could flood).
 * It doubles as the "naive forecaster" the honest model must beat.
 */
import { crpsNormal } from './crps.js';
import { logReturns } from './market.js';
import type { Prng } from './prng.js';

/** Sample standard deviation of the last `lookback` log-returns of `history` (prices). */
export function recentVolatility(history: readonly number[], lookback: number): number {
  const returns = logReturns(history.slice(Math.max(0, history.length - 1 - lookback)));
  if (returns.length < 2) throw new RangeError('need at least three prices to estimate volatility');
  let mean = 0;
  for (const r of returns) mean += r;
  mean /= returns.length;
  let ss = 0;
  for (const r of returns) ss += (r - mean) * (r - mean);
  return Math.sqrt(ss / (returns.length - 1));
}

/**
 * Standard deviation of the baseline's price at each horizon h = 1..horizon: origin·σ̂·√h (the
 * normal approximation of the random walk in price space). Also the natural unit for comparing
 * two forecasts of the same round.
 */
export function baselineScale(history: readonly number[], horizon: number, lookback: number): number[] {
  const origin = history[history.length - 1];
  if (origin === undefined) throw new RangeError('empty history');
  const sigma = recentVolatility(history, lookback);
  const out: number[] = [];
  // A floor keeps the ratio defined on a perfectly flat history (σ̂ = 0).
  for (let h = 1; h <= horizon; h++) out.push(Math.max(origin * sigma * Math.sqrt(h), origin * 1e-9));
  return out;
}

/**
 * Closed-form multi-horizon CRPS of the baseline N(origin, scale_h²) against the realised prices,
 * averaged over horizons exactly as {@link crpsPaths} averages a miner's. Deterministic and cheap:
 * no sampling noise in the denominator of every miner's score.
 */
export function baselineCrps(history: readonly number[], realised: readonly number[], lookback: number): number {
  const origin = history[history.length - 1] as number;
  const scale = baselineScale(history, realised.length, lookback);
  let total = 0;
  for (let h = 0; h < realised.length; h++) total += crpsNormal(origin, scale[h] as number, realised[h] as number);
  return total / realised.length;
}

/**
 * Sample paths of the naive baseline as a miner would submit them: a lognormal random walk with
 * zero drift and the constant volatility σ̂. Row i is path i, column h is h + 1 steps ahead.
 */
export function baselinePaths(
  history: readonly number[],
  paths: number,
  horizon: number,
  lookback: number,
  rng: Prng,
): number[][] {
  const origin = history[history.length - 1] as number;
  const sigma = recentVolatility(history, lookback);
  const out: number[][] = [];
  for (let i = 0; i < paths; i++) {
    const row: number[] = [];
    let logPrice = Math.log(origin);
    for (let h = 0; h < horizon; h++) {
      logPrice += sigma * rng.normal();
      row.push(Math.exp(logPrice));
    }
    out.push(row);
  }
  return out;
}
