/**
 * Seeded random epoch inputs that reach the awkward corners of the entry-set semantics: unsorted
 * and duplicate columns, explicit zeros, self-weights, columns past n, stale and fresh
 * registrations, short permit lists, an owner, commit-reveal, and stakes from 0 to ~1e16 rao with
 * fractional bits.
 */
import type { epoch } from '../../src/index.js';

/** splitmix32: the same sequence on every run. */
export function seededRng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

export interface Shape {
  maxN: number;
  /** Fraction of uids that hold weights and bonds. */
  validatorShare: number;
  /** Fraction of columns a validator's row touches. */
  density: number;
  /**
   * One stake and one weight value for everybody: shares then come out as exact fractions like
   * 1/2 or 1/4, the case where a float estimate sits right on an integer boundary.
   */
  uniform?: boolean;
}

export function randomEpochInput(seed: number, shape: Shape): epoch.EpochInput {
  const rnd = seededRng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const chance = (p: number): boolean => rnd() < p;
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
  const uniformValue = int(1, 65535);
  const u16 = (): number => (shape.uniform ? uniformValue : chance(0.1) ? 0 : chance(0.1) ? 65535 : int(0, 65535));

  const n = int(0, shape.maxN);
  const block = BigInt(int(1000, 100_000));
  const uniformStake = BigInt(int(1, 2 ** 30)) << 64n;
  const stakeFixed = Array.from({ length: n }, (): bigint => {
    if (shape.uniform) return uniformStake;
    if (chance(0.2)) return 0n;
    const rao = pick([BigInt(int(1, 1000)), BigInt(int(1, 2 ** 30)), BigInt(Math.floor(rnd() * 1e16))]);
    const frac = chance(0.5) ? BigInt(Math.floor(rnd() * 2 ** 32)) << 32n : 0n;
    return (rao << 64n) + frac;
  });
  const row = (): epoch.U16Row => {
    if (!chance(shape.validatorShare)) return { cols: new Uint16Array(0), vals: new Uint16Array(0) };
    const cols: number[] = [];
    for (let j = 0; j < n; j++) if (chance(shape.density)) cols.push(j);
    if (chance(0.2)) cols.push(int(0, n + 20)); // a duplicate or a column past n
    if (chance(0.5)) cols.sort(() => rnd() - 0.5);
    return { cols: Uint16Array.from(cols), vals: Uint16Array.from(cols, () => (chance(0.05) ? 0 : u16())) };
  };
  const low = u16();
  return {
    n,
    currentBlock: block,
    hyperparameters: {
      tempo: int(1, 1000),
      activityCutoffFactorMilli: pick([13889, int(0, 50_000)]),
      kappa: pick([32767, u16()]),
      bondsPenalty: pick([0, 65535, 32767, u16()]),
      bondsMovingAverage: chance(0.05) ? 1_500_000n : pick([900_000n, 975_000n, BigInt(int(0, 1_000_000))]),
      yuma3Enabled: chance(0.5),
      liquidAlphaEnabled: chance(0.4),
      alphaLow: low,
      alphaHigh: chance(0.8) ? int(low, 65535) : u16(),
      alphaSigmoidSteepness: pick([1000, int(-32768, 32767)]),
      maxAllowedValidators: int(0, n + 2),
      stakeThreshold: chance(0.7) ? 0n : BigInt(int(0, 2 ** 30)),
      commitRevealEnabled: chance(0.3),
    },
    lastMechanismStepBlock: chance(0.3) ? 0n : block - BigInt(int(1, 2000)),
    ownerUid: chance(0.5) ? null : int(0, n + 1),
    stakeFixed,
    lastUpdate: Array.from({ length: n }, () => block - BigInt(int(0, 20_000))),
    blockAtRegistration: Array.from({ length: n }, () => BigInt(int(0, Number(block)))),
    validatorPermit: Array.from({ length: chance(0.9) ? n : int(0, n) }, () => chance(0.8)),
    weights: Array.from({ length: n }, row),
    bonds: Array.from({ length: n }, row),
    commitBlock: chance(0.5)
      ? null
      : Array.from({ length: n }, () => (chance(0.5) ? null : block - BigInt(int(0, 5000)))),
    raoEmission: BigInt(int(0, 2 ** 40)),
  };
}
