/**
 * The forecasting validator. It runs a private synthetic market (GARCH volatility with jumps),
 * one step per block, so no miner can know an outcome before it happens. Each round it sends the
 * history to miners, records when each answer arrived, and once the horizon has passed scores the
 * answers with CRPS against a naive baseline — copies of an earlier answer and late answers score
 * as missing. Weights are a softmax of the per-hotkey moving averages.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BaseValidator, type MinerRef, type NeuronConfig, queryTimed } from '@taonet/subnet-core';
import {
  DEFAULT_SCORING_CONFIG,
  MarketSimulator,
  mixSeed,
  ScoreBook,
  scoreRound,
  type Submission,
} from './mechanism/index.js';
import { ForecastRequest } from './protocol.js';
import { secretSeed } from './secret.js';

const HISTORY = 240;
/** Three steps ahead: on a local chain a round matures in three blocks, so scores arrive fast. */
const CONFIG = { ...DEFAULT_SCORING_CONFIG, horizon: 3 };
const WARMUP_STEPS = 400;

interface OpenRound {
  readonly originStep: number;
  readonly history: number[];
  readonly hotkeys: string[];
  readonly submissions: Submission[];
}

export class ForecastValidator extends BaseValidator {
  readonly horizon = CONFIG.horizon;
  readonly pathCount = CONFIG.pathCount;
  private market!: MarketSimulator;
  private startBlock = -1n;
  private book!: ScoreBook;
  private readonly open: OpenRound[] = [];

  constructor(config: NeuronConfig) {
    super(config, 'forecasting-validator', {
      queryEveryBlocks: 2,
      weightsEveryBlocks: 6,
      sampleSize: 32,
      exploreFraction: 0.25,
      scoreAlpha: 0.2,
    });
  }

  private get bookPath(): string {
    return join(this.config.stateDir, `forecast-scores-${this.config.netuid}.json`);
  }

  override async start(): Promise<void> {
    this.market = new MarketSimulator(
      mixSeed(secretSeed(this.config.hotkeyUri ?? '//forecasting-validator'), this.config.netuid),
    );
    this.market.advance(WARMUP_STEPS);
    const saved = existsSync(this.bookPath)
      ? (JSON.parse(readFileSync(this.bookPath, 'utf8')) as Record<string, number>)
      : {};
    this.book = new ScoreBook(CONFIG, saved);
    await super.start();
  }

  /** Moves the market to the step of `block` (one step per block). */
  private syncMarket(block: bigint): void {
    if (this.startBlock < 0n) this.startBlock = block;
    const target = WARMUP_STEPS + Number(block - this.startBlock);
    if (target > this.market.step) this.market.advance(target - this.market.step);
  }

  private scoreMatured(): Map<string, number> {
    const prices = this.market.history();
    const obs = new Map<string, number>();
    while (this.open.length > 0 && (this.open[0] as OpenRound).originStep + this.horizon <= this.market.step) {
      const r = this.open.shift() as OpenRound;
      const realised = prices.slice(r.originStep + 1, r.originStep + 1 + this.horizon);
      const scores = scoreRound(
        { originStep: r.originStep, history: r.history, realised },
        r.submissions,
        r.hotkeys,
        CONFIG,
      );
      this.book.update(scores);
      this.log.debug('round scored', {
        origin: r.originStep,
        statuses: scores.miners.map((m) => `${m.hotkey.slice(0, 6)}:${m.status}:${m.score.toFixed(3)}`).join(' '),
      });
      for (const m of scores.miners) obs.set(m.hotkey, Math.max(0, (2 - m.score) / 2));
    }
    if (obs.size > 0) {
      mkdirSync(this.config.stateDir, { recursive: true });
      writeFileSync(this.bookPath, JSON.stringify(this.book.snapshot()));
    }
    return obs;
  }

  protected async forward(miners: readonly MinerRef[], block: bigint): Promise<Map<string, number>> {
    this.syncMarket(block);
    const obs = this.scoreMatured();
    const originStep = this.market.step;
    const history = this.market.history().slice(-HISTORY);
    const request = new ForecastRequest({
      history,
      horizon: this.horizon,
      path_count: this.pathCount,
      origin_step: originStep,
    });
    const answers = await queryTimed(this.dendrite, miners, request, 4);
    const submissions: Submission[] = [];
    answers.forEach(({ answer: a, arrivedMs }, i) => {
      const m = miners[i] as MinerRef;
      if (!a.isSuccess || a.paths === null) return;
      // Arrival order within the round, mapped into the step before the first outcome.
      const t = Math.min(0.999, arrivedMs / 60_000);
      submissions.push({ hotkey: m.hotkey, commitStep: originStep + t, forecast: { paths: a.paths } });
    });
    this.open.push({
      originStep,
      history: this.market.history().slice(0, originStep + 1),
      hotkeys: miners.map((m) => m.hotkey),
      submissions,
    });
    return obs;
  }

  protected override weightsFromScores(miners: readonly MinerRef[]): { uids: number[]; weights: number[] } {
    const w = this.book.weights(miners.map((m) => m.hotkey));
    const uids: number[] = [];
    const weights: number[] = [];
    miners.forEach((m, i) => {
      const x = w[i] ?? 0;
      if (x > 0) {
        uids.push(m.uid);
        weights.push(x);
      }
    });
    return { uids, weights };
  }
}
