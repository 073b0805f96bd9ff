/**
 * A whole simulated competition, pure and seeded: rounds of fresh challenges, miners answering
 * in commit order (so a copier can see earlier answers), evaluation, and Pareto weights over
 * the accumulated scores. The tests use it to show cheaters lose; a local network or a demo
 * can use it to show the same thing.
 */
import { blake2b256, concatBytes } from '@taonet/primitives';
import { planChallenges } from './challenge.js';
import { type EnvName, MAX_DIFFICULTY, MIN_DIFFICULTY } from './environment.js';
import { ENVIRONMENTS, environment } from './envs/registry.js';
import { byCommit, evaluateRound, Scoreboard, type ScoreRow, type Submission } from './evaluation.js';
import type { MinerPolicy, ReasoningPrompt, RoundView } from './miner.js';
import { type ParetoResult, paretoWeights } from './pareto.js';

/** A competitor: its hotkey, when it committed, and how it behaves. */
export interface TournamentMiner {
  readonly hotkey: string;
  readonly commit: bigint;
  readonly policy: MinerPolicy;
}

/** Parameters of a tournament. */
export interface TournamentOptions {
  /** The validator's secret, mixed with each round's block hash into instance seeds. */
  readonly secret: Uint8Array;
  readonly rounds: number;
  /** Instances per environment per round. */
  readonly perEnv: number;
  readonly minDifficulty?: number;
  readonly maxDifficulty?: number;
  readonly epsilon?: number;
  /** z of the Wilson lower bound (default 1.96). */
  readonly z?: number;
  /** Block hash of round r; by default a hash of r. */
  readonly blockHash?: (round: number) => Uint8Array;
}

/** One miner's line in the final table. */
export interface TournamentRow extends ScoreRow {
  readonly kind: string;
  readonly weight: number;
  readonly status: string;
}

/** Final weights, the Pareto verdicts and the score table. */
export interface TournamentResult {
  readonly envs: readonly EnvName[];
  readonly pareto: ParetoResult;
  readonly rows: readonly TournamentRow[];
}

function defaultBlockHash(round: number): Uint8Array {
  const r = new Uint8Array(4);
  new DataView(r.buffer).setUint32(0, round);
  return blake2b256(concatBytes(new TextEncoder().encode('taonet/reasoning/simulated-block'), r));
}

/** Runs the tournament; the result is a pure function of miners and options. */
export function runTournament(miners: readonly TournamentMiner[], options: TournamentOptions): TournamentResult {
  const envs = ENVIRONMENTS.map((e) => e.name);
  const board = new Scoreboard(envs);
  const ordered = [...miners].sort(byCommit);
  for (let round = 0; round < options.rounds; round++) {
    const blockHash = (options.blockHash ?? defaultBlockHash)(round);
    const challenges = planChallenges(
      options.secret,
      blockHash,
      envs,
      options.perEnv,
      options.minDifficulty ?? MIN_DIFFICULTY,
      options.maxDifficulty ?? MAX_DIFFICULTY,
    );
    const instances = challenges.map((c) => environment(c.env).generate(c.seed, c.difficulty));
    const prompts = instances.map((i) => i.prompt as ReasoningPrompt);
    const answers = new Map<string, readonly string[]>();
    const view: RoundView = { answersOf: (hotkey) => answers.get(hotkey) };
    const submissions: Submission[] = [];
    // In commit order: each miner sees exactly the answers committed before its own.
    for (const m of ordered) {
      const a = m.policy.answer(prompts, view);
      submissions.push({ hotkey: m.hotkey, commit: m.commit, answers: a });
      answers.set(m.hotkey, a);
    }
    board.record(evaluateRound(instances, submissions));
    for (const m of ordered) m.policy.learn?.(prompts, view);
  }
  const scoreRows = board.rows(options.z);
  const pareto = paretoWeights(scoreRows, options.epsilon === undefined ? {} : { epsilon: options.epsilon });
  const kinds = new Map(miners.map((m) => [m.hotkey, m.policy.kind]));
  const rows = scoreRows.map((r) => ({
    ...r,
    kind: kinds.get(r.hotkey) ?? '?',
    weight: pareto.weights.get(r.hotkey) ?? 0,
    status: pareto.status.get(r.hotkey) ?? '?',
  }));
  return { envs, pareto, rows };
}
