/**
 * Fast mode changes no result: the same scenario in fast and in full-block mode passes through the
 * identical state (stateDigest) at every epoch boundary of every subnet, under each Yuma variant,
 * with commit-reveal, stake flows and whale moves, sybil registrations, several subnets with
 * different tempos and both emission policies; and fast mode really hands most blocks to the
 * runtime as quiet runs.
 */
import { stateDigest } from '@taonet/runtime';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/engine/engine.js';
import { scenarioFromObject } from '../src/scenario/parse.js';

const validators = [
  { name: 'a', stake: 900, behaviour: 'honest' },
  { name: 'b', stake: 500, behaviour: 'shifted' },
  { name: 'c', stake: 300, behaviour: { kind: 'copier', options: { target: 'a' } } },
  { name: 'd', stake: 200, behaviour: 'lazy' },
];
const miners = [
  { name: 'good', quality: 0.9 },
  { name: 'mid', quality: 0.5 },
  { name: 'sybil', quality: 0.3, count: 3 },
];

const CASES: Record<string, Record<string, unknown>> = {
  'Yuma classic, bonds penalty 1': { hyperparameters: { tempo: 15, bondsPenalty: 65535 } },
  'Yuma classic, bonds penalty 0': { hyperparameters: { tempo: 15, bondsPenalty: 0 } },
  'Yuma3 with commit-reveal': { hyperparameters: { tempo: 11, yuma3Enabled: true, commitRevealEnabled: true } },
  'Yuma3 with liquid alpha': { hyperparameters: { tempo: 13, yuma3Enabled: true, liquidAlphaEnabled: true } },
  'price-EMA emission, two subnets, stake flows and a whale': {
    network: { emissionPolicy: 'ema-price' },
    hyperparameters: { tempo: 10 },
    extraSubnet: true,
  },
  'TaoFlow emission, two subnets, stake flows and a whale': { hyperparameters: { tempo: 12 }, extraSubnet: true },
};

function scenarioFor(c: Record<string, unknown>) {
  const { extraSubnet, ...over } = c;
  const subnets: Record<string, unknown>[] = [{ name: 'alpha', ownerBuyback: 1, validators, miners }];
  const doc: Record<string, unknown> = { name: 'fast-mode', seed: 21, epochs: 5, subnets, ...over };
  if (extraSubnet === true) {
    subnets.push({
      name: 'beta',
      hyperparameters: { tempo: 17 },
      validators: [
        { name: 'x', stake: 600, behaviour: 'honest' },
        { name: 'y', stake: 400, behaviour: { kind: 'cabal', options: { miners: ['m2'] } } },
      ],
      miners: [
        { name: 'm1', quality: 0.8 },
        { name: 'm2', quality: 0.1, count: 2 },
      ],
    });
    doc.stakers = [
      {
        name: 'flows',
        balance: 2000,
        delegate: 'alpha/a',
        flows: [
          { epoch: 0, action: 'stake', subnet: 'alpha', amount: 800 },
          { epoch: 1, action: 'move', subnet: 'alpha', to: 'beta', amount: 0.5 },
          { epoch: 3, action: 'unstake', subnet: 'beta', amount: 1 },
        ],
      },
      { name: 'whale', balance: 3000, delegate: 'alpha/a', policy: { kind: 'chase-emission', every: 2 }, flows: [] },
    ];
  }
  return scenarioFromObject(doc);
}

describe('fast mode', () => {
  for (const [label, c] of Object.entries(CASES)) {
    it(`passes through the full-block mode's state at every epoch: ${label}`, () => {
      const sc = scenarioFor(c);
      const at = (mode: 'fast' | 'full') => {
        const seen: string[] = [];
        const r = runScenario(sc, {
          mode,
          onEpoch: (e, state) => seen.push(`${e.subnet}#${e.epoch}@${e.block} ${stateDigest(state)}`),
        });
        return { r, seen };
      };
      const fast = at('fast');
      const full = at('full');
      expect(fast.r.failures).toEqual([]);
      expect(fast.seen).toHaveLength(sc.epochs * sc.subnets.length);
      expect(fast.seen).toEqual(full.seen);
      expect(fast.r.digest).toBe(full.r.digest);
      expect(fast.r.entities).toEqual(full.r.entities);
      expect(fast.r.stakers).toEqual(full.r.stakers);
      // Most blocks went through the runtime's quiet runs, none in full mode.
      expect(full.r.quietBlocks).toBe(0);
      expect(fast.r.quietBlocks).toBeGreaterThan(fast.r.blocks / 2);
    });
  }
});
