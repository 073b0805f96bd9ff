/** commit_weights / reveal_weights across epochs (§10.2). */
import type { AccountId } from '@taonet/primitives';
import { beforeEach, describe, expect, it } from 'vitest';
import { LastUpdate } from '../src/neurons/storage.js';
import type { State } from '../src/state/state.js';
import { weightsCommitHash } from '../src/weights/commit-hash.js';
import { WeightCommits, Weights } from '../src/weights/storage.js';
import {
  addSubnet,
  call,
  ctxAt,
  expectFailure,
  fillSubnet,
  hotkey,
  newState,
  runEpochAt,
  setEpochColumns,
} from './utils/neuron-fixture.js';

let s: State;

/**
 * Subnet 1 with commit-reveal on, tempo 360, reveal period 1, rate limit 100. Its last epoch ran at
 * block 100 (index 0), so the next is due at block 460. Hotkeys 1..3 hold uids 0..2 since block 10;
 * uids 0 and 1 have validator permits.
 */
beforeEach(() => {
  s = newState();
  addSubnet(s, {
    netuid: 1,
    lastEpochBlock: 100n,
    hp: { tempo: 360, revealPeriodEpochs: 1, weightsSetRateLimit: 100n },
  });
  fillSubnet(ctxAt(s, 10n), 1, 3);
  setEpochColumns(s, 1, { validatorPermit: [true, true, false] });
});

interface Reveal {
  uids: number[];
  values: number[];
  salt: number[];
  versionKey: bigint;
}
const W: Reveal = { uids: [1, 2], values: [10, 20], salt: [7, 7, 7], versionKey: 0n };
const hashOf = (hot: AccountId, r: Reveal, netuid = 1) =>
  weightsCommitHash(hot, netuid, r.uids, r.values, r.salt, r.versionKey);
const commit = (block: bigint, hot: number, r: Reveal = W, netuid = 1) =>
  call(ctxAt(s, block), hotkey(hot), 'commit_weights', { netuid, hash: hashOf(hotkey(hot), r, netuid) });
const reveal = (block: bigint, hot: number, r: Reveal = W, netuid = 1) =>
  call(ctxAt(s, block), hotkey(hot), 'reveal_weights', { netuid, ...r });
const revealFails = (block: bigint, hot: number, code: string, r: Reveal = W, netuid = 1) =>
  expectFailure(ctxAt(s, block), hotkey(hot), 'reveal_weights', { netuid, ...r }, code);
const commitFails = (block: bigint, hot: number, code: string, r: Reveal = W, netuid = 1) =>
  expectFailure(ctxAt(s, block), hotkey(hot), 'commit_weights', { netuid, hash: hashOf(hotkey(hot), r, netuid) }, code);
const salted = (n: number): Reveal => ({ ...W, salt: [n] });

describe('commit_weights', () => {
  it('files the hash under the current epoch and counts as activity', () => {
    const events = commit(200n, 1);
    expect(s.get(WeightCommits, [1, hotkey(1)])).toEqual([
      { hash: hashOf(hotkey(1), W), commitEpoch: 0n, commitBlock: 200n },
    ]);
    expect(s.get(LastUpdate, 1)).toEqual([200n, 10n, 10n]);
    expect(s.get(Weights, [1, 0])).toBeNull();
    expect(events).toEqual([
      { name: 'WeightsCommitted', data: { hotkey: hotkey(1), netuid: 1, hash: hashOf(hotkey(1), W) } },
    ]);
  });

  it('looks one epoch ahead in a block where the epoch is due', () => {
    commit(460n, 1);
    expect(s.get(WeightCommits, [1, hotkey(1)])[0]?.commitEpoch).toBe(1n);
  });

  it('accepts an upper-case hash and stores it lower-case', () => {
    const hash = hashOf(hotkey(1), W);
    call(ctxAt(s, 200n), hotkey(1), 'commit_weights', { netuid: 1, hash: `0x${hash.slice(2).toUpperCase()}` });
    expect(s.get(WeightCommits, [1, hotkey(1)])[0]?.hash).toBe(hash);
  });

  it('drops expired commits before counting the unrevealed ones', () => {
    addSubnet(s, { netuid: 2, lastEpochBlock: 100n, hp: { weightsSetRateLimit: 0n } });
    fillSubnet(ctxAt(s, 10n), 2, 1);
    for (let i = 0; i < 10; i++) commit(200n + BigInt(i), 1, salted(i), 2);
    commitFails(250n, 1, 'TooManyUnrevealedCommits', salted(99), 2);
    runEpochAt(s, 2, 460n);
    runEpochAt(s, 2, 820n);
    commit(830n, 1, salted(99), 2);
    expect(s.get(WeightCommits, [2, hotkey(1)])).toHaveLength(1);
  });
});

describe('commit_weights refusals (state unchanged)', () => {
  it('MechanismDoesNotExist', () => {
    commitFails(200n, 1, 'MechanismDoesNotExist', W, 7);
  });

  it('CommitRevealDisabled', () => {
    addSubnet(s, { netuid: 2, hp: { commitRevealEnabled: false } });
    fillSubnet(ctxAt(s, 10n), 2, 1);
    commitFails(200n, 1, 'CommitRevealDisabled', W, 2);
  });

  it('HotKeyNotRegisteredInSubNet', () => {
    commitFails(200n, 9, 'HotKeyNotRegisteredInSubNet');
  });

  it('CommittingWeightsTooFast, with the next allowed block in the hint', () => {
    expect(commitFails(109n, 1, 'CommittingWeightsTooFast').hint).toBe('next allowed at block 110');
    commit(200n, 1);
    expect(commitFails(299n, 1, 'CommittingWeightsTooFast', salted(1)).hint).toBe('next allowed at block 300');
    commit(300n, 1, salted(1));
  });

  it('TooManyUnrevealedCommits at 10 pending', () => {
    addSubnet(s, { netuid: 2, lastEpochBlock: 100n, hp: { weightsSetRateLimit: 0n } });
    fillSubnet(ctxAt(s, 10n), 2, 1);
    for (let i = 0; i < 10; i++) commit(200n, 1, salted(i), 2);
    commitFails(200n, 1, 'TooManyUnrevealedCommits', salted(10), 2);
  });

  it('InvalidArgument for a hash that is not 32 bytes of hex', () => {
    expectFailure(ctxAt(s, 200n), hotkey(1), 'commit_weights', { netuid: 1, hash: '0x1234' }, 'InvalidArgument');
  });
});

describe('reveal_weights', () => {
  it('reveals in the next epoch: weights stored, commit gone, LastUpdate untouched', () => {
    commit(200n, 1);
    runEpochAt(s, 1, 460n);
    const events = reveal(500n, 1);
    const row = s.get(Weights, [1, 0]);
    expect(Array.from(row?.cols ?? [])).toEqual([1, 2]);
    expect(Array.from(row?.vals ?? [])).toEqual([32768, 65535]);
    expect(s.get(WeightCommits, [1, hotkey(1)])).toEqual([]);
    expect(s.get(LastUpdate, 1)).toEqual([200n, 10n, 10n]);
    expect(events.map((e) => e.name)).toEqual(['WeightsSet', 'WeightsRevealed']);
  });

  it('may reveal in the block where the reveal epoch is due, before it has run', () => {
    commit(200n, 1);
    reveal(460n, 1);
    expect(s.get(Weights, [1, 0])).not.toBeNull();
  });

  it('is not rate limited', () => {
    commit(200n, 1);
    runEpochAt(s, 1, 210n);
    reveal(210n, 1);
    expect(s.get(Weights, [1, 0])).not.toBeNull();
  });

  it('removes the revealed commit and every earlier one, keeping later ones', () => {
    commit(200n, 1, salted(1));
    commit(300n, 1, salted(2));
    commit(400n, 1, salted(3));
    runEpochAt(s, 1, 460n);
    reveal(500n, 1, salted(2));
    expect(s.get(WeightCommits, [1, hotkey(1)]).map((c) => c.hash)).toEqual([hashOf(hotkey(1), salted(3))]);
  });

  it('a self-weight from a uid without permit is revealed too', () => {
    const self: Reveal = { uids: [2], values: [5], salt: [1], versionKey: 0n };
    commit(200n, 3, self);
    runEpochAt(s, 1, 460n);
    reveal(500n, 3, self);
    expect(Array.from(s.get(Weights, [1, 2])?.vals ?? [])).toEqual([65535]);
  });
});

describe('reveal_weights refusals (state unchanged)', () => {
  it('RevealTooEarly in the commit epoch, with the reveal epoch in the hint', () => {
    commit(200n, 1);
    const err = revealFails(300n, 1, 'RevealTooEarly');
    expect(err.hint).toBe('reveal in epoch 1; the current epoch is 0');
  });

  it('RevealTooEarly with a longer reveal period', () => {
    addSubnet(s, { netuid: 2, lastEpochBlock: 100n, hp: { revealPeriodEpochs: 2 } });
    fillSubnet(ctxAt(s, 10n), 2, 2);
    setEpochColumns(s, 2, { validatorPermit: [true, true] });
    const r: Reveal = { uids: [1], values: [1], salt: [], versionKey: 0n };
    commit(200n, 1, r, 2);
    runEpochAt(s, 2, 460n);
    revealFails(500n, 1, 'RevealTooEarly', r, 2);
    runEpochAt(s, 2, 820n);
    reveal(830n, 1, r, 2);
  });

  it('ExpiredWeightCommit once the reveal epoch has passed', () => {
    commit(200n, 1);
    runEpochAt(s, 1, 460n);
    runEpochAt(s, 1, 820n);
    revealFails(830n, 1, 'ExpiredWeightCommit');
  });

  it('ExpiredWeightCommit while a later commit is still pending', () => {
    commit(200n, 1, salted(1));
    runEpochAt(s, 1, 460n);
    commit(500n, 1, salted(2));
    runEpochAt(s, 1, 820n);
    revealFails(830n, 1, 'ExpiredWeightCommit', salted(1));
    reveal(830n, 1, salted(2));
  });

  it('NoWeightsCommitFound without commits, or when all expired and none matches', () => {
    revealFails(500n, 1, 'NoWeightsCommitFound');
    commit(200n, 1, salted(1));
    runEpochAt(s, 1, 460n);
    runEpochAt(s, 1, 820n);
    revealFails(830n, 1, 'NoWeightsCommitFound', salted(2));
  });

  it('InvalidRevealCommitHashNotMatch for different weights, salt or version key', () => {
    commit(200n, 1);
    runEpochAt(s, 1, 460n);
    revealFails(500n, 1, 'InvalidRevealCommitHashNotMatch', { ...W, salt: [7, 7, 8] });
    revealFails(500n, 1, 'InvalidRevealCommitHashNotMatch', { ...W, values: [10, 21] });
    revealFails(500n, 1, 'InvalidRevealCommitHashNotMatch', { ...W, versionKey: 1n });
  });

  it('another hotkey cannot reveal a commit', () => {
    commit(200n, 1);
    commit(200n, 2, salted(5));
    runEpochAt(s, 1, 460n);
    revealFails(500n, 2, 'InvalidRevealCommitHashNotMatch');
  });

  it('CommitRevealDisabled', () => {
    addSubnet(s, { netuid: 2, hp: { commitRevealEnabled: false } });
    revealFails(500n, 1, 'CommitRevealDisabled', W, 2);
  });

  it('weights that fail set_weights validation fail the reveal and keep the commit', () => {
    const bad: Reveal = { uids: [0, 1], values: [1, 1], salt: [3], versionKey: 0n };
    commit(200n, 3, bad);
    runEpochAt(s, 1, 460n);
    revealFails(500n, 3, 'NeuronNoValidatorPermit', bad);
    expect(s.get(WeightCommits, [1, hotkey(3)])).toHaveLength(1);
  });

  it('a version key below the subnet requirement fails the reveal', () => {
    addSubnet(s, { netuid: 2, lastEpochBlock: 100n, hp: { weightsVersionKey: 3n } });
    fillSubnet(ctxAt(s, 10n), 2, 3);
    setEpochColumns(s, 2, { validatorPermit: [true, true, true] });
    const old: Reveal = { ...W, versionKey: 2n };
    commit(200n, 1, old, 2);
    runEpochAt(s, 2, 460n);
    revealFails(500n, 1, 'IncorrectWeightVersionKey', old, 2);
  });
});
