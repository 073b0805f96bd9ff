/**
 * How a validator turns a round of answers into per-environment evidence, and evidence into
 * scores. Each environment is scored separately (a miner's score is a vector, not a sum), so
 * strength in one environment cannot hide weakness in another; the Pareto step then compares
 * the vectors.
 */
import { blake2b256, toHex } from '@taonet/primitives';
import type { EnvName, Instance } from './environment.js';
import { environment } from './envs/registry.js';

/** One miner's answers for a round, aligned with the round's instances ('' = abstain). */
export interface Submission {
  readonly hotkey: string;
  /**
   * When the answers were committed (e.g. the block of the commit, scaled by its position in
   * the block). Smaller is earlier; ties are broken by hotkey, arbitrarily but deterministically.
   */
  readonly commit: bigint;
  readonly answers: readonly string[];
}

/** Successes out of trials. */
export interface Tally {
  readonly successes: number;
  readonly trials: number;
}

/** One miner's result in one round. */
export interface MinerRound {
  readonly hotkey: string;
  readonly commit: bigint;
  /** Set when the submission repeats an earlier committer's; its successes then count as 0. */
  readonly duplicateOf?: string;
  readonly tallies: ReadonlyMap<EnvName, Tally>;
}

/** A whole round, miners in commit order. */
export interface RoundEvaluation {
  readonly miners: readonly MinerRound[];
}

/** Orders by commit, then hotkey: the order in which "earliest" is decided everywhere. */
export function byCommit<T extends { readonly commit: bigint; readonly hotkey: string }>(a: T, b: T): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.hotkey < b.hotkey ? -1 : a.hotkey > b.hotkey ? 1 : 0;
}

/** Hash of a submission's canonical answers (whitespace and commas cannot disguise a copy). */
export function answerFingerprint(instances: readonly Instance[], answers: readonly string[]): string {
  const canonical = instances.map((inst, i) => `${inst.id}=${environment(inst.env).normalize(answers[i] ?? '')}`);
  return toHex(blake2b256(new TextEncoder().encode(canonical.join('\n'))));
}

/**
 * Checks every submission against every instance. A submission identical (after normalising)
 * to one committed earlier, and not entirely right, is collapsed onto it: it is recorded with its trials but no
 * successes, so a copy or a sybil clone adds no evidence of its own. Validators should include
 * miners that did not answer as submissions of empty answers, so silence counts as failure.
 */
export function evaluateRound(instances: readonly Instance[], submissions: readonly Submission[]): RoundEvaluation {
  const firstByPrint = new Map<string, string>();
  const miners: MinerRound[] = [];
  for (const sub of [...submissions].sort(byCommit)) {
    // Every instance has exactly one right answer, so two honest solvers who get everything right
    // submit identical answers: only a shared mistake (or blank) is evidence of copying. Identical
    // perfect submissions all count; a clone of them is then shadowed by the Pareto step.
    const perfect = instances.every((inst, i) => {
      const answer = sub.answers[i] ?? '';
      return answer.length > 0 && environment(inst.env).check(inst, answer);
    });
    const print = answerFingerprint(instances, sub.answers);
    const original = perfect ? undefined : firstByPrint.get(print);
    if (original === undefined && !perfect) firstByPrint.set(print, sub.hotkey);
    const counts = new Map<EnvName, { successes: number; trials: number }>();
    instances.forEach((inst, i) => {
      const answer = sub.answers[i] ?? '';
      const ok = original === undefined && answer.length > 0 && environment(inst.env).check(inst, answer);
      const t = counts.get(inst.env) ?? { successes: 0, trials: 0 };
      counts.set(inst.env, { successes: t.successes + (ok ? 1 : 0), trials: t.trials + 1 });
    });
    miners.push({
      hotkey: sub.hotkey,
      commit: sub.commit,
      ...(original === undefined ? {} : { duplicateOf: original }),
      tallies: counts,
    });
  }
  return { miners };
}

/**
 * Wilson score interval lower bound for a success rate: a miner lucky on a handful of
 * instances is not ranked above one proven on many. 0 when there are no trials.
 */
export function wilsonLowerBound(successes: number, trials: number, z = 1.96): number {
  if (trials <= 0) return 0;
  const p = successes / trials;
  const z2 = z * z;
  const centre = p + z2 / (2 * trials);
  const margin = z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return Math.min(1, Math.max(0, (centre - margin) / (1 + z2 / trials)));
}

/** A miner's score vector, ready for the Pareto step. */
export interface ScoreRow {
  readonly hotkey: string;
  /** The miner's earliest commit in the window. */
  readonly commit: bigint;
  /** Per environment (in the board's order): Wilson lower bound of the success rate. */
  readonly scores: readonly number[];
  readonly tallies: readonly Tally[];
}

/** Accumulates round evaluations over a sliding window of rounds. */
export class Scoreboard {
  private readonly rounds: RoundEvaluation[] = [];

  /**
   * @param envs environments in score-vector order
   * @param window rounds kept (older ones fall out, so scores follow current ability)
   */
  constructor(
    readonly envs: readonly EnvName[],
    readonly window = Number.POSITIVE_INFINITY,
  ) {}

  /** Adds a round, dropping the oldest beyond the window. */
  record(round: RoundEvaluation): void {
    this.rounds.push(round);
    while (this.rounds.length > this.window) this.rounds.shift();
  }

  /** Successes and trials of `hotkey` in `env` over the window. */
  tally(hotkey: string, env: EnvName): Tally {
    let successes = 0;
    let trials = 0;
    for (const r of this.rounds) {
      for (const m of r.miners) {
        if (m.hotkey !== hotkey) continue;
        const t = m.tallies.get(env);
        successes += t?.successes ?? 0;
        trials += t?.trials ?? 0;
      }
    }
    return { successes, trials };
  }

  /** Every miner seen in the window with its score vector (Wilson lower bounds at `z`). */
  rows(z = 1.96): ScoreRow[] {
    const commits = new Map<string, bigint>();
    for (const r of this.rounds) {
      for (const m of r.miners) {
        const c = commits.get(m.hotkey);
        if (c === undefined || m.commit < c) commits.set(m.hotkey, m.commit);
      }
    }
    return [...commits].map(([hotkey, commit]) => {
      const tallies = this.envs.map((env) => this.tally(hotkey, env));
      return { hotkey, commit, scores: tallies.map((t) => wilsonLowerBound(t.successes, t.trials, z)), tallies };
    });
  }
}
