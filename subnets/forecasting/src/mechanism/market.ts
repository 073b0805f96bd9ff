/**
 * The synthetic market the forecasting subnet predicts: a geometric random walk whose log-returns
 * have GARCH(1,1) volatility clustering and compound-Poisson jumps with normal log-sizes. It stands
 * in for a real price feed so the whole subnet runs offline, yet it has the features that separate
 * a real forecaster from a naive one (calm and turbulent spells, fat tails). Prices are published
 * one step at a time; nothing about the future leaks through the API.
 */
import { Prng } from './prng.js';

/**
 * The dynamics of one log-return r_t = drift + σ_t·z_t + Σ_{k ≤ N_t} J_k, with z_t ~ N(0, 1),
 * N_t ~ Poisson(jumpIntensity), J_k ~ N(jumpMean, jumpStdDev²), and the variance recursion
 * σ²_{t+1} = omega + alpha·(σ_t z_t)² + beta·σ²_t. Jumps do not feed the variance: they are rare
 * one-off shocks, while clustering belongs to the diffusion. All quantities are per step.
 */
export interface GarchJumpParams {
  /** Mean log-return per step, excluding jumps. */
  readonly drift: number;
  /** GARCH constant term; the long-run variance is omega / (1 − alpha − beta). */
  readonly omega: number;
  /** Weight of the last squared diffusion shock: how fast volatility reacts. */
  readonly alpha: number;
  /** Weight of the last variance: how long volatility spells persist. */
  readonly beta: number;
  /** Expected number of jumps per step. */
  readonly jumpIntensity: number;
  /** Mean log-size of one jump. */
  readonly jumpMean: number;
  /** Standard deviation of one jump's log-size. */
  readonly jumpStdDev: number;
}

/** A market: the return dynamics plus where the price starts. */
export interface MarketParams extends GarchJumpParams {
  /** Price at step 0. */
  readonly initialPrice: number;
}

/** One published price. */
export interface MarketTick {
  readonly step: number;
  readonly price: number;
}

const DEFAULT_ALPHA = 0.12;
const DEFAULT_BETA = 0.86;
const DEFAULT_STEP_VOLATILITY = 0.01;

/**
 * Defaults: 1% long-run volatility per step; persistence alpha + beta = 0.98, so a volatility
 * spell halves in about 34 steps, longer than a forecast horizon: knowing the current spell pays;
 * 3α² + 2αβ + β² < 1, so returns have a finite fourth moment; and a jump every ~50 steps of about
 * ±4%, four long-run standard deviations.
 */
export const DEFAULT_MARKET_PARAMS: MarketParams = {
  initialPrice: 100,
  drift: 0,
  omega: DEFAULT_STEP_VOLATILITY ** 2 * (1 - DEFAULT_ALPHA - DEFAULT_BETA),
  alpha: DEFAULT_ALPHA,
  beta: DEFAULT_BETA,
  jumpIntensity: 0.02,
  jumpMean: 0,
  jumpStdDev: 0.04,
};

/** omega / (1 − alpha − beta): the variance the recursion reverts to. */
export function longRunVariance(p: GarchJumpParams): number {
  return p.omega / (1 - p.alpha - p.beta);
}

/** Throws unless the parameters describe a stationary, well-defined process. */
export function validateGarchJumpParams(p: GarchJumpParams): void {
  const finite = [p.drift, p.omega, p.alpha, p.beta, p.jumpIntensity, p.jumpMean, p.jumpStdDev];
  if (!finite.every(Number.isFinite)) throw new RangeError('market parameters must be finite');
  if (p.omega <= 0) throw new RangeError('omega must be positive');
  if (p.alpha < 0 || p.beta < 0) throw new RangeError('alpha and beta must be non-negative');
  // Covariance stationarity: without it the variance drifts to infinity and no forecast is stable.
  if (p.alpha + p.beta >= 1) throw new RangeError('alpha + beta must be below 1');
  if (p.jumpIntensity < 0 || p.jumpIntensity > 1) throw new RangeError('jumpIntensity must be in [0, 1]');
  if (p.jumpStdDev < 0) throw new RangeError('jumpStdDev must be non-negative');
}

/** The outcome of one step of the dynamics. */
export interface ReturnDraw {
  /** The realised log-return. */
  readonly logReturn: number;
  /** The conditional variance for the following step. */
  readonly nextVariance: number;
}

/**
 * Draws one log-return given the current conditional variance, and the variance that follows.
 * Shared by the market and by forecasters that simulate fitted dynamics, so "the model" and "the
 * world" are literally the same equations when the parameters agree.
 */
export function drawLogReturn(p: GarchJumpParams, variance: number, rng: Prng): ReturnDraw {
  const shock = Math.sqrt(variance) * rng.normal();
  let jumps = 0;
  const n = rng.poisson(p.jumpIntensity);
  for (let k = 0; k < n; k++) jumps += p.jumpMean + p.jumpStdDev * rng.normal();
  return {
    logReturn: p.drift + shock + jumps,
    nextVariance: p.omega + p.alpha * shock * shock + p.beta * variance,
  };
}

/**
 * Simulates `paths` independent price paths `horizon` steps ahead from a known price and
 * conditional variance. Row i is path i; column h is the price h + 1 steps after the start.
 */
export function simulatePaths(
  p: GarchJumpParams,
  startPrice: number,
  startVariance: number,
  paths: number,
  horizon: number,
  rng: Prng,
): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < paths; i++) {
    const row: number[] = [];
    let logPrice = Math.log(startPrice);
    let variance = startVariance;
    for (let h = 0; h < horizon; h++) {
      const d = drawLogReturn(p, variance, rng);
      logPrice += d.logReturn;
      variance = d.nextVariance;
      row.push(Math.exp(logPrice));
    }
    out.push(row);
  }
  return out;
}

/** Log-returns ln(p_t / p_{t−1}) of a price series (one fewer element than the input). */
export function logReturns(prices: readonly number[]): number[] {
  const out: number[] = [];
  for (let t = 1; t < prices.length; t++) out.push(Math.log((prices[t] as number) / (prices[t - 1] as number)));
  return out;
}

/**
 * A seeded market published step by step. The same seed and parameters give the same path on every
 * machine for a given Node version (integer PRNG; only IEEE +, ×, sqrt and the engine's log/exp).
 */
export class MarketSimulator {
  /** The dynamics in force. */
  readonly params: MarketParams;
  private readonly rng: Prng;
  private readonly prices: number[];
  private logPrice: number;
  private currentVariance: number;

  /**
   * @param seed integer seed of the price path.
   * @param params overrides of {@link DEFAULT_MARKET_PARAMS}.
   */
  constructor(seed: number, params: Partial<MarketParams> = {}) {
    this.params = { ...DEFAULT_MARKET_PARAMS, ...params };
    validateGarchJumpParams(this.params);
    if (!(this.params.initialPrice > 0)) throw new RangeError('initialPrice must be positive');
    this.rng = new Prng(seed);
    this.prices = [this.params.initialPrice];
    this.logPrice = Math.log(this.params.initialPrice);
    // Start in the stationary regime's mean so early steps are not artificially calm or wild.
    this.currentVariance = longRunVariance(this.params);
  }

  /** The step of the latest published price (0 before the first `next()`). */
  get step(): number {
    return this.prices.length - 1;
  }

  /** The latest published price. */
  get price(): number {
    return this.prices[this.prices.length - 1] as number;
  }

  /**
   * The true conditional variance of the next log-return's diffusion part. Hidden from miners in
   * the subnet; exposed so tests can build the oracle forecast the honest model should approach.
   */
  get variance(): number {
    return this.currentVariance;
  }

  /** Publishes the next price. */
  next(): MarketTick {
    const d = drawLogReturn(this.params, this.currentVariance, this.rng);
    this.logPrice += d.logReturn;
    this.currentVariance = d.nextVariance;
    this.prices.push(Math.exp(this.logPrice));
    return { step: this.step, price: this.price };
  }

  /** Publishes `n` prices and returns the last tick. */
  advance(n: number): MarketTick {
    for (let i = 0; i < n; i++) this.next();
    return { step: this.step, price: this.price };
  }

  /** Every published price, index = step (a copy: callers cannot rewrite the past). */
  history(): number[] {
    return this.prices.slice();
  }
}
