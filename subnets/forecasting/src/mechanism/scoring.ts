/**
 * From forecasts to weights. Each round the validator:
 *  1. drops submissions committed at or after the first outcome step (they could have seen it),
 *     malformed ones, and ones whose revealed content does not match their on-chain commitment;
 *  2. collapses copies: submissions with the same canonical content, or within `copyTolerance` of
 *     an earlier one, count once, for the earliest committer; the rest score as missing;
 *  3. scores each remaining forecast by its skill ratio, CRPS / baseline CRPS (see baseline.ts),
 *     capped at `maxRatio`; anything missing, late, malformed or duplicated gets the cap, the worst
 *     possible score, so never submitting is never better than submitting;
 *  4. folds the round into a per-hotkey exponential moving average with a configurable half-life,
 *     started at the cap so a fresh hotkey must earn its way up (sybil churn starts from nothing).
 * Weights are a softmax of the negated averages with a temperature (see {@link softmaxWeights}).
 */
import { blake2b256, toHex } from '@taonet/primitives';
import { baselineCrps, baselineScale } from './baseline.js';
import { crpsSortedEnsemble } from './crps.js';
import {
  canonicalColumns,
  canonicalDistance,
  columnsDigest,
  type Forecast,
  type ForecastShape,
  forecastProblem,
} from './forecast.js';

/** The validator's scoring knobs. */
export interface ScoringConfig extends ForecastShape {
  /** Rounds after which a past round's influence on the moving average has halved. */
  readonly halfLifeRounds: number;
  /** Cap on the skill ratio, and the score of a missing, late, malformed or duplicate submission. */
  readonly maxRatio: number;
  /** Softmax temperature, in skill-ratio units: a miner this much worse gets 1/e of the weight. */
  readonly temperature: number;
  /** Distance (in baseline standard deviations, see {@link canonicalDistance}) below which two forecasts are one. */
  readonly copyTolerance: number;
  /** Log-returns the baseline's volatility is estimated from. */
  readonly baselineLookback: number;
}

/**
 * Defaults: 100 paths over 12 steps; a half-life of 8 rounds (recent form dominates, yet one lucky
 * round is diluted); the cap at twice the baseline's CRPS; temperature 0.07, so being 0.07 worse
 * than the best miner in skill ratio costs a factor e of weight: a point forecaster, 0.25–0.4
 * worse than an honest distribution, keeps e^-3.5 to e^-6 (3% to 0.3%) of an honest weight, while
 * honest miners, apart only by the Monte-Carlo noise of their 100 paths, stay within a factor ~1.5
 * of each other (0.05 would widen that to ~1.9; 0.1 would leave a point forecaster up to ~10%);
 * copies within 2% of a standard deviation collapse, an order of magnitude below the sampling
 * noise between two independent honest ensembles.
 */
export const DEFAULT_SCORING_CONFIG: ScoringConfig = {
  pathCount: 100,
  horizon: 12,
  halfLifeRounds: 8,
  maxRatio: 2,
  temperature: 0.07,
  copyTolerance: 0.02,
  baselineLookback: 200,
};

/** Throws unless every knob is in range. */
export function validateScoringConfig(c: ScoringConfig): void {
  if (!Number.isInteger(c.pathCount) || c.pathCount < 1) throw new RangeError('pathCount must be a positive integer');
  if (!Number.isInteger(c.horizon) || c.horizon < 1) throw new RangeError('horizon must be a positive integer');
  if (!(c.halfLifeRounds > 0)) throw new RangeError('halfLifeRounds must be positive');
  if (!(c.maxRatio > 0)) throw new RangeError('maxRatio must be positive');
  if (!(c.temperature > 0)) throw new RangeError('temperature must be positive');
  if (!(c.copyTolerance >= 0)) throw new RangeError('copyTolerance must be non-negative');
  if (!Number.isInteger(c.baselineLookback) || c.baselineLookback < 2) {
    throw new RangeError('baselineLookback must be an integer of at least 2');
  }
}

/** One miner's forecast for a round, as the validator received it. */
export interface Submission {
  readonly hotkey: string;
  /**
   * When the forecast was committed (on-chain commitment or validator receipt), in market steps;
   * fractional values are fine (a block time mapped onto the step clock).
   */
  readonly commitStep: number;
  /** The committed digest; when present it must equal {@link forecastDigest} of `forecast`. */
  readonly commitment?: string;
  readonly forecast: Forecast;
}

/** One forecasting round, once its outcome is known. */
export interface ForecastRound {
  /** Step of the last price miners could know; forecasts cover originStep + 1 … originStep + H. */
  readonly originStep: number;
  /** Prices ending at originStep (at least `baselineLookback` + 1 of them for a full baseline). */
  readonly history: readonly number[];
  /** Realised prices at originStep + 1 … originStep + H. */
  readonly realised: readonly number[];
}

/** What happened to a hotkey's submission in a round. */
export type SubmissionStatus = 'scored' | 'missing' | 'late' | 'malformed' | 'commitment-mismatch' | 'duplicate';

/** A hotkey's result for one round. */
export interface MinerRoundScore {
  readonly hotkey: string;
  readonly status: SubmissionStatus;
  /** Multi-horizon CRPS in price units, for scored submissions (duplicates: their original's). */
  readonly crps: number | null;
  /** Skill ratio min(CRPS / baseline CRPS, maxRatio); maxRatio unless scored. Lower is better. */
  readonly score: number;
  /** For a duplicate: the hotkey credited with the content. */
  readonly duplicateOf?: string;
}

/** Every hotkey's result for one round. */
export interface RoundScores {
  readonly originStep: number;
  /** The baseline's CRPS: the denominator of every skill ratio this round. */
  readonly baselineCrps: number;
  /** One entry per hotkey passed to {@link scoreRound}, in the same order. */
  readonly miners: readonly MinerRoundScore[];
}

interface Candidate {
  readonly hotkey: string;
  readonly commitStep: number;
  readonly columns: Float64Array[];
  readonly tieKey: string;
}

/**
 * Scores one round for the miners `hotkeys` (the metagraph's miners; submissions from other hotkeys
 * are ignored, so an unregistered key cannot claim content first). If a hotkey sent several timely
 * submissions, its last timely one counts (miners may refine until the deadline).
 */
export function scoreRound(
  round: ForecastRound,
  submissions: readonly Submission[],
  hotkeys: readonly string[],
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): RoundScores {
  validateScoringConfig(config);
  if (round.realised.length !== config.horizon) {
    throw new RangeError(`round has ${round.realised.length} realised prices, config.horizon is ${config.horizon}`);
  }
  const deadline = round.originStep + 1;
  const reference = baselineCrps(round.history, round.realised, config.baselineLookback);
  const scale = baselineScale(round.history, config.horizon, config.baselineLookback);
  const realisedBytes = realisedKey(round.realised);

  const registered = new Set(hotkeys);
  const timely = new Map<string, Submission>();
  const lateOnly = new Set<string>();
  for (const s of submissions) {
    if (!registered.has(s.hotkey)) continue;
    // Strictly before the first outcome: a commit in the outcome's own step may already know it.
    if (!(s.commitStep < deadline)) {
      lateOnly.add(s.hotkey);
      continue;
    }
    const prev = timely.get(s.hotkey);
    if (prev === undefined || s.commitStep >= prev.commitStep) timely.set(s.hotkey, s);
  }

  const status = new Map<string, MinerRoundScore>();
  const candidates: Candidate[] = [];
  for (const [hotkey, s] of timely) {
    if (forecastProblem(s.forecast, config) !== null) {
      status.set(hotkey, worst(hotkey, 'malformed', config));
      continue;
    }
    const columns = canonicalColumns(s.forecast);
    // Hashing ~10 kB per forecast is the costliest step here, so only when there is a commitment.
    if (s.commitment !== undefined && s.commitment !== columnsDigest(columns)) {
      status.set(hotkey, worst(hotkey, 'commitment-mismatch', config));
      continue;
    }
    // Ties in commit time are broken by a hash that includes the realised prices, unknown to
    // anyone at commit time, so no hotkey name can be ground to win ties in advance.
    const tieKey = toHex(blake2b256(new TextEncoder().encode(`${hotkey}|${realisedBytes}`)));
    candidates.push({ hotkey, commitStep: s.commitStep, columns, tieKey });
  }

  candidates.sort((a, b) => a.commitStep - b.commitStep || (a.tieKey < b.tieKey ? -1 : a.tieKey > b.tieKey ? 1 : 0));
  const originals: { candidate: Candidate; crps: number }[] = [];
  for (const c of candidates) {
    // Distance 0 exactly when every order statistic is equal, so `≤` also catches exact copies
    // with a tolerance of 0; equal canonical forms are what equal digests would have caught.
    const original = originals.find(
      (o) => canonicalDistance(o.candidate.columns, c.columns, scale) <= config.copyTolerance,
    );
    if (original !== undefined) {
      status.set(c.hotkey, {
        ...worst(c.hotkey, 'duplicate', config),
        crps: original.crps,
        duplicateOf: original.candidate.hotkey,
      });
      continue;
    }
    let total = 0;
    for (let h = 0; h < config.horizon; h++) {
      total += crpsSortedEnsemble(c.columns[h] as Float64Array, round.realised[h] as number);
    }
    const crps = total / config.horizon;
    originals.push({ candidate: c, crps });
    status.set(c.hotkey, {
      hotkey: c.hotkey,
      status: 'scored',
      crps,
      score: Math.min(crps / reference, config.maxRatio),
    });
  }

  const miners = hotkeys.map(
    (hotkey) => status.get(hotkey) ?? worst(hotkey, lateOnly.has(hotkey) ? 'late' : 'missing', config),
  );
  return { originStep: round.originStep, baselineCrps: reference, miners };
}

function worst(hotkey: string, status: SubmissionStatus, config: ScoringConfig): MinerRoundScore {
  return { hotkey, status, crps: null, score: config.maxRatio };
}

function realisedKey(realised: readonly number[]): string {
  const bytes = new Uint8Array(8 * realised.length);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < realised.length; i++) view.setFloat64(8 * i, realised[i] as number, true);
  return toHex(blake2b256(bytes));
}

/** Per-round retention factor of a moving average with the given half-life: 2^(−1/halfLife). */
export function emaDecay(halfLifeRounds: number): number {
  if (!(halfLifeRounds > 0)) throw new RangeError('half-life must be positive');
  return 2 ** (-1 / halfLifeRounds);
}

/**
 * Normalised weights from moving-average scores (lower is better):
 * w_i ∝ exp(−(s_i − min s)/temperature) for s_i < cap, and 0 at the cap.
 *
 * Why softmax and not ranks: a rank map pays a fixed share to second place however far behind it
 * is, so a cheater ranked just below the honest miners would keep a sizeable cut. The softmax pays
 * in proportion to the quality gap measured by a proper score: honest miners who are statistically
 * tied share almost equally, while a miner clearly worse (a point forecast, noise) decays
 * exponentially. Hotkeys at the cap (they never beat it: only missing, late, copied or hopeless
 * forecasts) get exactly 0. All weights are 0 when every hotkey is at the cap.
 */
export function softmaxWeights(scores: readonly number[], temperature: number, cap: number): number[] {
  if (!(temperature > 0)) throw new RangeError('temperature must be positive');
  let best = Number.POSITIVE_INFINITY;
  for (const s of scores) if (s < cap && s < best) best = s;
  if (best === Number.POSITIVE_INFINITY) return scores.map(() => 0);
  // Subtracting the best score keeps the exponent ≤ 0, so nothing overflows.
  const raw = scores.map((s) => (s < cap ? Math.exp(-(s - best) / temperature) : 0));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((r) => r / sum);
}

/**
 * Per-hotkey exponentially decaying moving averages of round scores, and the weights they imply.
 * Plain state without I/O; the validator persists {@link ScoreBook.snapshot}.
 */
export class ScoreBook {
  private readonly config: ScoringConfig;
  private readonly decay: number;
  private readonly averages = new Map<string, number>();

  constructor(config: ScoringConfig = DEFAULT_SCORING_CONFIG, snapshot: Readonly<Record<string, number>> = {}) {
    validateScoringConfig(config);
    this.config = config;
    this.decay = emaDecay(config.halfLifeRounds);
    for (const [hotkey, s] of Object.entries(snapshot)) this.averages.set(hotkey, s);
  }

  /** Folds one round in: average ← decay·average + (1 − decay)·score, from the cap for new hotkeys. */
  update(round: RoundScores): void {
    for (const m of round.miners) {
      const prev = this.averages.get(m.hotkey) ?? this.config.maxRatio;
      this.averages.set(m.hotkey, this.decay * prev + (1 - this.decay) * m.score);
    }
  }

  /** The hotkey's moving average (the cap if it has never been scored). */
  score(hotkey: string): number {
    return this.averages.get(hotkey) ?? this.config.maxRatio;
  }

  /** Drops a hotkey's history (deregistered or replaced): a newcomer on that UID starts at the cap. */
  forget(hotkey: string): void {
    this.averages.delete(hotkey);
  }

  /** Normalised weights for `hotkeys`, aligned with it (see {@link softmaxWeights}). */
  weights(hotkeys: readonly string[]): number[] {
    return softmaxWeights(
      hotkeys.map((h) => this.score(h)),
      this.config.temperature,
      this.config.maxRatio,
    );
  }

  /** The moving averages, for persistence; pass back to the constructor to restore. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.averages);
  }
}
