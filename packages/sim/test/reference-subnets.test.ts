/**
 * "Cheating miners of each reference subnet earn at most 10% of an honest miner", on chain: each
 * reference subnet's own scoring (its seeded tournament of honest and cheating miners) gives the
 * weights its validators set; the simulator puts those miners on a subnet whose honest validators
 * set exactly those weights every epoch, and the runtime's Yuma Consensus and payouts decide the
 * incentive. Each cheater's total incentive must stay at most 10% of the mean honest miner's.
 */
import { runTournament as reasoningTournament } from '@taonet/subnet-reasoning/mechanism';
import { describe, expect, it } from 'vitest';
import {
  CHEATERS,
  HONEST,
  runTournament as forecastingTournament,
} from '../../../subnets/forecasting/test/tournament.js';
import { copier, honestMiner, overfitter, randomGuesser, sybils } from '@taonet/subnet-reasoning/mechanism';
import { runScenario } from '../src/engine/engine.js';
import { scenarioFromObject } from '../src/scenario/parse.js';

/** On-chain incentive totals of miners whose true quality is their tournament weight. */
function onChain(name: string, weights: ReadonlyMap<string, number>): Map<string, number> {
  const max = Math.max(...weights.values());
  const r = runScenario(
    scenarioFromObject({
      name,
      seed: 3,
      epochs: 6,
      hyperparameters: { tempo: 10, yuma3Enabled: true },
      subnets: [
        {
          name: 'ref',
          validators: [1, 2, 3].map((i) => ({
            name: `val-${i}`,
            stake: 300,
            behaviour: { kind: 'honest', options: { noise: 0 } },
          })),
          miners: [...weights].map(([hotkey, w]) => ({ name: hotkey, quality: w / max })),
        },
      ],
    }),
  );
  expect(r.failures).toEqual([]);
  return new Map(r.totals.filter((t) => t.role === 'miner').map((t) => [t.entity, t.incentive]));
}

function check(
  label: string,
  incentive: Map<string, number>,
  honest: readonly string[],
  cheaters: readonly string[],
): void {
  const mean = honest.reduce((a, h) => a + (incentive.get(h) ?? 0), 0) / honest.length;
  const figures = Object.fromEntries(cheaters.map((c) => [c, (incentive.get(c) ?? 0) / mean]));
  console.log(`${label}: cheater incentive / mean honest incentive`, figures);
  expect(mean).toBeGreaterThan(0);
  for (const c of cheaters) expect(incentive.get(c) ?? 0, c).toBeLessThanOrEqual(0.1 * mean);
}

describe('reference subnets: cheaters earn at most 10% of an honest miner on chain', () => {
  it('forecasting', () => {
    const t = forecastingTournament(2024, 40);
    const weights = new Map(t.hotkeys.map((h, i) => [h, t.weights[i] as number]));
    check('forecasting', onChain('forecasting', weights), HONEST, CHEATERS);
  });

  it('reasoning', () => {
    const algebraist = honestMiner({
      'program-output': 1_000_000,
      'linear-system': 1_000_000,
      sat: 1_000,
      'shortest-path': 300,
    });
    const miners = [
      { hotkey: 'honest-a', commit: 100n, policy: algebraist },
      {
        hotkey: 'honest-b',
        commit: 101n,
        policy: honestMiner({ 'program-output': 300, 'linear-system': 30, sat: 1_000_000, 'shortest-path': 1_000_000 }),
      },
      { hotkey: 'copier', commit: 200n, policy: copier('honest-a') },
      ...sybils(algebraist, 3).map((policy, i) => ({ hotkey: `sybil-${i}`, commit: 300n + BigInt(i), policy })),
      { hotkey: 'random', commit: 400n, policy: randomGuesser(7n) },
      { hotkey: 'overfit', commit: 500n, policy: overfitter('honest-a') },
    ];
    const t = reasoningTournament(miners, { secret: new TextEncoder().encode('sim-secret'), rounds: 20, perEnv: 2 });
    const weights = new Map(t.rows.map((r) => [r.hotkey, r.weight]));
    const cheaters = t.rows.map((r) => r.hotkey).filter((h) => !h.startsWith('honest'));
    check('reasoning', onChain('reasoning', weights), ['honest-a', 'honest-b'], cheaters);
  });
});
