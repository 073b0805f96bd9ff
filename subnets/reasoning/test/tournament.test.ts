import { describe, expect, it } from 'vitest';
import {
  copier,
  honestMiner,
  overfitter,
  randomGuesser,
  runTournament,
  type SolverBudget,
  sybils,
  type TournamentMiner,
} from '../src/mechanism/index.js';

// Two honest miners with different strengths: one strong at running programs and algebra,
// the other at search (SAT) and graphs. Both should end up on the frontier.
const ALGEBRAIST: SolverBudget = {
  'program-output': 1_000_000,
  'linear-system': 1_000_000,
  sat: 1_000,
  'shortest-path': 300,
};
const SEARCHER: SolverBudget = {
  'program-output': 300,
  'linear-system': 30,
  sat: 1_000_000,
  'shortest-path': 1_000_000,
};

function field(): TournamentMiner[] {
  const algebraist = honestMiner(ALGEBRAIST);
  return [
    { hotkey: 'honest-a', commit: 100n, policy: algebraist },
    { hotkey: 'honest-b', commit: 101n, policy: honestMiner(SEARCHER) },
    { hotkey: 'copier', commit: 200n, policy: copier('honest-a') },
    { hotkey: 'copier-altered', commit: 201n, policy: copier('honest-b', { blankEvery: 7 }) },
    ...sybils(algebraist, 3).map((policy, i) => ({ hotkey: `sybil-${i}`, commit: 300n + BigInt(i), policy })),
    { hotkey: 'random', commit: 400n, policy: randomGuesser(7n) },
    { hotkey: 'overfit', commit: 500n, policy: overfitter('honest-a') },
  ];
}

describe('seeded tournament: cheating does not pay', () => {
  it.each([
    ['validator-secret-1', 30, 3],
    ['validator-secret-2', 20, 2],
  ] as const)('secret %s, %i rounds, %i instances per environment', (secret, rounds, perEnv) => {
    const result = runTournament(field(), { secret: new TextEncoder().encode(secret), rounds, perEnv });
    const weight = (h: string) => result.rows.find((r) => r.hotkey === h)?.weight ?? Number.NaN;
    const honest = ['honest-a', 'honest-b'].map(weight);
    const meanHonest = honest.reduce((s, x) => s + x, 0) / honest.length;
    const cheaters = result.rows.filter((r) => !r.hotkey.startsWith('honest'));
    expect(cheaters).toHaveLength(7);
    for (const r of cheaters) expect(r.weight, r.hotkey).toBeLessThanOrEqual(0.1 * meanHonest);
    expect(
      result.rows
        .filter((r) => r.status === 'frontier')
        .map((r) => r.hotkey)
        .sort(),
    ).toEqual(['honest-a', 'honest-b']);
    for (const h of honest) expect(h).toBeGreaterThan(0.3);
    expect(result.rows.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(1, 12);
    // Why each one lost.
    const status = new Map(result.rows.map((r) => [r.hotkey, r.status]));
    expect(status.get('copier')).toBe('no-signal'); // verbatim copy: collapsed onto honest-a
    for (const s of ['sybil-0', 'sybil-1', 'sybil-2']) expect(status.get(s)).toBe('no-signal');
    expect(['dominated', 'shadowed']).toContain(status.get('copier-altered'));
    expect(['dominated', 'no-signal']).toContain(status.get('random'));
    expect(['dominated', 'no-signal']).toContain(status.get('overfit'));
  });

  it('is deterministic', () => {
    const run = () =>
      runTournament(field(), { secret: new TextEncoder().encode('again'), rounds: 3, perEnv: 2 }).rows.map((r) => [
        r.hotkey,
        r.weight,
        r.tallies,
      ]);
    expect(run()).toEqual(run());
  });
});
