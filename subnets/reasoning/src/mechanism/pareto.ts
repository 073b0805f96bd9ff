/**
 * Winner-take-most weights by Pareto dominance across environments (after Affine, SN120).
 *
 * The rule, in order:
 *  1. No signal: a miner whose every score is within ε of 0 gets nothing.
 *  2. First to reach a point: miners are taken in commit order; a miner within ε of an earlier
 *     kept miner on every environment is *shadowed* by it and gets nothing. An exact copy or a
 *     sybil clone has the same vector as its original and so earns nothing; to earn, a later
 *     miner must move more than ε away, i.e. really improve somewhere.
 *  3. Dominance: A dominates B when A ≥ B − ε on every environment and A > B + ε on at least one.
 *     Only the non-dominated kept miners (the frontier) receive weight; all of it. A dominated
 *     miner gets nothing, however close it is.
 *  4. Sharing the frontier: for every non-empty subset S of environments, the frontier miners
 *     not dominated on S (earliest wins among ε-ties on S) split |S| points. Weights are points
 *     normalised to sum to 1. Larger subsets are worth more, so breadth beats a narrow
 *     specialist ("decoy"), while two specialists with mirror-image strengths share equally.
 *
 * Dominance depth (how many frontiers must be peeled off before a miner is non-dominated) is
 * reported for dashboards; it does not earn weight.
 */
import { byCommit } from './evaluation.js';

/** A miner's score vector with its commit, as the Pareto step sees it. */
export interface ParetoCandidate {
  readonly hotkey: string;
  readonly commit: bigint;
  readonly scores: readonly number[];
}

/** Tuning of the Pareto step. */
export interface ParetoOptions {
  /** Tie tolerance on each environment's score (default 0.02). */
  readonly epsilon?: number;
  /** Points a winner set of a subset of `size` environments shares (default: `size`). */
  readonly subsetPoints?: (size: number) => number;
}

/** Why a miner got what it got. */
export type ParetoStatus = 'frontier' | 'dominated' | 'shadowed' | 'no-signal';

/** Weights (summing to 1 over the frontier; all 0 when no miner shows signal), with the reasons. */
export interface ParetoResult {
  readonly weights: ReadonlyMap<string, number>;
  readonly status: ReadonlyMap<string, ParetoStatus>;
  /** For shadowed miners: the earlier miner whose point they only repeated. */
  readonly shadowedBy: ReadonlyMap<string, string>;
  /** 0 for the frontier, 1 for the next layer, …; absent for shadowed and no-signal miners. */
  readonly depth: ReadonlyMap<string, number>;
}

/** Default tie tolerance. */
export const DEFAULT_EPSILON = 0.02;
/** More environments than this would make the subset enumeration (2^n) unreasonable. */
export const MAX_PARETO_ENVS = 16;

function allDims(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Whether `a` ε-dominates `b` on the environments `dims` (all by default). */
export function dominates(
  a: readonly number[],
  b: readonly number[],
  epsilon: number,
  dims: readonly number[] = allDims(a.length),
): boolean {
  let strictly = false;
  for (const i of dims) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x < y - epsilon) return false;
    if (x > y + epsilon) strictly = true;
  }
  return strictly;
}

/** Whether `a` and `b` are within ε of each other on every environment in `dims`. */
export function epsilonEqual(
  a: readonly number[],
  b: readonly number[],
  epsilon: number,
  dims: readonly number[] = allDims(a.length),
): boolean {
  return dims.every((i) => Math.abs((a[i] ?? 0) - (b[i] ?? 0)) <= epsilon);
}

/**
 * Members of `pool` (in commit order) not dominated on `dims` by another member of `pool`.
 * ε-dominance is not transitive, and with three or more environments it can even cycle
 * (each miner ε-dominated by another); then plain dominance (ε = 0), a strict partial order
 * whose maximal set is never empty, decides instead.
 */
function nonDominated(pool: readonly ParetoCandidate[], epsilon: number, dims?: readonly number[]): ParetoCandidate[] {
  const undominated = (eps: number) =>
    pool.filter((c) => !pool.some((o) => o !== c && dominates(o.scores, c.scores, eps, dims)));
  const front = undominated(epsilon);
  return front.length > 0 || pool.length === 0 ? front : undominated(0);
}

/** Pareto weights for a set of score vectors; see the module comment for the rule. */
export function paretoWeights(candidates: readonly ParetoCandidate[], options: ParetoOptions = {}): ParetoResult {
  const epsilon = options.epsilon ?? DEFAULT_EPSILON;
  const subsetPoints = options.subsetPoints ?? ((size: number) => size);
  const envs = candidates[0]?.scores.length ?? 0;
  if (envs > MAX_PARETO_ENVS) throw new RangeError(`at most ${MAX_PARETO_ENVS} environments`);
  if (candidates.some((c) => c.scores.length !== envs)) throw new RangeError('score vectors differ in length');
  if (new Set(candidates.map((c) => c.hotkey)).size !== candidates.length) throw new RangeError('duplicate hotkey');

  const status = new Map<string, ParetoStatus>();
  const shadowedBy = new Map<string, string>();
  const depth = new Map<string, number>();
  const weights = new Map<string, number>();

  // Steps 1 and 2, in commit order so "earlier" is well defined.
  const kept: ParetoCandidate[] = [];
  for (const c of [...candidates].sort(byCommit)) {
    if (c.scores.every((s) => s <= epsilon)) {
      status.set(c.hotkey, 'no-signal');
      continue;
    }
    const first = kept.find((k) => epsilonEqual(k.scores, c.scores, epsilon));
    if (first !== undefined) {
      status.set(c.hotkey, 'shadowed');
      shadowedBy.set(c.hotkey, first.hotkey);
      continue;
    }
    kept.push(c);
  }

  // Step 3: peel frontiers for depth; the first one is the frontier.
  let rest = kept;
  for (let layer = 0; rest.length > 0; layer++) {
    const front = nonDominated(rest, epsilon);
    for (const c of front) {
      depth.set(c.hotkey, layer);
      status.set(c.hotkey, layer === 0 ? 'frontier' : 'dominated');
    }
    rest = rest.filter((c) => !front.includes(c));
  }
  const frontier = kept.filter((c) => depth.get(c.hotkey) === 0);

  // Step 4: subset points among the frontier.
  const points = new Map<string, number>(frontier.map((c) => [c.hotkey, 0]));
  for (let mask = 1; mask < 1 << envs; mask++) {
    const dims = allDims(envs).filter((i) => (mask >> i) & 1);
    const winners: ParetoCandidate[] = [];
    // nonDominated keeps commit order, so an ε-tie on S goes to the earlier miner.
    for (const c of nonDominated(frontier, epsilon, dims)) {
      if (!winners.some((w) => epsilonEqual(w.scores, c.scores, epsilon, dims))) winners.push(c);
    }
    const share = subsetPoints(dims.length) / winners.length;
    for (const w of winners) points.set(w.hotkey, (points.get(w.hotkey) ?? 0) + share);
  }
  const total = [...points.values()].reduce((s, p) => s + p, 0);
  for (const c of candidates) weights.set(c.hotkey, total > 0 ? (points.get(c.hotkey) ?? 0) / total : 0);
  return { weights, status, shadowedBy, depth };
}
