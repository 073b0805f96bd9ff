/**
 * The synthetic cases registered in bactensor/yuma-simulation (`_internal/cases.py`, cases 1–22),
 * restated as data: three validators, two or three servers, 40 epochs, and per epoch each
 * validator's weight row and the stake shares. Weights and stakes follow that repository's
 * definitions; the code here is this project's own. Cases 19–22 draw Gaussian noise there from
 * PyTorch's generator; here the same means and deviations come from the simulator's seeded Rng,
 * so their draws differ (see docs/sim-yuma-cases.md).
 */
import { Rng } from '../rng.js';

export interface YumaCase {
  readonly id: number;
  /** The name yuma-simulation registers it under, with its description. */
  readonly name: string;
  readonly validators: readonly [string, string, string];
  /** Index of the validator the others are compared with (its `base_validator`). */
  readonly base: number;
  readonly servers: number;
  readonly epochs: number;
  /** Weight row of each validator over the servers at an epoch. */
  weights(epoch: number): number[][];
  /** Stake shares of the three validators at an epoch. */
  stakes(epoch: number): number[];
  /** yuma-simulation settings of the case the chain has no rule for. */
  readonly offChain?: string;
}

const S1 = [1, 0];
const S2 = [0, 1];
const all = (r: number[]): number[][] => [r, r, r];
const DEFAULT_STAKES = [0.8, 0.1, 0.1];
const EPOCHS = 40;

/** A case given as the rows of epochs 0, 1, 2, … with `rest` for every later epoch. */
function phases(first: number[][][], rest: number[][]): (e: number) => number[][] {
  return (e) => first[e] ?? rest;
}

function base(
  id: number,
  name: string,
  validators: [string, string, string],
  baseIdx: number,
  weights: (e: number) => number[][],
  stakes: (e: number) => number[] = () => DEFAULT_STAKES,
  servers = 2,
  offChain?: string,
): YumaCase {
  return {
    id,
    name,
    validators,
    base: baseIdx,
    servers,
    epochs: EPOCHS,
    weights,
    stakes,
    ...(offChain === undefined ? {} : { offChain }),
  };
}

/** Noisy proportional weights: true performance plus N(0, σ) per validator, clamped to [0, 1]. */
function noisyWeights(perf: number[], sigmas: number[], seed: string): (e: number) => number[][] {
  const cache = new Map<number, number[][]>();
  return (e) => {
    let w = cache.get(e);
    if (w === undefined) {
      w = sigmas.map((sigma, v) => {
        const rng = new Rng(`${seed}/${v}/${e}`);
        return perf.map((p) => Math.min(1, Math.max(0, p + sigma * rng.gaussian())));
      });
      cache.set(e, w);
    }
    return w;
  };
}

/** Client-side winner-takes-all: each validator puts all weight on its own best-scored server. */
const wta =
  (f: (e: number) => number[][]) =>
  (e: number): number[][] =>
    f(e).map((row) => {
      const best = row.indexOf(Math.max(...row));
      return row.map((_, i) => (i === best ? 1 : 0));
    });

const SERVER_WTA =
  "server-side winner-takes-all ('winner_takes_all') is a yuma-simulation option with no on-chain rule";

const stableMiner = (id: number, stable: number): YumaCase => {
  const a = [1 - stable, 0, stable];
  const b = [0, 1 - stable, stable];
  return base(
    id,
    `Case ${id} - big vali moves second, stable miner gets ${stable}`,
    ['Big vali. (0.8)', 'Small eager vali. (0.1)', 'Small lazy vali. (0.1)'],
    1,
    phases([all(a), [a, b, a], [b, b, a]], all(b)),
    undefined,
    3,
  );
};

const two = noisyWeights([0.6, 0.55], [0.05, 0.15, 0.15], 'yuma-cases/2-servers');
const three = noisyWeights([0.3, 0.35, 0.4], [0.05, 0.1, 0.1], 'yuma-cases/3-servers');

export const YUMA_CASES: readonly YumaCase[] = [
  base(
    1,
    'Case 1 - kappa moves first',
    ['Big vali. (0.8)', 'Small lazy vali. (0.1)', 'Small lazier vali. (0.1)'],
    0,
    phases([all(S1), [S2, S1, S1], [S2, S2, S1]], all(S2)),
  ),
  base(
    2,
    'Case 2 - kappa moves second',
    ['Big vali. (0.8)', 'Small eager vali. (0.1)', 'Small lazy vali. (0.1)'],
    1,
    phases([all(S1), [S1, S2, S1], [S2, S2, S1]], all(S2)),
  ),
  base(
    3,
    'Case 3 - kappa moves third',
    ['Big vali. (0.8)', 'Small eager vali. (0.1)', 'Small lazy vali. (0.1)'],
    1,
    phases([all(S1), [S1, S2, S1], [S1, S2, S2]], all(S2)),
  ),
  base(
    4,
    'Case 4 - all validators switch',
    ['Big vali. (0.8)', 'Small vali. (0.1)', 'Small vali 2. (0.1)'],
    0,
    phases([all(S1)], all(S2)),
  ),
  base(
    5,
    'Case 5 - kappa moves second, then third',
    ['Big vali. (0.8)', 'Small eager-eager vali. (0.1)', 'Small eager-lazy vali. (0.1)'],
    1,
    (e) =>
      e === 0
        ? all(S1)
        : e === 1
          ? [S1, S2, S2]
          : e <= 20
            ? all(S2)
            : e === 21
              ? [S2, S1, S2]
              : e === 22
                ? [S2, S1, S1]
                : all(S1),
  ),
  base(
    6,
    'Case 6 - kappa moves second, then all validators switch',
    ['Big vali. (0.8)', 'Small eager vali. (0.1)', 'Small lazy vali. (0.1)'],
    1,
    (e) => (e === 0 ? all(S1) : e === 1 ? [S1, S2, S1] : e === 2 ? [S2, S2, S1] : e <= 20 ? all(S2) : all(S1)),
  ),
  base(
    7,
    'Case 7 - big vali moves late, then all but one small vali moves late',
    ['Big vali. (0.8)', 'Small eager-lazy vali. (0.1)', 'Small eager-eager vali. (0.1)'],
    2,
    (e) => (e === 0 ? all(S1) : e === 1 ? [S1, S2, S2] : e <= 20 ? all(S2) : e === 21 ? [S2, S2, S1] : all(S1)),
  ),
  base(
    8,
    'Case 8 - big vali moves late, then late',
    ['Big dishonest lazy vali. (0.8)', 'Small eager-eager vali. (0.1)', 'Small eager-eager vali 2. (0.1)'],
    1,
    (e) => (e === 0 ? all(S1) : e === 1 ? [S1, S2, S2] : e <= 20 ? all(S2) : e === 21 ? [S2, S1, S1] : all(S1)),
  ),
  base(
    9,
    'Case 9 - small validators merged in e5',
    ['Big vali. (0.8)', 'Small vali. (0.1/0.2)', 'Small vali 2. (0.1/0.0)'],
    0,
    () => all(S2),
    (e) => (e <= 5 ? [0.8, 0.1, 0.1] : [0.8, 0.2, 0]),
  ),
  base(
    10,
    'Case 10 - kappa delayed',
    ['Big delayed vali. (0.8)', 'Small eager vali. (0.1)', 'Small lazy vali. (0.1)'],
    1,
    (e) => (e === 0 ? all(S1) : e < 10 ? [S1, S2, S1] : e === 10 ? [S2, S2, S1] : all(S2)),
  ),
  base(
    11,
    'Case 11 - clipping demo',
    ['Big vali. 1 (0.49)', 'Big vali. 2 (0.49)', 'Small vali. (0.02)'],
    0,
    (e) =>
      e < 20
        ? [
            [0.3, 0.7],
            [0.6, 0.4],
            [0.61, 0.39],
          ]
        : [
            [0.3, 0.7],
            [0.6, 0.4],
            [0.3, 0.61],
          ],
    () => [0.49, 0.49, 0.02],
  ),
  base(
    12,
    'Case 12 - all validators switch, but small validator/s support alt miner with minimal weight',
    ['Big vali. (0.8)', 'Small dishonest vali. (0.1)', 'Small vali. (0.1)'],
    0,
    (e) => (e === 0 || e > 20 ? [S1, [0.999, 0.001], S1] : [S2, [0.001, 0.999], S2]),
  ),
  base(
    13,
    'Case 13 - Big vali supports server 2, small validator/s support server 1',
    ['Big vali. (0.8)', 'Small vali. (0.1)', 'Small vali 2. (0.1)'],
    0,
    (e) => (e <= 20 ? [S2, [0.5, 0.5], S2] : [S2, [0.5, 0.5], [0.5, 0.5]]),
  ),
  base(
    14,
    'Case 14 - All validators support Server 1, one of them switches to Server 2 for one epoch',
    ['Vali. 1 (0.33)', 'Vali. 2 (0.33)', 'Vali. 3 (0.34)'],
    0,
    (e) => (e === 20 ? [S1, S1, S2] : all(S1)),
    () => [0.33, 0.33, 0.34],
  ),
  stableMiner(15, 0.25),
  stableMiner(16, 0.5),
  stableMiner(17, 0.75),
  stableMiner(18, 0.9),
  base(
    19,
    'Case 19 - Client-side WTA',
    ['Big vali. 1 (low noise)', 'Big vali. 2 (high noise)', 'Small vali. (high noise)'],
    0,
    wta(two),
    () => [0.49, 0.49, 0.02],
  ),
  base(
    20,
    'Case 20 - Server-side WTA',
    ['Big vali. 1 (low noise)', 'Big vali. 2 (high noise)', 'Small vali. (high noise)'],
    0,
    two,
    () => [0.49, 0.49, 0.02],
    2,
    SERVER_WTA,
  ),
  base(
    21,
    'Case 21 - 3 servers Client-side WTA',
    ['Big vali. 1 (low noise)', 'Big vali. 2 (high noise)', 'Big vali. 3 (high noise)'],
    0,
    wta(three),
    () => [0.34, 0.33, 0.33],
    3,
    SERVER_WTA,
  ),
  base(
    22,
    'Case 22 - 3 servers Server-side WTA',
    ['Big vali. 1 (low noise)', 'Big vali. 2 (high noise)', 'Big vali. 3 (high noise)'],
    0,
    three,
    () => [0.34, 0.33, 0.33],
    3,
    SERVER_WTA,
  ),
];
