import { describe, expect, it } from 'vitest';
import {
  ENVIRONMENTS,
  evaluateRound,
  type Instance,
  planChallenges,
  type ReasoningPrompt,
  Scoreboard,
  solve,
  wilsonLowerBound,
  environment,
  challengeSeed,
} from '../src/mechanism/index.js';

const bytes = (s: string) => new TextEncoder().encode(s);

function round(): { instances: Instance[]; answers: string[] } {
  const envs = ENVIRONMENTS.map((e) => e.name);
  const instances = planChallenges(bytes('secret'), bytes('block'), envs, 2, 1, 3).map((c) =>
    environment(c.env).generate(c.seed, c.difficulty),
  );
  const answers = instances.map((i) => {
    const r = solve(i.prompt as ReasoningPrompt, 1e6);
    return r.ok ? r.answer : '';
  });
  return { instances, answers };
}

describe('wilsonLowerBound', () => {
  it('matches the textbook value and behaves at the edges', () => {
    expect(wilsonLowerBound(8, 10)).toBeCloseTo(0.4902, 4);
    expect(wilsonLowerBound(0, 0)).toBe(0);
    expect(wilsonLowerBound(0, 50)).toBe(0);
    expect(wilsonLowerBound(10, 10)).toBeLessThan(1);
  });

  it('is robust to small samples: 3/3 ranks below 90/100', () => {
    expect(wilsonLowerBound(3, 3)).toBeLessThan(wilsonLowerBound(90, 100));
    expect(wilsonLowerBound(30, 40)).toBeGreaterThan(wilsonLowerBound(3, 4));
  });
});

describe('challenges', () => {
  it('depend on the secret, the block hash and the index', () => {
    const a = challengeSeed(bytes('s'), bytes('b'), 'sat', 0);
    expect(challengeSeed(bytes('s'), bytes('b'), 'sat', 0)).toEqual(a);
    expect(challengeSeed(bytes('t'), bytes('b'), 'sat', 0)).not.toEqual(a);
    expect(challengeSeed(bytes('s'), bytes('c'), 'sat', 0)).not.toEqual(a);
    expect(challengeSeed(bytes('s'), bytes('b'), 'sat', 1)).not.toEqual(a);
    expect(challengeSeed(bytes('s'), bytes('b'), 'linear-system', 0)).not.toEqual(a);
    // The secret's length is bound in, so bytes cannot move between secret and block hash.
    expect(challengeSeed(bytes('sb'), bytes(''), 'sat', 0)).not.toEqual(
      challengeSeed(bytes('s'), bytes('b'), 'sat', 0),
    );
  });

  it('plans perEnv instances per environment within the difficulty range', () => {
    const plan = planChallenges(bytes('s'), bytes('b'), ['sat', 'shortest-path'], 5, 2, 4);
    expect(plan).toHaveLength(10);
    expect(plan.every((c) => c.difficulty >= 2 && c.difficulty <= 4)).toBe(true);
  });
});

describe('evaluateRound', () => {
  it('scores per environment and collapses copies of a flawed submission onto the earliest committer', () => {
    const { instances, answers: right } = round();
    // One shared mistake (a blank) is what gives a copy away.
    const answers = right.map((a, i) => (i === 0 ? '' : a));
    const spaced = answers.map((a) => (a === '' ? '' : ` ${a.split(' ').join('  ')} `));
    const ev = evaluateRound(instances, [
      // Listed out of order on purpose: commit order, not array order, decides who was first.
      { hotkey: 'copy', commit: 20n, answers: spaced },
      { hotkey: 'orig', commit: 10n, answers },
      { hotkey: 'silent', commit: 5n, answers: [] },
    ]);
    expect(ev.miners.map((m) => m.hotkey)).toEqual(['silent', 'orig', 'copy']);
    const [silent, orig, copy] = ev.miners;
    expect(orig?.duplicateOf).toBeUndefined();
    expect(copy?.duplicateOf).toBe('orig');
    const first = instances[0]?.env;
    for (const env of ENVIRONMENTS.map((e) => e.name)) {
      expect(orig?.tallies.get(env)).toEqual({ successes: env === first ? 1 : 2, trials: 2 });
      expect(copy?.tallies.get(env)).toEqual({ successes: 0, trials: 2 });
      expect(silent?.tallies.get(env)).toEqual({ successes: 0, trials: 2 });
    }
  });

  it('does not collapse identical perfect submissions: right answers are unique', () => {
    const { instances, answers } = round();
    const ev = evaluateRound(instances, [
      { hotkey: 'a', commit: 1n, answers },
      { hotkey: 'b', commit: 2n, answers },
    ]);
    for (const m of ev.miners) {
      expect(m.duplicateOf).toBeUndefined();
      for (const t of m.tallies.values()) expect(t).toEqual({ successes: 2, trials: 2 });
    }
  });

  it('an altered copy is not collapsed but only earns for its correct answers', () => {
    const { instances, answers } = round();
    const altered = answers.map((a, i) => (i === 0 ? '' : a));
    const ev = evaluateRound(instances, [
      { hotkey: 'orig', commit: 1n, answers },
      { hotkey: 'alt', commit: 2n, answers: altered },
    ]);
    const alt = ev.miners[1];
    expect(alt?.duplicateOf).toBeUndefined();
    expect(alt?.tallies.get(instances[0]?.env ?? 'sat')).toEqual({ successes: 1, trials: 2 });
  });
});

describe('Scoreboard', () => {
  it('accumulates, keeps the earliest commit, and forgets beyond its window', () => {
    const { instances, answers } = round();
    const board = new Scoreboard(
      ENVIRONMENTS.map((e) => e.name),
      2,
    );
    board.record(evaluateRound(instances, [{ hotkey: 'm', commit: 9n, answers }]));
    board.record(evaluateRound(instances, [{ hotkey: 'm', commit: 4n, answers }]));
    expect(board.tally('m', 'sat')).toEqual({ successes: 4, trials: 4 });
    expect(board.rows()[0]?.commit).toBe(4n);
    board.record(evaluateRound(instances, [{ hotkey: 'm', commit: 7n, answers: [] }]));
    expect(board.tally('m', 'sat')).toEqual({ successes: 2, trials: 4 });
    const row = board.rows()[0];
    expect(row?.scores).toHaveLength(4);
    expect(row?.scores[0]).toBeCloseTo(wilsonLowerBound(2, 4), 12);
  });
});
