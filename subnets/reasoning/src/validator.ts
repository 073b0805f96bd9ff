/**
 * The reasoning validator. Each round it derives fresh instances from its own secret and the
 * current block hash (no miner can know them in advance), sends the prompts, checks every answer
 * exactly, and records per-environment success. Weights go winner-take-most to the Pareto frontier
 * across environments, with ε ties going to the earlier committer, so a copy or a sybil gains
 * nothing. The round history is saved and reloaded on restart.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blake2b256, fromHex } from '@taonet/primitives';
import { BaseValidator, type MinerRef, type NeuronConfig, queryTimed } from '@taonet/subnet-core';
import {
  environment,
  type EnvName,
  evaluateRound,
  type Instance,
  paretoWeights,
  planChallenges,
  type RoundEvaluation,
  Scoreboard,
  type Submission,
  type Tally,
} from './mechanism/index.js';
import { ReasoningChallenge } from './protocol.js';

const ENVS: readonly EnvName[] = ['program-output', 'linear-system', 'sat', 'shortest-path'];
const WINDOW = 30;

interface SavedRound {
  miners: { hotkey: string; commit: string; duplicateOf?: string; tallies: [EnvName, Tally][] }[];
}

export class ReasoningValidator extends BaseValidator {
  private board = new Scoreboard(ENVS, WINDOW);
  private rounds: RoundEvaluation[] = [];
  private secret!: Uint8Array;

  constructor(config: NeuronConfig) {
    super(config, 'reasoning-validator', {
      queryEveryBlocks: 2,
      weightsEveryBlocks: 6,
      sampleSize: 32,
      exploreFraction: 0.25,
      scoreAlpha: 0.2,
    });
  }

  private get roundsPath(): string {
    return join(this.config.stateDir, `reasoning-rounds-${this.config.netuid}.json`);
  }

  override async start(): Promise<void> {
    this.secret = blake2b256(
      new TextEncoder().encode(`reasoning-secret/${this.config.hotkeyUri ?? this.config.hotkey}`),
    );
    if (existsSync(this.roundsPath)) {
      for (const r of JSON.parse(readFileSync(this.roundsPath, 'utf8')) as SavedRound[]) {
        const round: RoundEvaluation = {
          miners: r.miners.map((m) => ({
            hotkey: m.hotkey,
            commit: BigInt(m.commit),
            ...(m.duplicateOf === undefined ? {} : { duplicateOf: m.duplicateOf }),
            tallies: new Map(m.tallies),
          })),
        };
        this.rounds.push(round);
        this.board.record(round);
      }
    }
    await super.start();
  }

  private save(): void {
    const saved: SavedRound[] = this.rounds.map((r) => ({
      miners: r.miners.map((m) => ({
        hotkey: m.hotkey,
        commit: m.commit.toString(),
        ...(m.duplicateOf === undefined ? {} : { duplicateOf: m.duplicateOf }),
        tallies: [...m.tallies],
      })),
    }));
    mkdirSync(this.config.stateDir, { recursive: true });
    writeFileSync(this.roundsPath, JSON.stringify(saved));
  }

  protected async forward(miners: readonly MinerRef[], block: bigint): Promise<Map<string, number>> {
    const head = await this.subtensor.head();
    const instances: Instance[] = planChallenges(this.secret, fromHex(head.hash), ENVS, 2, 1, 4).map((c) =>
      environment(c.env).generate(c.seed, c.difficulty),
    );
    const answers = await queryTimed(
      this.dendrite,
      miners,
      new ReasoningChallenge({ prompts: instances.map((i) => i.prompt) as never }),
      5,
    );
    // Silence counts as failure: every queried miner is a submission, empty if it did not answer.
    // The commit orders submissions by arrival here: a relayed copy always arrives after its original.
    const submissions: Submission[] = miners.map((m, i) => {
      const t = answers[i] as (typeof answers)[number];
      const ok = t.answer.isSuccess && Array.isArray(t.answer.answers);
      const ms = ok ? Math.round(t.arrivedMs * 1000) : 60_000_000;
      return {
        hotkey: m.hotkey,
        commit: block * 1_000_000_000n + BigInt(ms),
        answers: ok ? (t.answer.answers as string[]) : [],
      };
    });
    const failed = answers.filter((t) => !t.answer.isSuccess);
    if (failed.length > 0)
      this.log.debug('unanswered', {
        block,
        miners: failed.map((t) => `${t.answer.axon.hotkey?.slice(0, 6)}:${t.answer.dendrite.statusCode}`).join(' '),
      });
    const round = evaluateRound(instances, submissions);
    this.rounds.push(round);
    while (this.rounds.length > WINDOW) this.rounds.shift();
    this.board.record(round);
    this.save();
    const obs = new Map<string, number>();
    for (const m of round.miners) {
      let s = 0;
      let t = 0;
      for (const x of m.tallies.values()) {
        s += x.successes;
        t += x.trials;
      }
      obs.set(m.hotkey, t === 0 ? 0 : s / t);
    }
    return obs;
  }

  protected override weightsFromScores(miners: readonly MinerRef[]): { uids: number[]; weights: number[] } {
    const result = paretoWeights(
      this.board.rows().map((r) => ({ hotkey: r.hotkey, commit: r.commit, scores: r.scores })),
    );
    const uids: number[] = [];
    const weights: number[] = [];
    for (const m of miners) {
      const w = result.weights.get(m.hotkey) ?? 0;
      if (w > 0) {
        uids.push(m.uid);
        weights.push(w);
      }
    }
    return { uids, weights };
  }
}
