/**
 * The incremental invariant check against the full one, on a walked state broken on purpose: every
 * kind of violation is found by both, identically, and goes away with the write that caused it
 * (including through `revert`, and after a `rawLoad` that bypasses the journal).
 */
import { type AccountId, SAFE_FLOAT_ZERO } from '@taonet/primitives';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkInvariants, checkInvariantsFull, type State, storage } from '../src/index.js';
import { RandomWalk } from './sim/random-walk.js';
import { WALK_100K } from './sim/walk-100k.js';

let s: State;
let netuid: number;
/** A stake pool with at least two holders: [hotkey, coldkey]. */
let holder: [AccountId, AccountId];

function same(): string[] {
  const inc = checkInvariants(s);
  expect(inc).toEqual(checkInvariantsFull(s));
  return inc;
}

beforeAll(() => {
  const w = new RandomWalk({
    ...WALK_100K,
    subnets: 2,
    neuronsPerSubnet: 16,
    validatorsPerSubnet: 4,
    coldkeys: 8,
    seed: 5,
  });
  w.run(120);
  s = w.chain.state;
  netuid = w.netuids()[0] as number;
  const counts = new Map<string, number>();
  for (const [k] of s.entries(storage.StakeShares)) {
    const [h, , n] = k.split('/');
    counts.set(`${h}/${n}`, (counts.get(`${h}/${n}`) ?? 0) + 1);
  }
  const key = [...s.entries(storage.StakeShares)]
    .map(([k]) => k)
    .find((k) => {
      const [h, , n] = k.split('/');
      return Number(n) === netuid && (counts.get(`${h}/${n}`) ?? 0) >= 2;
    });
  if (key === undefined) throw new Error('no shared stake pool');
  holder = key.split('/').slice(0, 2) as [AccountId, AccountId];
});

describe('incremental invariants', () => {
  it('start clean', () => {
    expect(same()).toEqual([]);
  });

  it('find a TAO imbalance in an account, and lose it when it is undone', () => {
    const who = s.entries(storage.Accounts)[0]?.[0] as AccountId;
    const acc = s.get(storage.Accounts, who);
    s.set(storage.Accounts, who, { free: (acc?.free ?? 0n) + 5n, nonce: acc?.nonce ?? 0n });
    expect(same()[0]).toMatch(/^TAO: issuance .* \(diff -5\)$/);
    s.set(storage.Accounts, who, acc);
    expect(same()).toEqual([]);
  });

  it('find negative amounts, in key order, and forget them when reverted', () => {
    s.checkpoint();
    s.set(storage.PendingServerEmission, netuid, -1n);
    s.set(storage.SubnetAlphaBurned, netuid, -2n);
    const found = same();
    expect(found.filter((p) => p.startsWith('negative'))).toEqual([
      `negative amount in subnets.pendingServer[${netuid}]`,
      `negative amount in swap.alphaBurned[${netuid}]`,
    ]);
    s.revert();
    expect(same()).toEqual([]);
  });

  it('find a pool whose holders own more than it holds, or that nobody owns', () => {
    const [hotkey, coldkey] = holder;
    s.checkpoint();
    const shares = s.get(storage.StakeShares, [hotkey, coldkey, netuid]);
    s.set(storage.StakeShares, [hotkey, coldkey, netuid], { ...shares, mantissa: shares.mantissa * 4n });
    expect(same().some((p) => p.startsWith(`stake pool ${hotkey}/${netuid}: holders own`))).toBe(true);
    s.revert();
    expect(same()).toEqual([]);

    s.checkpoint();
    s.set(storage.StakeShares, [hotkey, coldkey, netuid], SAFE_FLOAT_ZERO);
    const total = s.get(storage.TotalHotkeyAlpha, [hotkey, netuid]);
    s.set(storage.TotalHotkeyAlpha, [hotkey, netuid], total + 10n ** 12n);
    const found = same();
    expect(found.some((p) => p.startsWith(`stake pool ${hotkey}/${netuid}:`) && p.endsWith('owned by nobody'))).toBe(
      true,
    );
    expect(found.some((p) => p.startsWith(`subnet ${netuid}: stake + pending`))).toBe(true);
    s.revert();
    expect(same()).toEqual([]);
  });

  it('see writes that bypass the journal (rawLoad) by rebuilding', () => {
    const who = s.entries(storage.Accounts)[1]?.[0] as AccountId;
    const acc = s.get(storage.Accounts, who);
    s.rawLoad(storage.Accounts.name, who, { free: (acc?.free ?? 0n) + 7n, nonce: acc?.nonce ?? 0n });
    expect(same()[0]).toMatch(/\(diff -7\)$/);
    s.rawLoad(storage.Accounts.name, who, acc);
    expect(same()).toEqual([]);
  });
});
