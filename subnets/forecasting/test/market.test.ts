import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MARKET_PARAMS,
  logReturns,
  longRunVariance,
  MarketSimulator,
  mixSeed,
  Prng,
} from '../src/mechanism/index.js';

describe('Prng', () => {
  it('produces a fixed integer stream (golden values: a change here breaks every replay)', () => {
    const rng = new Prng(1);
    expect([rng.nextU32(), rng.nextU32(), rng.nextU32(), rng.nextU32(), rng.nextU32()]).toEqual([
      2809901157, 529440302, 3676262363, 311134450, 3830347188,
    ]);
    expect(mixSeed(1, 2)).toBe(2929980550);
    expect(mixSeed(2, 1)).toBe(2587065692);
    expect(mixSeed(1)).not.toBe(mixSeed(1 + 2 ** 32));
  });

  it('draws uniforms in [0, 1), standard normals and Poisson counts with the right moments', () => {
    const rng = new Prng(9);
    const n = 20_000;
    let u = 0;
    let z = 0;
    let z2 = 0;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const f = rng.nextFloat();
      if (!(f >= 0 && f < 1)) throw new Error(`uniform out of range: ${f}`);
      u += f;
      const g = rng.normal();
      z += g;
      z2 += g * g;
      k += rng.poisson(0.3);
    }
    expect(u / n).toBeCloseTo(0.5, 2);
    expect(z / n).toBeCloseTo(0, 1);
    expect(z2 / n).toBeCloseTo(1, 1);
    expect(k / n).toBeCloseTo(0.3, 1);
    expect(() => rng.poisson(-1)).toThrow(RangeError);
  });
});

describe('MarketSimulator', () => {
  it('gives the same path for the same seed and a different one for another seed', () => {
    const a = new MarketSimulator(7);
    const b = new MarketSimulator(7);
    const c = new MarketSimulator(8);
    a.advance(1000);
    for (let i = 0; i < 1000; i++) b.next();
    c.advance(1000);
    expect(a.history()).toEqual(b.history());
    expect(a.history()).not.toEqual(c.history());
    expect(a.step).toBe(1000);
    // Golden value for this Node version's Math.log/exp (deterministic per engine, not consensus).
    expect(a.price).toBeCloseTo(100.15901803326422, 9);
  });

  it('publishes step by step, and history() is a copy', () => {
    const m = new MarketSimulator(1);
    expect(m.step).toBe(0);
    expect(m.price).toBe(DEFAULT_MARKET_PARAMS.initialPrice);
    expect(m.next()).toEqual({ step: 1, price: m.price });
    const h = m.history();
    h[1] = -1;
    expect(m.history()[1]).toBe(m.price);
  });

  it('has the right long-run volatility and fat tails', () => {
    const m = new MarketSimulator(42);
    m.advance(20_000);
    const r = logReturns(m.history());
    const n = r.length;
    const mean = r.reduce((a, b) => a + b, 0) / n;
    const dev = r.map((x) => x - mean);
    const variance = dev.reduce((a, d) => a + d * d, 0) / n;
    const p = DEFAULT_MARKET_PARAMS;
    const expectedVariance = longRunVariance(p) + p.jumpIntensity * (p.jumpStdDev ** 2 + p.jumpMean ** 2);
    expect(variance / expectedVariance).toBeGreaterThan(0.85);
    expect(variance / expectedVariance).toBeLessThan(1.15);
    // Fat tails: kurtosis well above the normal's 3.
    const kurtosis = dev.reduce((a, d) => a + d ** 4, 0) / n / variance ** 2;
    expect(kurtosis).toBeGreaterThan(5);
  });

  it('clusters volatility: squared returns are autocorrelated (seen without jumps, which are i.i.d. noise)', () => {
    const m = new MarketSimulator(42, { jumpIntensity: 0 });
    m.advance(20_000);
    const r = logReturns(m.history());
    const n = r.length;
    const mean = r.reduce((a, b) => a + b, 0) / n;
    const sq = r.map((x) => (x - mean) ** 2);
    const sqMean = sq.reduce((a, b) => a + b, 0) / n;
    let num = 0;
    let den = 0;
    for (let t = 0; t < n; t++) {
      den += ((sq[t] as number) - sqMean) ** 2;
      if (t > 0) num += ((sq[t] as number) - sqMean) * ((sq[t - 1] as number) - sqMean);
    }
    expect(num / den).toBeGreaterThan(0.1);
  });

  it('rejects non-stationary or malformed parameters', () => {
    expect(() => new MarketSimulator(1, { alpha: 0.5, beta: 0.5 })).toThrow(RangeError);
    expect(() => new MarketSimulator(1, { omega: 0 })).toThrow(RangeError);
    expect(() => new MarketSimulator(1, { initialPrice: -1 })).toThrow(RangeError);
    expect(() => new MarketSimulator(1, { jumpStdDev: Number.NaN })).toThrow(RangeError);
  });
});
