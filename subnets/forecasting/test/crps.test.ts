import { describe, expect, it } from 'vitest';
import {
  crpsEnsemble,
  crpsNormal,
  crpsPaths,
  crpsQuantilePaths,
  crpsQuantiles,
  normalCdf,
  Prng,
} from '../src/mechanism/index.js';

/** The O(m²) definition E|X − y| − ½E|X − X′| over a weighted discrete distribution. */
function crpsBruteForce(values: readonly number[], weights: readonly number[], y: number): number {
  let a = 0;
  let b = 0;
  values.forEach((x, i) => {
    const wi = weights[i] as number;
    a += wi * Math.abs(x - y);
    values.forEach((x2, j) => {
      b += wi * (weights[j] as number) * Math.abs(x - x2);
    });
  });
  return a - 0.5 * b;
}

/** ∫ (Φ((x − μ)/σ) − 1{x ≥ y})² dx by the trapezoid rule over μ ± 12σ, splitting at y. */
function crpsNormalNumeric(mu: number, sigma: number, y: number): number {
  const f = (x: number) => (normalCdf((x - mu) / sigma) - (x >= y ? 1 : 0)) ** 2;
  const integrate = (lo: number, hi: number, n: number) => {
    if (hi <= lo) return 0;
    const h = (hi - lo) / n;
    let s = 0.5 * (f(lo) + f(hi - 1e-12));
    for (let i = 1; i < n; i++) s += f(lo + i * h);
    return s * h;
  };
  const lo = Math.min(mu - 12 * sigma, y);
  const hi = Math.max(mu + 12 * sigma, y);
  return integrate(lo, y, 20_000) + integrate(y, hi, 20_000);
}

describe('CRPS of an ensemble', () => {
  it('matches the O(m²) definition and ignores sample order', () => {
    const rng = new Prng(11);
    for (let trial = 0; trial < 20; trial++) {
      const m = 1 + rng.nextInt(40);
      const xs = Array.from({ length: m }, () => 3 * rng.normal());
      const y = 2 * rng.normal();
      const expected = crpsBruteForce(xs, new Array(m).fill(1 / m), y);
      expect(crpsEnsemble(xs, y)).toBeCloseTo(expected, 12);
      expect(crpsEnsemble(rng.shuffle([...xs]), y)).toBeCloseTo(expected, 12);
    }
  });

  it('is 0 for a point mass at the outcome and the absolute error for a point mass elsewhere', () => {
    expect(crpsEnsemble([5], 5)).toBe(0);
    expect(crpsEnsemble([5, 5, 5, 5], 5)).toBe(0);
    expect(crpsEnsemble([2], 5)).toBe(3);
    expect(crpsEnsemble([7, 7], 5)).toBe(2);
  });

  it('is translation-equivariant and scales with the units', () => {
    const xs = [1, 4, 2.5, 9, -3];
    expect(
      crpsEnsemble(
        xs.map((x) => x + 100),
        102,
      ),
    ).toBeCloseTo(crpsEnsemble(xs, 2), 10);
    expect(
      crpsEnsemble(
        xs.map((x) => 10 * x),
        20,
      ),
    ).toBeCloseTo(10 * crpsEnsemble(xs, 2), 10);
  });

  it('rejects an empty ensemble', () => {
    expect(() => crpsEnsemble([], 1)).toThrow(RangeError);
  });
});

describe('CRPS of a normal distribution', () => {
  it('Φ matches reference values', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316300946, 16);
    expect(normalCdf(-6) / 9.865876450376946e-10).toBeCloseTo(1, 10);
    expect(normalCdf(2.5) + normalCdf(-2.5)).toBeCloseTo(1, 15);
  });

  it('closed form equals the integral of the squared CDF difference', () => {
    for (const [mu, sigma, y] of [
      [0, 1, 0],
      [0, 1, 1.3],
      [2, 0.5, -1],
      [100, 3, 104.2],
      [-1, 2, 7],
    ] as const) {
      expect(crpsNormal(mu, sigma, y)).toBeCloseTo(crpsNormalNumeric(mu, sigma, y), 6);
    }
    // At the mean: σ(2φ(0) − 1/√π) = σ(√2 − 1)/√π.
    expect(crpsNormal(0, 2, 0)).toBeCloseTo((2 * (Math.SQRT2 - 1)) / Math.sqrt(Math.PI), 14);
    expect(crpsNormal(3, 0, 1)).toBe(2);
  });

  it('a large seeded normal ensemble approaches the closed form', () => {
    const rng = new Prng(3);
    const xs = Array.from({ length: 20_000 }, () => 1 + 2 * rng.normal());
    for (const y of [-2, 1, 4.5]) expect(crpsEnsemble(xs, y) / crpsNormal(1, 2, y)).toBeCloseTo(1, 1);
  });
});

describe('CRPS of quantiles', () => {
  it('on the midpoint grid equals the ensemble CRPS of the quantile values', () => {
    const rng = new Prng(5);
    const k = 20;
    const levels = Array.from({ length: k }, (_, i) => (i + 0.5) / k);
    const values = Array.from({ length: k }, () => rng.normal()).sort((a, b) => a - b);
    for (const y of [-3, -0.2, 0, 0.7, 4])
      expect(crpsQuantiles(levels, values, y)).toBeCloseTo(crpsEnsemble(values, y), 12);
  });

  it('on an uneven grid equals the CRPS of the masses the cells assign', () => {
    const levels = [0.05, 0.25, 0.5, 0.75, 0.95];
    const values = [-1.6, -0.7, 0, 0.6, 1.7];
    const widths = [0.15, 0.225, 0.25, 0.225, 0.15];
    for (const y of [-2, -0.5, 0.1, 3]) {
      expect(crpsQuantiles(levels, values, y)).toBeCloseTo(crpsBruteForce(values, widths, y), 12);
    }
  });

  it('rejects unordered levels or values', () => {
    expect(() => crpsQuantiles([0.5, 0.25], [0, 1], 0)).toThrow(RangeError);
    expect(() => crpsQuantiles([0.25, 0.75], [1, 0], 0)).toThrow(RangeError);
    expect(() => crpsQuantiles([0, 0.5], [0, 1], 0)).toThrow(RangeError);
  });
});

describe('multi-horizon CRPS', () => {
  it('averages the per-horizon ensemble scores', () => {
    const paths = [
      [1, 2, 3],
      [2, 2, 5],
      [0, 4, 1],
    ];
    const realised = [1.5, 2.5, 2];
    const expected = (crpsEnsemble([1, 2, 0], 1.5) + crpsEnsemble([2, 2, 4], 2.5) + crpsEnsemble([3, 5, 1], 2)) / 3;
    expect(crpsPaths(paths, realised)).toBeCloseTo(expected, 14);
    expect(() => crpsPaths([[1, 2]], realised)).toThrow(RangeError);
  });

  it('does the same for quantile forecasts', () => {
    const levels = [0.25, 0.75];
    const q = [
      [0, 1],
      [1, 3],
    ];
    expect(crpsQuantilePaths(levels, q, [0.5, 2])).toBeCloseTo(
      (crpsEnsemble([0, 1], 0.5) + crpsEnsemble([1, 3], 2)) / 2,
      14,
    );
  });
});

describe('CRPS is proper', () => {
  it('the true distribution scores best on average, against shifted and mis-dispersed ones', () => {
    // Outcomes Y ~ N(0, 1); each forecaster sends a fresh 100-member ensemble per outcome.
    const rng = new Prng(2024);
    const forecasters = {
      truth: { mu: 0, sigma: 1 },
      shifted: { mu: 0.4, sigma: 1 },
      underDispersed: { mu: 0, sigma: 0.6 },
      overDispersed: { mu: 0, sigma: 1.6 },
    };
    const totals: Record<string, number> = {};
    const closedForm: Record<string, number> = {};
    const outcomes = 400;
    for (let t = 0; t < outcomes; t++) {
      const y = rng.normal();
      for (const [name, f] of Object.entries(forecasters)) {
        const xs = Array.from({ length: 100 }, () => f.mu + f.sigma * rng.normal());
        totals[name] = (totals[name] ?? 0) + crpsEnsemble(xs, y) / outcomes;
        closedForm[name] = (closedForm[name] ?? 0) + crpsNormal(f.mu, f.sigma, y) / outcomes;
      }
    }
    for (const name of ['shifted', 'underDispersed', 'overDispersed']) {
      expect(totals.truth).toBeLessThan(totals[name] as number);
      expect(closedForm.truth).toBeLessThan(closedForm[name] as number);
    }
    // The expected CRPS of the truth is 1/√π.
    expect(closedForm.truth).toBeCloseTo(1 / Math.sqrt(Math.PI), 1);
  });
});
