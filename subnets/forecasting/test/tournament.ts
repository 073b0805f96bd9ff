/**
 * A seeded tournament on the synthetic market: honest miners and every cheating strategy submit
 * each round, the validator's scoring runs on what was committed in time, and the score book turns
 * the moving averages into weights. Shared by the tournament test (and handy to print the table).
 */
import {
  baselinePaths,
  copierForecast,
  DEFAULT_SCORING_CONFIG,
  type Forecast,
  MarketSimulator,
  type MinerRoundScore,
  mixSeed,
  overfitForecast,
  Prng,
  randomForecast,
  type ScoringConfig,
  ScoreBook,
  type Submission,
  type SubmissionStatus,
  scoreRound,
  sybilSubmissions,
  fitHonestModel,
  forecastFromFit,
} from '../src/mechanism/index.js';

/** Honest hotkeys: each runs the honest model with its own seed. */
export const HONEST = ['honest-1', 'honest-2', 'honest-3'] as const;
/** A lazy but legitimate miner: submits the naive constant-volatility random walk. */
export const NAIVE = ['lazy-baseline'] as const;
/** Cheating hotkeys, one per strategy (the sybils are extra hotkeys of honest-2's operator). */
export const CHEATERS = [
  'copier',
  'stale-copier',
  'sybil-1',
  'sybil-2',
  'sybil-3',
  'peeker',
  'random',
  'overfit-last',
  'overfit-trend',
] as const;

export interface TournamentResult {
  readonly hotkeys: readonly string[];
  /** Normalised weights after the last round, aligned with `hotkeys`. */
  readonly weights: readonly number[];
  /** Moving-average skill ratios after the last round, aligned with `hotkeys`. */
  readonly averages: readonly number[];
  /** How each hotkey's submissions were treated, counted over all rounds. */
  readonly statuses: ReadonlyMap<string, Partial<Record<SubmissionStatus, number>>>;
}

export function runTournament(
  seed: number,
  rounds: number,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): TournamentResult {
  const hotkeys = [...HONEST, ...NAIVE, ...CHEATERS];
  const shape = { pathCount: config.pathCount, horizon: config.horizon };
  const market = new MarketSimulator(seed);
  market.advance(500);
  const book = new ScoreBook(config);
  const statuses = new Map<string, Partial<Record<SubmissionStatus, number>>>(hotkeys.map((h) => [h, {}]));
  let previousHonest1: Forecast | null = null;

  for (let round = 0; round < rounds; round++) {
    const history = market.history();
    const origin = market.step;
    const at = (offset: number) => origin + offset;
    const submissions: Submission[] = [];

    // The honest miners run the same model on the same prices, so one fit serves all three (a
    // saving for the test only); they differ in their sampling seeds.
    const fit = fitHonestModel(history);
    const honest = HONEST.map((_, i) => forecastFromFit(fit, market.price, shape, mixSeed(seed, round, i)));
    HONEST.forEach((hotkey, i) => {
      submissions.push({ hotkey, commitStep: at(0.1 * (i + 1)), forecast: honest[i] as Forecast });
    });
    submissions.push({
      hotkey: 'lazy-baseline',
      commitStep: at(0.1),
      forecast: {
        paths: baselinePaths(history, shape.pathCount, shape.horizon, 200, new Prng(mixSeed(seed, round, 9))),
      },
    });
    // The copier saw honest-1's submission (worst case: it leaked) and replays it, paths shuffled
    // and jittered by 1e-5 so the raw bytes differ; it commits after the original, before the deadline.
    submissions.push({
      hotkey: 'copier',
      commitStep: at(0.5),
      forecast: copierForecast(honest[0] as Forecast, { seed: mixSeed(seed, round, 10), jitter: 1e-5 }),
    });
    // The stale copier only sees what was revealed: honest-1's forecast from the previous round.
    if (previousHonest1 !== null) {
      submissions.push({
        hotkey: 'stale-copier',
        commitStep: at(0.05),
        forecast: copierForecast(previousHonest1, { seed: mixSeed(seed, round, 11) }),
      });
    }
    // honest-2's operator also submits its forecast from three more hotkeys, just after honest-2.
    submissions.push(...sybilSubmissions(honest[1] as Forecast, ['sybil-1', 'sybil-2', 'sybil-3'], at(0.21), 0.01));
    submissions.push({
      hotkey: 'random',
      commitStep: at(0.1),
      forecast: randomForecast(history, shape, mixSeed(seed, round, 12)),
    });
    submissions.push({
      hotkey: 'overfit-last',
      commitStep: at(0.1),
      forecast: overfitForecast(history, shape, mixSeed(seed, round, 13), { mode: 'last-price' }),
    });
    submissions.push({
      hotkey: 'overfit-trend',
      commitStep: at(0.1),
      forecast: overfitForecast(history, shape, mixSeed(seed, round, 14), { mode: 'trend' }),
    });

    market.advance(config.horizon);
    const all = market.history();
    const realised = all.slice(origin + 1, origin + 1 + config.horizon);

    // The peeker waits for the first outcome, then forecasts with it known: the first horizon is
    // the realised price exactly, the rest simulated from there. It commits at the first outcome's
    // step, which is too late (so the origin's fit, reused here, never matters).
    const peekedPrice = all[origin + 1] as number;
    const rest = forecastFromFit(fit, peekedPrice, { ...shape, horizon: config.horizon - 1 }, mixSeed(seed, round, 15));
    submissions.push({
      hotkey: 'peeker',
      commitStep: at(1),
      forecast: { paths: rest.paths.map((p) => [peekedPrice, ...p]) },
    });

    const scores = scoreRound({ originStep: origin, history, realised }, submissions, hotkeys, config);
    book.update(scores);
    for (const m of scores.miners) tally(statuses, m);
    previousHonest1 = honest[0] as Forecast;
  }
  return {
    hotkeys,
    weights: book.weights(hotkeys),
    averages: hotkeys.map((h) => book.score(h)),
    statuses,
  };
}

function tally(statuses: Map<string, Partial<Record<SubmissionStatus, number>>>, m: MinerRoundScore): void {
  const counts = statuses.get(m.hotkey);
  if (counts !== undefined) counts[m.status] = (counts[m.status] ?? 0) + 1;
}

/** The result as rows for a report: hotkey, weight, weight / mean honest weight, average, statuses. */
export function weightTable(result: TournamentResult): string[] {
  const honestMean =
    HONEST.reduce((a, h) => a + (result.weights[result.hotkeys.indexOf(h)] as number), 0) / HONEST.length;
  return result.hotkeys.map((h, i) => {
    const w = result.weights[i] as number;
    const counts = Object.entries(result.statuses.get(h) ?? {})
      .map(([s, n]) => `${s}:${n}`)
      .join(' ');
    return `${h.padEnd(14)} weight=${w.toFixed(4)}  vs-honest=${(w / honestMean).toFixed(4)}  avg-skill=${(result.averages[i] as number).toFixed(3)}  ${counts}`;
  });
}
