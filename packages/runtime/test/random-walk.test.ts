/**
 * The seeded random walk (run A of two; see test/sim/walk-100k.ts): 100,000 blocks with the
 * invariants checked after every block, ending on the recorded digest. Plus quick checks that the
 * walk is deterministic and that the incremental invariant check agrees with the full one.
 */
import { describe, expect, it } from 'vitest';
import { checkInvariants, checkInvariantsFull, stateDigest } from '../src/index.js';
import { RandomWalk, type WalkOptions, type WalkStats } from './sim/random-walk.js';
import { runWalk100k, WALK_100K, WALK_100K_BLOCKS, WALK_100K_DIGEST } from './sim/walk-100k.js';

/** The walk exercised what it claims: each kind of call succeeded often, subnets came and went. */
export function expectCoverage(stats: WalkStats, blocks: number): void {
  const ok = (m: string): number => stats.calls.get(m)?.[0] ?? 0;
  for (const m of [
    'transfer',
    'add_stake',
    'remove_stake',
    'move_stake',
    'swap_stake',
    'burned_register',
    'set_weights',
  ]) {
    expect(ok(m), `${m} successes`).toBeGreaterThan(blocks / 40);
  }
  for (const m of ['unstake_all', 'transfer_stake', 'register_network', 'start_call'])
    expect(ok(m), `${m} successes`).toBeGreaterThan(0);
  expect(stats.subnetsDissolved, 'subnets dissolved at the limit').toBeGreaterThan(0);
  expect(stats.blocks).toBe(blocks);
}

const SMALL: WalkOptions = {
  ...WALK_100K,
  subnets: 3,
  neuronsPerSubnet: 24,
  validatorsPerSubnet: 6,
  coldkeys: 12,
  newSubnetEvery: 60,
  subnetLimit: 4,
};

describe('random walk', () => {
  it('is deterministic: the same seed gives the same digest, another seed another', () => {
    const run = (seed: number): string => {
      const w = new RandomWalk({ ...SMALL, seed });
      w.run(300);
      return stateDigest(w.chain.state);
    };
    const a = run(7);
    expect(run(7)).toBe(a);
    expect(run(8)).not.toBe(a);
  });

  it('checks incrementally exactly what the full check finds, block after block', () => {
    const w = new RandomWalk({ ...SMALL, seed: 11, invariantsEvery: 0 });
    for (let b = 0; b < 400; b++) {
      w.next();
      expect(checkInvariants(w.chain.state)).toEqual(checkInvariantsFull(w.chain.state));
    }
    expect(checkInvariantsFull(w.chain.state)).toEqual([]);
  });

  it(`runs ${WALK_100K_BLOCKS} blocks with the invariants after every block and ends on the recorded digest (run A)`, async () => {
    const r = await runWalk100k();
    expect(r.finalProblems).toEqual([]);
    expectCoverage(r.stats, WALK_100K_BLOCKS);
    expect(
      r.digest,
      'the walk changed: if the runtime behaviour changed on purpose, record the new WALK_100K_DIGEST',
    ).toBe(WALK_100K_DIGEST);
  }, 900_000);
});
