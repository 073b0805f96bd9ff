/**
 * Strategies a dishonest miner would try, kept next to the mechanism so tests (and the local
 * network's cheating miners) exercise the scoring against them. Why each one loses:
 *  - copier: a copy is either committed after the deadline (it waited to see the original), or
 *    identical in canonical content to an earlier commitment and collapses onto it; shuffling the
 *    paths or jittering them below `copyTolerance` changes nothing. Copying a previous round's
 *    revealed forecast answers the wrong question (stale origin and volatility).
 *  - sybil: the same forecast from many hotkeys collapses to the first committer; the extra
 *    hotkeys score as missing and earn nothing, and a fresh hotkey starts at the worst average.
 *  - random: CRPS punishes spread that is not needed: wide noise scores at the cap.
 *  - overfit: a near-point forecast's CRPS is its absolute error, ~40% worse than a calibrated
 *    distribution, and a trend fitted to the last few steps extrapolates noise.
 */
import type { Forecast, ForecastShape } from './forecast.js';
import { Prng } from './prng.js';
import type { Submission } from './scoring.js';

/** Options of {@link copierForecast}. */
export interface CopierOptions {
  /** Seeds the path shuffle and the jitter. */
  readonly seed: number;
  /** Relative multiplicative noise added to every price, e.g. 1e-4; default 0 (exact values). */
  readonly jitter?: number;
}

/**
 * (a) The copier: replays a forecast it saw (e.g. leaked from another miner, or revealed in an
 * earlier round) with the paths reshuffled, and optionally a tiny jitter, hoping to slip past a hash
 * of the raw payload.
 */
export function copierForecast(seen: Forecast, options: CopierOptions): Forecast {
  const rng = new Prng(options.seed);
  const jitter = options.jitter ?? 0;
  const paths = rng.shuffle(seen.paths.map((p) => p.map((v) => (jitter > 0 ? v * (1 + jitter * rng.normal()) : v))));
  return { paths };
}

/**
 * (b) The sybil: one forecast submitted from several hotkeys, committed one after another
 * `spacing` steps apart from `firstCommitStep` (a real operator's transactions land in some order).
 */
export function sybilSubmissions(
  forecast: Forecast,
  hotkeys: readonly string[],
  firstCommitStep: number,
  spacing: number,
): Submission[] {
  return hotkeys.map((hotkey, i) => ({ hotkey, commitStep: firstCommitStep + i * spacing, forecast }));
}

/**
 * (c1) The random miner: independent noise around the last price at every step, `spread` wide in
 * log terms (default 0.2, some twenty times a typical step's volatility). No work, no information.
 */
export function randomForecast(history: readonly number[], shape: ForecastShape, seed: number, spread = 0.2): Forecast {
  const origin = history[history.length - 1];
  if (origin === undefined) throw new RangeError('empty history');
  const rng = new Prng(seed);
  const paths: number[][] = [];
  for (let i = 0; i < shape.pathCount; i++) {
    const row: number[] = [];
    for (let h = 0; h < shape.horizon; h++) row.push(origin * Math.exp(spread * rng.normal()));
    paths.push(row);
  }
  return { paths };
}

/** Options of {@link overfitForecast}. */
export interface OverfitOptions {
  /** 'last-price': always the last price; 'trend': a line through the last `window` log-prices. */
  readonly mode: 'last-price' | 'trend';
  /** Prices the trend is fitted to. Default 5. */
  readonly window?: number;
  /** Relative spread of the paths around the point forecast. Default 1e-4 (essentially a point). */
  readonly spread?: number;
}

/**
 * (c2) The overfitter: no volatility model, a near-point forecast that matches the last few steps
 * perfectly, either flat at the last price or extrapolating their least-squares trend.
 */
export function overfitForecast(
  history: readonly number[],
  shape: ForecastShape,
  seed: number,
  options: OverfitOptions,
): Forecast {
  const origin = history[history.length - 1];
  if (origin === undefined) throw new RangeError('empty history');
  const spread = options.spread ?? 1e-4;
  let slope = 0;
  if (options.mode === 'trend') {
    const tail = history.slice(-Math.max(2, options.window ?? 5)).map((p) => Math.log(p));
    const n = tail.length;
    const meanX = (n - 1) / 2;
    const meanY = tail.reduce((a, b) => a + b, 0) / n;
    let sxy = 0;
    let sxx = 0;
    tail.forEach((y, x) => {
      sxy += (x - meanX) * (y - meanY);
      sxx += (x - meanX) * (x - meanX);
    });
    slope = sxy / sxx;
  }
  const rng = new Prng(seed);
  const paths: number[][] = [];
  for (let i = 0; i < shape.pathCount; i++) {
    const row: number[] = [];
    for (let h = 1; h <= shape.horizon; h++) row.push(origin * Math.exp(slope * h + spread * rng.normal()));
    paths.push(row);
  }
  return { paths };
}
