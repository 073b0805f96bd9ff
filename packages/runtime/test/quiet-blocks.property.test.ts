/**
 * `applyQuietBlocks` against block-by-block application: on random small chains (random walks of
 * stakes, swaps, registrations, weights and new subnets, under both emission policies and several
 * tempos), a copy of the state advanced by N empty `applyBlock`s must equal the state one quiet run
 * of N blocks leaves, and a run may stop early only where the next block is not quiet.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountId } from '@taonet/primitives';
import {
  applyBlock,
  applyQuietBlocks,
  type BlockResult,
  checkInvariants,
  State,
  stateDigest,
  storage,
} from '../src/index.js';
import { RandomWalk } from './sim/random-walk.js';

const header = (n: bigint) => ({ parentHash: `0x${n.toString(16).padStart(64, '0')}`, timestamp: n * 250n });

function copyOf(s: State): State {
  const c = new State();
  for (const [item, key, value] of s.allEntries()) c.rawLoad(item, key, value);
  return c;
}

function emptyBlock(s: State, author: AccountId): BlockResult {
  const number = s.value(storage.BlockNumber) + 1n;
  return applyBlock(s, { header: { number, author, ...header(number) }, extrinsics: [] });
}

/** Why the block after a quiet run could not be quiet. */
function notQuietBecause(s: State, r: BlockResult): string | null {
  if (r.events.some((e) => e.name === 'EpochRun' || e.name === 'EpochDeferred')) return 'epoch';
  if (s.value(storage.RootStakingColdkeys).length > 0) return 'root stakers';
  return null;
}

interface Case {
  readonly seed: number;
  readonly tempo: number;
  readonly policy: 'taoflow' | 'ema-price';
  readonly subnets: number;
  readonly txPerBlock: number;
  readonly segments: readonly { readonly busy: number; readonly quiet: number }[];
}

const arbCase: fc.Arbitrary<Case> = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  tempo: fc.integer({ min: 2, max: 40 }),
  policy: fc.constantFrom('taoflow' as const, 'ema-price' as const),
  subnets: fc.integer({ min: 1, max: 3 }),
  txPerBlock: fc.integer({ min: 0, max: 4 }),
  segments: fc.array(fc.record({ busy: fc.integer({ min: 0, max: 4 }), quiet: fc.integer({ min: 1, max: 70 }) }), {
    minLength: 2,
    maxLength: 6,
  }),
});

function runCase(c: Case): { quiet: bigint; stops: string[] } {
  const w = new RandomWalk({
    seed: c.seed,
    subnets: c.subnets,
    neuronsPerSubnet: 8,
    validatorsPerSubnet: 3,
    coldkeys: 6,
    txPerBlock: c.txPerBlock,
    tempo: c.tempo,
    subnetLimit: 4,
    newSubnetEvery: 25,
    invariantsEvery: 0,
    params: { emissionPolicy: c.policy },
  });
  const s = w.chain.state;
  let quiet = 0n;
  const stops: string[] = [];
  for (const seg of c.segments) {
    w.run(seg.busy);
    const ref = copyOf(s);
    expect(stateDigest(ref)).toBe(stateDigest(s));
    const max = BigInt(seg.quiet);
    const k = applyQuietBlocks(s, max, header);
    expect(k >= 0n && k <= max).toBe(true);
    for (let i = 0n; i < k; i++) emptyBlock(ref, w.chain.author);
    expect(stateDigest(s), `after ${k} quiet blocks at block ${s.value(storage.BlockNumber)}`).toBe(stateDigest(ref));
    expect(checkInvariants(s)).toEqual([]);
    quiet += k;
    if (k < max) {
      const why = notQuietBecause(ref, emptyBlock(ref, w.chain.author));
      expect(why, `the run stopped after ${k} of ${max} blocks before a quiet block`).not.toBeNull();
      stops.push(why as string);
    }
  }
  return { quiet, stops };
}

describe('applyQuietBlocks', () => {
  it('leaves exactly the state of as many empty applyBlocks, on random chains', () => {
    let quiet = 0n;
    const stops = new Set<string>();
    fc.assert(
      fc.property(arbCase, (c) => {
        const r = runCase(c);
        quiet += r.quiet;
        for (const x of r.stops) stops.add(x);
      }),
      { numRuns: 25, seed: 16 },
    );
    // The property was exercised: many blocks went the quiet way, and runs stopped at epochs.
    expect(quiet).toBeGreaterThan(200n);
    expect(stops.has('epoch')).toBe(true);
  }, 120_000);

  it('applies nothing while a coldkey stakes on root (auto-claims may swap), and the chain goes on', () => {
    const w = new RandomWalk({
      seed: 5,
      subnets: 1,
      neuronsPerSubnet: 6,
      validatorsPerSubnet: 2,
      coldkeys: 4,
      txPerBlock: 0,
      tempo: 10,
    });
    const s = w.chain.state;
    const [hotkey] = s.get(storage.Keys, 1);
    const cold = s.get(storage.Owner, hotkey as AccountId) as AccountId;
    const r = w.chain.step([
      w.chain.tx(cold, 'root_register', { hotkey }),
      w.chain.tx(cold, 'add_stake', { hotkey, netuid: 0, amount: 10_000_000_000n }),
    ]);
    expect(r.extrinsics.map((x) => x.error?.code ?? 'ok')).toEqual(['ok', 'ok']);
    expect(s.value(storage.RootStakingColdkeys)).toContain(cold);
    const before = stateDigest(s);
    expect(applyQuietBlocks(s, 50n, header)).toBe(0n);
    expect(stateDigest(s)).toBe(before);
  });

  it('applies nothing for max 0, and stops at the block an epoch is due', () => {
    const w = new RandomWalk({
      seed: 9,
      subnets: 2,
      neuronsPerSubnet: 6,
      validatorsPerSubnet: 2,
      coldkeys: 4,
      txPerBlock: 0,
      tempo: 7,
    });
    const s = w.chain.state;
    expect(applyQuietBlocks(s, 0n, header)).toBe(0n);
    let k = 0n;
    for (let tries = 0; k === 0n && tries < 8; tries++) {
      k = applyQuietBlocks(s, 1000n, header);
      if (k === 0n) emptyBlock(s, w.chain.author);
    }
    // Two subnets of tempo 7: an epoch is never more than 7 blocks away.
    expect(k).toBeGreaterThan(0n);
    expect(k).toBeLessThan(8n);
    expect(applyQuietBlocks(s, 1000n, header)).toBe(0n);
    expect(emptyBlock(s, w.chain.author).events.some((e) => e.name === 'EpochRun')).toBe(true);
  });
});
