/**
 * The honest miner's model: GARCH(1,1) volatility with compound-Poisson jumps, fitted by maximum
 * likelihood (a plain GARCH fit and threshold-flagged jumps give the starting point, then the
 * jump-diffusion mixture is fitted jointly), plus a drift; then sample paths from the fitted
 * dynamics. This is genuine statistical work: the forecast adapts its spread to the current
 * volatility spell and fattens its tails for jumps, which is what CRPS rewards and what a
 * constant-volatility or point forecast misses.
 */
import type { Forecast, ForecastShape } from './forecast.js';
import { type GarchJumpParams, logReturns, simulatePaths } from './market.js';
import { nelderMead } from './nelder-mead.js';
import { Prng } from './prng.js';

/** A fitted GARCH(1,1) for the diffusion part of returns. */
export interface GarchFit {
  /** Mean return of the non-jump steps. */
  readonly mu: number;
  readonly omega: number;
  readonly alpha: number;
  readonly beta: number;
  /** Average Gaussian log-likelihood per non-jump step (higher is better). */
  readonly logLikelihood: number;
  /** Filtered conditional variance of each return (index-aligned with the input). */
  readonly variances: readonly number[];
  /** Conditional variance of the next, not yet observed, return: the forecast's starting point. */
  readonly nextVariance: number;
}

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));
const logit = (p: number): number => Math.log(p / (1 - p));

/**
 * Runs the GARCH(1,1) variance recursion over `returns`, starting at `startVariance`. Steps flagged
 * in `jumps` are treated as missing for the variance: their squared shock is replaced by its
 * expectation σ², so a one-off jump does not masquerade as the start of a volatility spell.
 */
export function garchFilter(
  returns: readonly number[],
  mu: number,
  omega: number,
  alpha: number,
  beta: number,
  startVariance: number,
  jumps?: readonly boolean[],
): { variances: number[]; nextVariance: number; logLikelihood: number } {
  const variances: number[] = [];
  let variance = startVariance;
  let ll = 0;
  let counted = 0;
  for (let t = 0; t < returns.length; t++) {
    variances.push(variance);
    const e = (returns[t] as number) - mu;
    let e2 = variance;
    if (jumps?.[t] !== true) {
      e2 = e * e;
      ll += -0.5 * (Math.log(2 * Math.PI * variance) + e2 / variance);
      counted++;
    }
    variance = omega + alpha * e2 + beta * variance;
  }
  return { variances, nextVariance: variance, logLikelihood: counted > 0 ? ll / counted : 0 };
}

/**
 * Gaussian maximum-likelihood GARCH(1,1) with variance targeting: omega is tied to the sample
 * variance as omega = v̄·(1 − alpha − beta), leaving a two-parameter search (Nelder–Mead over
 * logit-transformed persistence alpha + beta and the share alpha / (alpha + beta), so every trial
 * point is stationary). Steps flagged in `jumps` are excluded from the likelihood and the moments.
 */
export function fitGarch(returns: readonly number[], jumps?: readonly boolean[]): GarchFit {
  let n = 0;
  let sum = 0;
  for (let t = 0; t < returns.length; t++) {
    if (jumps?.[t] === true) continue;
    sum += returns[t] as number;
    n++;
  }
  if (n < 10) throw new RangeError('need at least 10 non-jump returns to fit GARCH');
  const mu = sum / n;
  let ss = 0;
  for (let t = 0; t < returns.length; t++) {
    if (jumps?.[t] === true) continue;
    const e = (returns[t] as number) - mu;
    ss += e * e;
  }
  // A floor keeps the logarithm finite on a flat series.
  const sampleVariance = Math.max(ss / n, 1e-16);

  const unpack = (theta: readonly number[]): { omega: number; alpha: number; beta: number } => {
    // Persistence capped below 0.999: near-integrated fits are unstable and forecast poorly.
    const persistence = 0.999 * logistic(theta[0] as number);
    const share = logistic(theta[1] as number);
    return {
      omega: sampleVariance * (1 - persistence),
      alpha: persistence * share,
      beta: persistence * (1 - share),
    };
  };
  const objective = (theta: readonly number[]): number => {
    const p = unpack(theta);
    return -garchFilter(returns, mu, p.omega, p.alpha, p.beta, sampleVariance, jumps).logLikelihood;
  };
  // Start at a typical financial fit (persistence 0.9, alpha 0.09).
  const best = nelderMead(objective, [logit(0.9 / 0.999), logit(0.1)], { step: 0.7, tolerance: 1e-10 });
  const p = unpack(best.x);
  const filtered = garchFilter(returns, mu, p.omega, p.alpha, p.beta, sampleVariance, jumps);
  return { mu, ...p, ...filtered };
}

/** The honest miner's fitted dynamics, ready to simulate. */
export interface HonestFit {
  /** Fitted dynamics in the market's own parameterisation. */
  readonly params: GarchJumpParams;
  /** Conditional diffusion variance of the next step. */
  readonly nextVariance: number;
  /** Average log-likelihood per return of the jump-GARCH mixture at the fitted parameters. */
  readonly logLikelihood: number;
  /** Returns flagged as jumps by the threshold pass that seeds the joint fit. */
  readonly jumpCount: number;
  /** Returns in the fitting window. */
  readonly returnsUsed: number;
}

/** Options of {@link fitHonestModel}. */
export interface HonestModelOptions {
  /** How many recent log-returns to fit on. Default 500. */
  readonly lookback?: number;
  /** In the seeding pass, a return beyond this many conditional standard deviations is a jump. Default 4. */
  readonly jumpThreshold?: number;
}

/**
 * Filters the jump-GARCH mixture: each return is a diffusion shock N(0, σ²_t) plus, with
 * probability λ, one jump N(μ_J, σ_J²) (more than one jump per step has probability O(λ²) and is
 * ignored). The variance recursion is fed the *expected* squared diffusion shock given the return,
 * weighting "it was a jump" by its posterior probability, so a jump barely moves the volatility
 * while an ordinary large move does. Returns the average log-likelihood and the next variance.
 */
export function jumpGarchFilter(
  returns: readonly number[],
  p: GarchJumpParams,
  startVariance: number,
): { logLikelihood: number; nextVariance: number } {
  const { drift, omega, alpha, beta, jumpIntensity: lambda, jumpMean, jumpStdDev } = p;
  const jumpVar = jumpStdDev * jumpStdDev;
  let variance = startVariance;
  let ll = 0;
  for (const r of returns) {
    const e = r - drift;
    const totalVar = variance + jumpVar;
    const f0 = Math.exp((-0.5 * e * e) / variance) / Math.sqrt(2 * Math.PI * variance);
    const d = e - jumpMean;
    const f1 = Math.exp((-0.5 * d * d) / totalVar) / Math.sqrt(2 * Math.PI * totalVar);
    const density = (1 - lambda) * f0 + lambda * f1;
    // A return so extreme that both densities underflow is certainly a jump.
    const pJump = density > 0 ? (lambda * f1) / density : 1;
    ll += Math.log(Math.max(density, 1e-300));
    const shrink = variance / totalVar;
    const shockGivenJump = jumpVar * shrink + (shrink * d) ** 2;
    const shock2 = (1 - pJump) * e * e + pJump * shockGivenJump;
    variance = omega + alpha * shock2 + beta * variance;
  }
  return { logLikelihood: ll / Math.max(returns.length, 1), nextVariance: variance };
}

/**
 * Fits the honest model to a price history by maximum likelihood of the jump-GARCH mixture (see
 * {@link jumpGarchFilter}), jointly over persistence, the shock share alpha / (alpha + beta), the
 * jump intensity, the jump mean and the jump size. omega is variance-targeted: the sample variance
 * is the diffusion's long-run variance plus λ·(σ_J² + μ_J²), so the search space stays 5-D and
 * every trial point is stationary. The search starts from a cheaper two-stage estimate: plain GARCH,
 * then returns beyond `jumpThreshold` conditional standard deviations flagged as jumps, GARCH refit
 * without them, and the flagged returns' count and spread as the jump guess. The drift and the jump
 * mean are then shrunk toward 0 (see {@link shrinkInsignificant}): over a few hundred steps both are
 * mostly noise, and extrapolating noise over the horizon shifts or skews every path.
 */
export function fitHonestModel(prices: readonly number[], options: HonestModelOptions = {}): HonestFit {
  const lookback = options.lookback ?? 500;
  const threshold = options.jumpThreshold ?? 4;
  const returns = logReturns(prices.slice(Math.max(0, prices.length - 1 - lookback)));
  const n = returns.length;

  // Stage 1: threshold jumps and a GARCH fit without them, as the starting point.
  let fit = fitGarch(returns);
  const g = fit;
  const jumps = returns.map((r, t) => Math.abs(r - g.mu) > threshold * Math.sqrt(g.variances[t] as number));
  if (jumps.some((j) => j)) fit = fitGarch(returns, jumps);
  const sizes = returns.filter((_, t) => jumps[t] === true).map((r) => r - fit.mu);
  const k = sizes.length;
  const diffusionSd = Math.sqrt(fit.omega / (1 - fit.alpha - fit.beta));
  const sizeRms = k > 0 ? Math.sqrt(sizes.reduce((a, s) => a + s * s, 0) / k) : threshold * diffusionSd;

  // Stage 2: joint maximum likelihood of the mixture.
  const mean = returns.reduce((a, b) => a + b, 0) / n;
  const sampleVariance = Math.max(returns.reduce((a, r) => a + (r - mean) * (r - mean), 0) / n, 1e-16);
  const scale = Math.sqrt(sampleVariance);
  const unpack = (theta: readonly number[]): GarchJumpParams | null => {
    const persistence = 0.999 * logistic(theta[0] as number);
    const share = logistic(theta[1] as number);
    // Intensity capped at 0.2 per step: beyond that "jumps" are just a second diffusion.
    const lambda = 0.2 * logistic(theta[2] as number);
    const jumpMean = (theta[3] as number) * scale;
    const jumpStdDev = Math.exp(theta[4] as number) * scale;
    const diffusionVariance = sampleVariance - lambda * (jumpStdDev * jumpStdDev + jumpMean * jumpMean);
    if (!(diffusionVariance > sampleVariance * 0.05)) return null;
    return {
      drift: mean - lambda * jumpMean,
      omega: diffusionVariance * (1 - persistence),
      alpha: persistence * share,
      beta: persistence * (1 - share),
      jumpIntensity: lambda,
      jumpMean,
      jumpStdDev,
    };
  };
  const startVariance = (p: GarchJumpParams): number => p.omega / (1 - p.alpha - p.beta);
  const objective = (theta: readonly number[]): number => {
    const p = unpack(theta);
    return p === null ? Number.POSITIVE_INFINITY : -jumpGarchFilter(returns, p, startVariance(p)).logLikelihood;
  };
  const persistence0 = Math.min(fit.alpha + fit.beta, 0.99);
  const theta0 = [
    logit(persistence0 / 0.999),
    logit(Math.min(Math.max(fit.alpha / persistence0, 0.01), 0.99)),
    logit(Math.min((k + 0.5) / (n + 1), 0.19) / 0.2),
    0,
    Math.log(sizeRms / scale),
  ];
  const best = nelderMead(objective, theta0, { step: 0.5, tolerance: 1e-9, maxIterations: 400 });
  const p = unpack(best.x) ?? unpack(theta0);
  if (p === null) throw new RangeError('jump-GARCH fit found no feasible parameters');
  const filtered = jumpGarchFilter(returns, p, startVariance(p));

  const jumpMeanSe = p.jumpStdDev / Math.sqrt(Math.max(p.jumpIntensity * n, 1));
  return {
    params: {
      ...p,
      drift: shrinkInsignificant(p.drift, Math.sqrt(sampleVariance / n)),
      jumpMean: shrinkInsignificant(p.jumpMean, jumpMeanSe),
    },
    nextVariance: filtered.nextVariance,
    logLikelihood: filtered.logLikelihood,
    jumpCount: k,
    returnsUsed: n,
  };
}

/**
 * Soft-thresholds an estimate at two standard errors: estimate·max(0, 1 − (2·se/estimate)²). An
 * estimate that is not significant at about the 95% level becomes 0, a clearly significant one is
 * barely touched. Means of financial returns are the classic case where the plain sample value
 * forecasts worse than 0.
 */
export function shrinkInsignificant(estimate: number, standardError: number): number {
  if (estimate === 0) return 0;
  const ratio = (2 * standardError) / estimate;
  const factor = 1 - ratio * ratio;
  return factor > 0 ? estimate * factor : 0;
}

/** Simulates a forecast from an already fitted model, starting at `originPrice` (the round's last known price). */
export function forecastFromFit(fit: HonestFit, originPrice: number, shape: ForecastShape, seed: number): Forecast {
  return {
    paths: simulatePaths(fit.params, originPrice, fit.nextVariance, shape.pathCount, shape.horizon, new Prng(seed)),
  };
}

/**
 * The honest miner's whole job for one round: fit the model to the history it has seen (prices
 * ending at the round's origin) and sample `shape.pathCount` paths `shape.horizon` steps ahead.
 */
export function honestForecast(
  history: readonly number[],
  shape: ForecastShape,
  seed: number,
  options: HonestModelOptions = {},
): Forecast {
  const origin = history[history.length - 1];
  if (origin === undefined) throw new RangeError('empty history');
  return forecastFromFit(fitHonestModel(history, options), origin, shape, seed);
}
