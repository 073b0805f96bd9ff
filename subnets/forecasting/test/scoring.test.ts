import { describe, expect, it } from 'vitest';
import {
  baselineCrps,
  copierForecast,
  crpsPaths,
  DEFAULT_SCORING_CONFIG,
  emaDecay,
  type Forecast,
  type ForecastRound,
  forecastDigest,
  honestForecast,
  MarketSimulator,
  type MinerRoundScore,
  randomForecast,
  type RoundScores,
  ScoreBook,
  type Submission,
  scoreRound,
  softmaxWeights,
} from '../src/mechanism/index.js';

const CONFIG = DEFAULT_SCORING_CONFIG;
const SHAPE = { pathCount: CONFIG.pathCount, horizon: CONFIG.horizon };

/** A few consecutive rounds on one market, each with two independent honest forecasts. */
function makeRounds(count: number): { round: ForecastRound; a: Forecast; b: Forecast }[] {
  const market = new MarketSimulator(11);
  market.advance(300);
  const out: { round: ForecastRound; a: Forecast; b: Forecast }[] = [];
  for (let i = 0; i < count; i++) {
    const history = market.history();
    const originStep = market.step;
    const a = honestForecast(history, SHAPE, 100 + i);
    const b = honestForecast(history, SHAPE, 200 + i);
    market.advance(CONFIG.horizon);
    out.push({ round: { originStep, history, realised: market.history().slice(originStep + 1) }, a, b });
  }
  return out;
}

const [first, ...others] = makeRounds(9);
if (first === undefined) throw new Error('no rounds');
const { round, a, b } = first;
const at = (offset: number) => round.originStep + offset;
const entry = (scores: RoundScores, hotkey: string) =>
  scores.miners.find((m) => m.hotkey === hotkey) as MinerRoundScore;

describe('scoreRound: timing', () => {
  it('scores a forecast committed before the first outcome and drops one committed at or after it', () => {
    const scores = scoreRound(
      round,
      [
        { hotkey: 'early', commitStep: at(0.999), forecast: a },
        { hotkey: 'on-time-origin', commitStep: at(0), forecast: b },
        { hotkey: 'at-outcome', commitStep: at(1), forecast: a },
        { hotkey: 'after', commitStep: at(5), forecast: a },
        { hotkey: 'nan', commitStep: Number.NaN, forecast: a },
      ],
      ['early', 'on-time-origin', 'at-outcome', 'after', 'nan', 'absent'],
      CONFIG,
    );
    expect(scores.miners.map((m) => m.status)).toEqual(['scored', 'scored', 'late', 'late', 'late', 'missing']);
    for (const m of scores.miners.slice(2)) {
      expect(m.score).toBe(CONFIG.maxRatio);
      expect(m.crps).toBeNull();
    }
  });

  it('uses the last timely submission of a hotkey and ignores unregistered hotkeys', () => {
    const noise = randomForecast(round.history, SHAPE, 1);
    const scores = scoreRound(
      round,
      [
        { hotkey: 'stranger', commitStep: at(0.01), forecast: a },
        { hotkey: 'm', commitStep: at(0.1), forecast: noise },
        { hotkey: 'm', commitStep: at(0.5), forecast: a },
        { hotkey: 'm', commitStep: at(2), forecast: noise },
      ],
      ['m'],
      CONFIG,
    );
    expect(scores.miners).toHaveLength(1);
    expect(entry(scores, 'm').status).toBe('scored');
    expect(entry(scores, 'm').crps).toBeCloseTo(crpsPaths(a.paths, round.realised), 12);
  });
});

describe('scoreRound: scores', () => {
  it('is the CRPS over the closed-form baseline CRPS, capped; noise hits the cap', () => {
    const noise = randomForecast(round.history, SHAPE, 2, 1);
    const scores = scoreRound(
      round,
      [
        { hotkey: 'a', commitStep: at(0.1), forecast: a },
        { hotkey: 'noise', commitStep: at(0.1), forecast: noise },
      ],
      ['a', 'noise'],
      CONFIG,
    );
    const reference = baselineCrps(round.history, round.realised, CONFIG.baselineLookback);
    expect(scores.baselineCrps).toBe(reference);
    expect(entry(scores, 'a').score).toBeCloseTo(crpsPaths(a.paths, round.realised) / reference, 12);
    expect(entry(scores, 'noise').status).toBe('scored');
    expect(entry(scores, 'noise').score).toBe(CONFIG.maxRatio);
  });

  it('rejects malformed forecasts and commitments that do not match', () => {
    const nanPaths = a.paths.map((p, i) => (i === 3 ? p.map((v, h) => (h === 2 ? Number.NaN : v)) : p));
    const subs: Submission[] = [
      { hotkey: 'short', commitStep: at(0.1), forecast: { paths: a.paths.slice(1) } },
      { hotkey: 'nan', commitStep: at(0.1), forecast: { paths: nanPaths } },
      { hotkey: 'negative', commitStep: at(0.1), forecast: { paths: a.paths.map((p) => p.map((v) => -v)) } },
      { hotkey: 'horizon', commitStep: at(0.1), forecast: { paths: a.paths.map((p) => p.slice(1)) } },
      { hotkey: 'bad-commit', commitStep: at(0.1), commitment: forecastDigest(b), forecast: a },
      { hotkey: 'good-commit', commitStep: at(0.2), commitment: forecastDigest(b), forecast: b },
    ];
    const scores = scoreRound(
      round,
      subs,
      subs.map((s) => s.hotkey),
      CONFIG,
    );
    expect(scores.miners.map((m) => m.status)).toEqual([
      'malformed',
      'malformed',
      'malformed',
      'malformed',
      'commitment-mismatch',
      'scored',
    ]);
  });

  it('throws when the round and the config disagree on the horizon', () => {
    expect(() => scoreRound({ ...round, realised: round.realised.slice(1) }, [], ['a'], CONFIG)).toThrow(RangeError);
  });
});

describe('scoreRound: copies collapse onto the earliest committer', () => {
  it('the digest ignores path order and tells different forecasts apart', () => {
    const shuffled = copierForecast(a, { seed: 3 });
    expect(shuffled.paths).not.toEqual(a.paths);
    expect(forecastDigest(shuffled)).toBe(forecastDigest(a));
    expect(forecastDigest(a)).not.toBe(forecastDigest(b));
    expect(forecastDigest(a)).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it('exact, shuffled and jittered copies score as missing; an independent forecast does not', () => {
    const scores = scoreRound(
      round,
      [
        { hotkey: 'original', commitStep: at(0.2), forecast: a },
        { hotkey: 'exact', commitStep: at(0.3), forecast: a },
        { hotkey: 'shuffled', commitStep: at(0.4), forecast: copierForecast(a, { seed: 4 }) },
        { hotkey: 'jittered', commitStep: at(0.5), forecast: copierForecast(a, { seed: 5, jitter: 1e-5 }) },
        { hotkey: 'independent', commitStep: at(0.6), forecast: b },
      ],
      ['original', 'exact', 'shuffled', 'jittered', 'independent'],
      CONFIG,
    );
    expect(entry(scores, 'original').status).toBe('scored');
    expect(entry(scores, 'independent').status).toBe('scored');
    for (const h of ['exact', 'shuffled', 'jittered']) {
      expect(entry(scores, h)).toMatchObject({ status: 'duplicate', duplicateOf: 'original', score: CONFIG.maxRatio });
    }
  });

  it('an identical copy never beats the original: whoever commits first keeps the credit', () => {
    for (const [copyOffset, originalOffset] of [
      [0.3, 0.2],
      [0.9, 0.1],
    ] as const) {
      const scores = scoreRound(
        round,
        [
          { hotkey: 'copy', commitStep: at(copyOffset), forecast: a },
          { hotkey: 'original', commitStep: at(originalOffset), forecast: a },
        ],
        ['copy', 'original'],
        CONFIG,
      );
      expect(entry(scores, 'copy').score).toBeGreaterThanOrEqual(entry(scores, 'original').score);
      expect(entry(scores, 'copy').status).toBe('duplicate');
    }
  });

  it('breaks exact commit-time ties by a hash of the outcome: one winner, independent of order', () => {
    let aWins = 0;
    for (const r of [first, ...others]) {
      const subs: Submission[] = [
        { hotkey: 'x', commitStep: r.round.originStep + 0.5, forecast: r.a },
        { hotkey: 'y', commitStep: r.round.originStep + 0.5, forecast: r.a },
      ];
      const s1 = scoreRound(r.round, subs, ['x', 'y'], CONFIG);
      const s2 = scoreRound(r.round, [...subs].reverse(), ['x', 'y'], CONFIG);
      expect(s1).toEqual(s2);
      expect(s1.miners.filter((m) => m.status === 'scored')).toHaveLength(1);
      if (entry(s1, 'x').status === 'scored') aWins++;
    }
    // Over 9 outcomes neither name always wins: the winner cannot be chosen in advance.
    expect(aWins).toBeGreaterThan(0);
    expect(aWins).toBeLessThan(9);
  });
});

describe('moving average and weights', () => {
  it('decays by half over the half-life', () => {
    expect(emaDecay(8) ** 8).toBeCloseTo(0.5, 14);
    expect(() => emaDecay(0)).toThrow(RangeError);
  });

  it('starts a new hotkey at the cap and moves it toward its scores', () => {
    const book = new ScoreBook(CONFIG);
    expect(book.score('new')).toBe(CONFIG.maxRatio);
    const d = emaDecay(CONFIG.halfLifeRounds);
    const roundOf = (score: number): RoundScores => ({
      originStep: 0,
      baselineCrps: 1,
      miners: [{ hotkey: 'm', status: 'scored', crps: score, score }],
    });
    book.update(roundOf(1));
    expect(book.score('m')).toBeCloseTo(d * 2 + (1 - d) * 1, 14);
    for (let i = 1; i < CONFIG.halfLifeRounds; i++) book.update(roundOf(1));
    // After one half-life of constant score 1, half the initial gap (2 − 1) remains.
    expect(book.score('m')).toBeCloseTo(1.5, 12);
    const restored = new ScoreBook(CONFIG, book.snapshot());
    expect(restored.score('m')).toBe(book.score('m'));
    book.forget('m');
    expect(book.score('m')).toBe(CONFIG.maxRatio);
  });

  it('softmax: normalised, symmetric, a factor e per temperature, zero at the cap', () => {
    const t = 0.07;
    const w = softmaxWeights([0.9, 0.9 + t, 0.9, 2], t, 2);
    expect(w.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 14);
    expect(w[0]).toBe(w[2]);
    expect((w[0] as number) / (w[1] as number)).toBeCloseTo(Math.E, 12);
    expect(w[3]).toBe(0);
    expect(softmaxWeights([2, 2], t, 2)).toEqual([0, 0]);
    expect(() => softmaxWeights([1], 0, 2)).toThrow(RangeError);
  });

  it('ScoreBook.weights gives everything to the only miner below the cap', () => {
    const book = new ScoreBook(CONFIG);
    const scores = scoreRound(
      round,
      [
        { hotkey: 'honest', commitStep: at(0.1), forecast: a },
        { hotkey: 'noise', commitStep: at(0.1), forecast: randomForecast(round.history, SHAPE, 9, 1) },
      ],
      ['honest', 'noise', 'silent'],
      CONFIG,
    );
    book.update(scores);
    const [honest, noise, silent] = book.weights(['honest', 'noise', 'silent']);
    expect(honest).toBe(1);
    expect(noise).toBe(0);
    expect(silent).toBe(0);
  });

  it('rejects a bad configuration', () => {
    expect(() => new ScoreBook({ ...CONFIG, temperature: 0 })).toThrow(RangeError);
    expect(() => new ScoreBook({ ...CONFIG, pathCount: 1.5 })).toThrow(RangeError);
    expect(() => scoreRound(round, [], [], { ...CONFIG, baselineLookback: 1 })).toThrow(RangeError);
  });
});
