/** commit_timelocked_weights and the chain's own reveal at the beacon round (commit-reveal v4). */
import {
  accountToBytes,
  DEV_BEACON_PUBLIC_KEY,
  devBeaconPulse,
  encodeTimelockedWeightsPayload,
  timelockEncrypt,
} from '@taonet/primitives';
import { sha256 } from '@noble/hashes/sha2.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { BeaconConfig, LastStoredRound } from '../src/drand/storage.js';
import { writePulses } from '../src/drand/write-pulses.js';
import { LastUpdate } from '../src/neurons/storage.js';
import { BlockNumber } from '../src/params/storage.js';
import type { State } from '../src/state/state.js';
import { Hyperparameters } from '../src/subnets/storage.js';
import { TimelockedRevealFailures, TimelockedWeightCommits, Weights } from '../src/weights/storage.js';
import { revealTimelockedCommits } from '../src/weights/timelocked-reveal.js';
import { timelockedCommits } from '../src/views/timelocked-views.js';
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
const ROUND = 1000n;

/** Deterministic entropy: sha256 of a label and a counter, as many bytes as asked. */
function entropyFrom(label: string) {
  let n = 0;
  return (len: number): Uint8Array => {
    const out = new Uint8Array(len);
    for (let i = 0; i < len; i += 32)
      out.set(sha256(new TextEncoder().encode(`${label}/${n++}`)).subarray(0, len - i), i);
    return out;
  };
}

function sealed(committer: number, round = ROUND, uids = [1, 2], values = [10, 20], payloadHotkey = committer) {
  const payload = encodeTimelockedWeightsPayload({
    hotkeyPublicKey: accountToBytes(hotkey(payloadHotkey)),
    uids,
    values,
    versionKey: 0n,
  });
  return timelockEncrypt(DEV_BEACON_PUBLIC_KEY, round, payload, entropyFrom(`c${committer}/${round}`));
}

const commit = (block: bigint, hot: number, ciphertext: Uint8Array, revealRound = ROUND, extra = {}) =>
  call(ctxAt(s, block), hotkey(hot), 'commit_timelocked_weights', {
    netuid: 1,
    commit: ciphertext,
    revealRound,
    commitRevealVersion: 4,
    ...extra,
  });
const commitFails = (block: bigint, hot: number, args: Record<string, unknown>, code: string) =>
  expectFailure(
    ctxAt(s, block),
    hotkey(hot),
    'commit_timelocked_weights',
    { netuid: 1, commit: sealed(hot), revealRound: ROUND, commitRevealVersion: 4, ...args },
    code,
  );

/** Runs the block step's reveal at `block`, after writing `rounds` as that block's pulses. */
function blockWith(block: bigint, ...rounds: bigint[]) {
  const ctx = ctxAt(s, block);
  if (rounds.length > 0) writePulses(ctx, rounds.map(devBeaconPulse));
  ctx.events.length = 0;
  revealTimelockedCommits(ctx);
  return ctx.events;
}

/**
 * Subnet 1: commit-reveal on, tempo 360, reveal period 1, no rate limit; its last epoch ran at
 * block 100 (index 0). Hotkeys 1..3 hold uids 0..2; uids 0 and 1 have permits. The dev beacon from
 * unix 0 with 3 s rounds; a block is 12 s, so block b may carry rounds up to 4b + 1.
 */
beforeEach(() => {
  s = newState();
  addSubnet(s, {
    netuid: 1,
    lastEpochBlock: 100n,
    hp: { tempo: 360, revealPeriodEpochs: 1, weightsSetRateLimit: 0n, commitRevealEnabled: true },
  });
  fillSubnet(ctxAt(s, 10n), 1, 3);
  setEpochColumns(s, 1, { validatorPermit: [true, true, false] });
  s.put(BeaconConfig, {
    publicKey: DEV_BEACON_PUBLIC_KEY,
    genesisTime: 0n,
    period: 3n,
    chainHash: new Uint8Array(32),
  });
});

describe('commit_timelocked_weights', () => {
  it('files the ciphertext under the current epoch and counts as activity', () => {
    const ct = sealed(1);
    const events = commit(200n, 1, ct);
    expect(s.get(TimelockedWeightCommits, [1, 0n])).toEqual([
      { hotkey: hotkey(1), commitBlock: 200n, ciphertext: ct, revealRound: ROUND },
    ]);
    expect(s.get(LastUpdate, 1)?.[0]).toBe(200n);
    expect(events[0]?.name).toBe('TimelockedWeightsCommitted');
    expect(events[0]?.data.revealRound).toBe(ROUND);
  });

  it('refuses, changing nothing: version, disabled, size, past round, no beacon, unregistered', () => {
    commitFails(200n, 1, { commitRevealVersion: 3 }, 'IncorrectCommitRevealVersion');
    commitFails(200n, 1, { commit: new Uint8Array(5001) }, 'TimelockedCommitTooLarge');
    commitFails(200n, 9, {}, 'HotKeyNotRegisteredInSubNet');
    writePulses(ctxAt(s, 300n), [devBeaconPulse(ROUND)]);
    commitFails(301n, 1, {}, 'InvalidRevealRound');
    commit(301n, 1, sealed(1, ROUND + 1n), ROUND + 1n);
    const hp = s.get(Hyperparameters, 1);
    if (hp === null) throw new Error('subnet 1 has no hyperparameters');
    s.set(Hyperparameters, 1, { ...hp, commitRevealEnabled: false });
    commitFails(302n, 1, { revealRound: ROUND + 5n }, 'CommitRevealDisabled');
    s.set(Hyperparameters, 1, hp);
    s.put(BeaconConfig, null);
    commitFails(302n, 1, { revealRound: ROUND + 5n }, 'NoBeaconConfigured');
  });

  it('allows at most 10 commits per hotkey per epoch', () => {
    for (let i = 0; i < 10; i++) commit(200n + BigInt(i), 1, sealed(1));
    commitFails(220n, 1, {}, 'TooManyUnrevealedCommits');
  });
});

describe('the reveal', () => {
  it('happens in the reveal epoch at exactly the block that carries the round, with no transaction', () => {
    commit(200n, 1, sealed(1));
    // Still the commit epoch: the pulse arriving early reveals nothing.
    expect(blockWith(300n, ROUND - 2n)).toEqual([]);
    runEpochAt(s, 1, 460n);
    // Reveal epoch, the round not yet on chain: the commit waits.
    expect(blockWith(461n, ROUND - 1n)).toEqual([]);
    expect(s.get(TimelockedWeightCommits, [1, 0n])).toHaveLength(1);
    expect(timelockedCommits(s, 1, s.value(BlockNumber))?.pending).toEqual([
      expect.objectContaining({ hotkey: hotkey(1), commitEpoch: 0n, revealEpoch: 1n, revealRound: ROUND }),
    ]);
    expect(s.get(Weights, [1, 0])).toBeNull();
    const events = blockWith(462n, ROUND);
    expect(s.value(LastStoredRound)).toBe(ROUND);
    expect(events.map((e) => e.name)).toContain('TimelockedWeightsRevealed');
    const row = s.get(Weights, [1, 0]);
    expect([...(row?.cols ?? [])]).toEqual([1, 2]);
    expect([...(row?.vals ?? [])]).toEqual([32768, 65535]);
    expect(s.get(TimelockedWeightCommits, [1, 0n])).toEqual([]);
  });

  it('reveals when the round was already on chain as the reveal epoch starts', () => {
    commit(200n, 1, sealed(1));
    blockWith(300n, ROUND);
    runEpochAt(s, 1, 460n);
    expect(blockWith(461n).map((e) => e.name)).toContain('TimelockedWeightsRevealed');
    expect(s.get(Weights, [1, 0])).not.toBeNull();
  });

  it('a bad ciphertext emits the failure with its reason and stays queryable', () => {
    const garbage = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) & 0xff);
    commit(200n, 1, garbage);
    const otherRound = sealed(2, ROUND + 1n); // encrypted to another round than it claims
    commit(201n, 2, otherRound);
    runEpochAt(s, 1, 460n);
    const events = blockWith(461n, ROUND);
    const failed = events.filter((e) => e.name === 'TimelockedWeightsRevealFailed');
    expect(failed.map((e) => [e.data.hotkey, e.data.reason])).toEqual([
      [hotkey(1), 'MalformedCiphertext'],
      [hotkey(2), 'DecryptionFailed'],
    ]);
    expect(s.get(TimelockedRevealFailures, [1, hotkey(1)])).toEqual([
      expect.objectContaining({ reason: 'MalformedCiphertext', revealRound: ROUND, commitBlock: 200n, block: 461n }),
    ]);
    expect(s.get(Weights, [1, 0])).toBeNull();
    expect(s.get(Weights, [1, 1])).toBeNull();
    const view = timelockedCommits(s, 1, s.value(BlockNumber));
    expect(view?.pending).toEqual([]);
    expect(view?.failed.map((f) => [f.hotkey, f.reason, f.revealRound])).toEqual([
      [hotkey(1), 'MalformedCiphertext', ROUND],
      [hotkey(2), 'DecryptionFailed', ROUND],
    ]);
  });

  it('a payload for another hotkey, or weights set_weights refuses, fail with their reason', () => {
    commit(200n, 1, sealed(1, ROUND, [1, 2], [10, 20], 2));
    commit(201n, 2, sealed(2, ROUND, [1, 1], [10, 20]));
    runEpochAt(s, 1, 460n);
    const reasons = blockWith(461n, ROUND)
      .filter((e) => e.name === 'TimelockedWeightsRevealFailed')
      .map((e) => e.data.reason);
    expect(reasons).toEqual(['HotkeyMismatch', 'DuplicateUids']);
  });

  it('a commit whose round never came before its epoch ended fails as PulseNeverArrived', () => {
    commit(200n, 1, sealed(1, 5000n), 5000n);
    runEpochAt(s, 1, 460n);
    expect(blockWith(461n, ROUND)).toEqual([]);
    runEpochAt(s, 1, 820n);
    const events = blockWith(821n, ROUND + 1n);
    expect(events.map((e) => e.data.reason)).toEqual(['PulseNeverArrived']);
    expect(s.get(TimelockedWeightCommits, [1, 0n])).toEqual([]);
    expect(s.get(TimelockedRevealFailures, [1, hotkey(1)])[0]?.reason).toBe('PulseNeverArrived');
  });
});
