/**
 * A validator: every few blocks it picks miners (the best known plus some it has scored zero, to
 * explore), queries them through the dendrite, folds their scores into a moving average keyed by
 * hotkey (saved to disk), and on schedule turns scores into weights and submits them for each of
 * the subnet's mechanisms — directly, or as a commit it later reveals, whichever the subnet uses.
 * Failures are logged with the chain's explanation and hint.
 */
import { type AxonTarget, Dendrite, keypairSigner } from '@taonet/sdk';
import { join } from 'node:path';
import { BaseNeuron } from './base-neuron.js';
import type { Sample } from './metrics.js';
import type { NeuronConfig } from './config.js';
import { ScoreStore } from './score-store.js';
import { selectMiners } from './selection.js';

export interface MinerRef {
  readonly uid: number;
  readonly hotkey: string;
  readonly axon: AxonTarget;
}

export interface ValidatorSchedule {
  /** Query miners every this many blocks. */
  readonly queryEveryBlocks: number;
  /** Set weights every this many blocks. */
  readonly weightsEveryBlocks: number;
  /** Miners queried per round. */
  readonly sampleSize: number;
  /** Share of each round spent on miners scored zero. */
  readonly exploreFraction: number;
  /** Moving-average weight of a new score. */
  readonly scoreAlpha: number;
}

export const DEFAULT_SCHEDULE: ValidatorSchedule = {
  queryEveryBlocks: 2,
  weightsEveryBlocks: 5,
  sampleSize: 16,
  exploreFraction: 0.25,
  scoreAlpha: 0.2,
};

export abstract class BaseValidator extends BaseNeuron {
  dendrite!: Dendrite;
  scores!: ScoreStore;
  lastWeightsBlock = 0n;
  /** Weight submissions by outcome: `ok` or the refusal's code. */
  readonly weightSubmissions = new Map<string, number>();
  /** The last query round: when, how long, how many miners asked and scored. */
  lastRound: { block: bigint; ms: number; asked: number; observed: number } | null = null;
  private seed = 0x9e3779b9;

  constructor(
    config: NeuronConfig,
    name = 'validator',
    readonly schedule: ValidatorSchedule = DEFAULT_SCHEDULE,
  ) {
    super(config, name);
  }

  /**
   * Queries `miners` and returns an observation per hotkey in [0, 1] (missing = not scored this
   * round). The subnet's work happens here.
   */
  protected abstract forward(miners: readonly MinerRef[], block: bigint): Promise<Map<string, number>>;

  /** Turns current scores into weights over the metagraph's uids (override for winner-take-most). */
  protected weightsFromScores(miners: readonly MinerRef[]): { uids: number[]; weights: number[] } {
    const uids: number[] = [];
    const weights: number[] = [];
    for (const m of miners) {
      const s = this.scores.get(m.hotkey);
      if (s > 0) {
        uids.push(m.uid);
        weights.push(s);
      }
    }
    return { uids, weights };
  }

  /**
   * Weights for one of the subnet's mechanisms (sub-subnets with their own weights and share of
   * the emission). A subnet whose mechanisms score different work overrides this; by default every
   * mechanism gets the weights of `weightsFromScores`.
   */
  protected weightsForMechanism(_mecid: number, miners: readonly MinerRef[]): { uids: number[]; weights: number[] } {
    return this.weightsFromScores(miners);
  }

  protected random(): number {
    // A small deterministic generator: sampling needs variety, not secrecy.
    this.seed = (Math.imul(this.seed ^ (this.seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return this.seed / 4294967296;
  }

  async start(): Promise<void> {
    await this.connect();
    this.dendrite = new Dendrite({ keypair: this.hotkey });
    this.scores = new ScoreStore(
      join(this.config.stateDir, `scores-${this.config.netuid}-${this.hotkey.ss58Address}.json`),
      this.schedule.scoreAlpha,
    );
    this.log.info('validator started', { uid: this.uid, scoresKept: this.scores.hotkeys().length });
    await this.run();
  }

  /** Miners with an advertised axon, excluding this validator. */
  protected miners(): MinerRef[] {
    const mg = this.metagraph;
    const out: MinerRef[] = [];
    mg.hotkeys.forEach((hotkey, uid) => {
      const a = mg.axons[uid];
      if (a === null || a === undefined || hotkey === this.hotkey.ss58Address) return;
      out.push({ uid, hotkey, axon: { ip: a.ip, port: a.port, hotkey } });
    });
    return out;
  }

  protected async onBlock(block: bigint): Promise<void> {
    await this.metagraph.sync();
    this.scores.retain(new Set(this.metagraph.hotkeys));
    if (block % BigInt(this.schedule.queryEveryBlocks) === 0n) {
      const picked = selectMiners(
        this.miners(),
        (m) => this.scores.get(m.hotkey),
        this.schedule.sampleSize,
        this.schedule.exploreFraction,
        () => this.random(),
      );
      if (picked.length > 0) {
        const t0 = performance.now();
        const obs = await this.forward(picked, block);
        this.lastRound = { block, ms: performance.now() - t0, asked: picked.length, observed: obs.size };
        this.scores.update(obs, Number(block));
        this.log.debug('scored', { block, miners: picked.length, observed: obs.size });
      }
    }
    await this.revealDue();
    if (block - this.lastWeightsBlock >= BigInt(this.schedule.weightsEveryBlocks)) await this.setWeights(block);
  }

  protected override metrics(): Sample[] {
    const out = super.metrics();
    const g = (name: string, help: string, value: number | bigint): Sample => ({ name, help, kind: 'gauge', value });
    out.push(g('taonet_validator_last_weights_block', 'Block of the last weight submission.', this.lastWeightsBlock));
    for (const [outcome, n] of this.weightSubmissions)
      out.push({
        name: 'taonet_validator_weight_submissions_total',
        help: 'Weight submissions by outcome (ok, or the refusal code).',
        kind: 'counter',
        value: n,
        labels: { outcome },
      });
    out.push(g('taonet_validator_scored_hotkeys', 'Hotkeys with a kept score.', this.scores?.hotkeys().length ?? 0));
    if (this.lastRound !== null)
      out.push(
        g('taonet_validator_round_block', 'Block of the last query round.', this.lastRound.block),
        g('taonet_validator_round_ms', 'Duration of the last query round (forward), milliseconds.', this.lastRound.ms),
        g('taonet_validator_round_asked', 'Miners asked in the last round.', this.lastRound.asked),
        g('taonet_validator_round_observed', 'Miners scored in the last round.', this.lastRound.observed),
      );
    return out;
  }

  private async revealDue(): Promise<void> {
    if (this.subtensor.pendingCommits.size === 0) return;
    for (const { commit, result } of await this.subtensor.revealDue(keypairSigner(this.hotkey))) {
      if (result.ok) this.log.info('weights revealed', { hash: commit.hash, block: result.blockNumber });
      else this.log.warn('reveal failed', { code: result.code, explanation: result.explanation, hint: result.hint });
    }
  }

  private async setWeights(block: bigint): Promise<void> {
    const count = (await this.subtensor.mechanisms(this.config.netuid))?.count ?? 1;
    for (let mecid = 0; mecid < count; mecid++) {
      const { uids, weights } = this.weightsForMechanism(mecid, this.miners());
      if (uids.length === 0) continue;
      this.lastWeightsBlock = block;
      const { mode, result } = await this.subtensor.submitWeights(keypairSigner(this.hotkey), {
        netuid: this.config.netuid,
        uids,
        weights,
        ...(mecid === 0 ? {} : { mecid }),
      });
      const outcome = result.ok ? 'ok' : (result.code ?? 'failed');
      this.weightSubmissions.set(outcome, (this.weightSubmissions.get(outcome) ?? 0) + 1);
      if (result.ok)
        this.log.info(mode === 'direct' ? 'weights set' : 'weights committed', {
          block: result.blockNumber,
          miners: uids.length,
          ...(count > 1 ? { mecid } : {}),
        });
      else
        this.log.warn('weights not set', {
          code: result.code,
          explanation: result.explanation,
          hint: result.hint,
          ...(count > 1 ? { mecid } : {}),
        });
    }
  }
}
