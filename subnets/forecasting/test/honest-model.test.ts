import { describe, expect, it } from 'vitest';
import {
  baselineCrps,
  baselinePaths,
  crpsPaths,
  type Forecast,
  fitGarch,
  fitHonestModel,
  honestForecast,
  logReturns,
  MarketSimulator,
  mixSeed,
  nelderMead,
  overfitForecast,
  Prng,
  randomForecast,
  shrinkInsignificant,
  simulatePaths,
} from '../src/mechanism/index.js';

const SHAPE = { pathCount: 100, horizon: 12 };

describe('nelderMead', () => {
  it('minimises the Rosenbrock function', () => {
    const rosenbrock = (x: readonly number[]) =>
      100 * ((x[1] as number) - (x[0] as number) ** 2) ** 2 + (1 - (x[0] as number)) ** 2;
    const r = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 2000, tolerance: 1e-14 });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
  });

  it('treats non-finite values as infeasible', () => {
    const r = nelderMead((x) => ((x[0] as number) < 0 ? Number.NaN : ((x[0] as number) - 2) ** 2), [1]);
    expect(r.x[0]).toBeCloseTo(2, 3);
  });
});

describe('fitting', () => {
  it('GARCH maximum likelihood recovers the volatility dynamics of a jump-free market', () => {
    const m = new MarketSimulator(77, { jumpIntensity: 0 });
    m.advance(4000);
    const fit = fitGarch(logReturns(m.history()));
    const p = m.params;
    expect(Math.abs(fit.alpha + fit.beta - (p.alpha + p.beta))).toBeLessThan(0.02);
    expect(Math.abs(fit.alpha - p.alpha)).toBeLessThan(0.04);
    expect(fit.nextVariance / m.variance).toBeGreaterThan(0.7);
    expect(fit.nextVariance / m.variance).toBeLessThan(1.4);
  });

  it('the jump-GARCH fit finds jumps of the right frequency and size', () => {
    const m = new MarketSimulator(78, { jumpIntensity: 0.03, jumpStdDev: 0.05 });
    m.advance(3000);
    const fit = fitHonestModel(m.history(), { lookback: 3000 });
    expect(fit.returnsUsed).toBe(3000);
    expect(fit.params.jumpIntensity).toBeGreaterThan(0.015);
    expect(fit.params.jumpIntensity).toBeLessThan(0.06);
    expect(fit.params.jumpStdDev).toBeGreaterThan(0.03);
    expect(fit.params.jumpStdDev).toBeLessThan(0.08);
    expect(fit.params.alpha + fit.params.beta).toBeGreaterThan(0.9);
  });

  it('shrinks insignificant means to zero and leaves significant ones nearly intact', () => {
    expect(shrinkInsignificant(1, 1)).toBe(0);
    expect(shrinkInsignificant(-1, 0.6)).toBe(0);
    expect(shrinkInsignificant(10, 1)).toBeCloseTo(9.6, 12);
    expect(shrinkInsignificant(0, 1)).toBe(0);
  });

  it('is deterministic for a given seed', () => {
    const m = new MarketSimulator(3);
    m.advance(600);
    const a = honestForecast(m.history(), SHAPE, 9);
    const b = honestForecast(m.history(), SHAPE, 9);
    expect(a).toEqual(b);
    expect(a.paths).toHaveLength(100);
    expect(a.paths[0]).toHaveLength(12);
  });
});

describe('the honest model against naive baselines', () => {
  it('beats a constant-volatility random walk, a point forecast and noise, and is near the oracle', () => {
    // 4 markets × 30 non-overlapping rounds; skill ratio = CRPS / closed-form baseline CRPS.
    const totals: Record<string, number> = {};
    let winsOverRandomWalk = 0;
    let rounds = 0;
    for (const seed of [1, 2, 3, 4]) {
      const market = new MarketSimulator(seed);
      market.advance(500);
      for (let r = 0; r < 30; r++) {
        const history = market.history();
        const origin = history[history.length - 1] as number;
        const forecasts: Record<string, Forecast> = {
          honest: honestForecast(history, SHAPE, mixSeed(seed, r)),
          randomWalk: { paths: baselinePaths(history, 100, 12, 200, new Prng(mixSeed(seed, r, 1))) },
          lastPrice: overfitForecast(history, SHAPE, r, { mode: 'last-price' }),
          noise: randomForecast(history, SHAPE, r),
          // The truth's own dynamics and hidden variance: the best any miner could do.
          oracle: {
            paths: simulatePaths(market.params, origin, market.variance, 100, 12, new Prng(mixSeed(seed, r, 2))),
          },
        };
        market.advance(12);
        const realised = market.history().slice(-12);
        const reference = baselineCrps(history, realised, 200);
        const ratios: Record<string, number> = {};
        for (const [name, f] of Object.entries(forecasts)) {
          ratios[name] = crpsPaths(f.paths, realised) / reference;
          totals[name] = (totals[name] ?? 0) + (ratios[name] as number);
        }
        if ((ratios.honest as number) < (ratios.randomWalk as number)) winsOverRandomWalk++;
        rounds++;
      }
    }
    const mean = (name: string) => (totals[name] as number) / rounds;
    expect(mean('honest')).toBeLessThan(mean('randomWalk') - 0.02);
    expect(mean('honest')).toBeLessThan(mean('lastPrice') - 0.15);
    expect(mean('honest')).toBeLessThan(mean('noise') / 2);
    expect(mean('honest')).toBeLessThan(mean('oracle') + 0.02);
    expect(winsOverRandomWalk / rounds).toBeGreaterThan(0.55);
  });
});
