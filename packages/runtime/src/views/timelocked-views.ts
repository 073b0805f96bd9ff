/**
 * The beacon and a subnet's timelocked weight commits for RPC readers: the beacon's key, schedule
 * and stored rounds (what a client encrypts to and computes reveal rounds from), the commits still
 * waiting for their round, and the reveals that failed, with their reason.
 */
import { type AccountId, blake2b256, toHex } from '@taonet/primitives';
import { BeaconConfig, LastStoredRound, OldestStoredRound } from '../drand/storage.js';
import type { State } from '../state/state.js';
import { mechanismIndices } from '../subnets/mechanism-index.js';
import { currentEpochWithLookahead, nextEpochBlock } from '../subnets/epoch-schedule-state.js';
import { Hyperparameters, SubnetEpochIndex } from '../subnets/storage.js';
import { TimelockedRevealFailures, TimelockedWeightCommits } from '../weights/storage.js';

export interface BeaconInfo {
  /** Compressed G2 public key, 0x hex. */
  readonly publicKey: string;
  readonly chainHash: string;
  /** Unix seconds of round 1, and seconds between rounds. */
  readonly genesisTime: bigint;
  readonly period: bigint;
  readonly lastStoredRound: bigint;
  readonly oldestStoredRound: bigint;
}

export function beaconInfo(s: State): BeaconInfo | null {
  const c = s.value(BeaconConfig);
  if (c === null) return null;
  return {
    publicKey: toHex(c.publicKey),
    chainHash: toHex(c.chainHash),
    genesisTime: c.genesisTime,
    period: c.period,
    lastStoredRound: s.value(LastStoredRound),
    oldestStoredRound: s.value(OldestStoredRound),
  };
}

export interface TimelockedCommitView {
  readonly hotkey: AccountId;
  readonly mecid: number;
  readonly commitEpoch: bigint;
  /** The epoch whose blocks reveal it (commit epoch + reveal period). */
  readonly revealEpoch: bigint;
  readonly commitBlock: bigint;
  readonly revealRound: bigint;
  /** blake2b-256 of the ciphertext (the commit event's hash). */
  readonly hash: string;
  readonly bytes: number;
}

export interface TimelockedFailureView {
  readonly hotkey: AccountId;
  readonly mecid: number;
  readonly commitEpoch: bigint;
  readonly commitBlock: bigint;
  readonly revealRound: bigint;
  readonly block: bigint;
  readonly reason: string;
  readonly detail: string;
}

export interface TimelockedCommits {
  readonly netuid: number;
  readonly commitRevealEnabled: boolean;
  readonly revealPeriodEpochs: number;
  /** The subnet's epoch index now. */
  readonly epoch: bigint;
  readonly lastStoredRound: bigint;
  readonly pending: TimelockedCommitView[];
  readonly failed: TimelockedFailureView[];
  /**
   * For a commit in the next block: the epoch it is filed under, the epoch that reveals it, and the
   * first block of that epoch (where a client's reveal round should have been published). Null
   * when the subnet's tempo is 0.
   */
  readonly nextCommit: { commitEpoch: bigint; revealEpoch: bigint; revealBlock: bigint } | null;
}

/**
 * The reveal of a commit made in `block`: the chain reveals the queue of epoch E − P in the blocks
 * where the subnet's epoch index is E, starting the block after the epoch that makes it E ran
 * (the reveal precedes the coinbase within a block). Automatic epochs come every `tempo` blocks.
 */
function nextCommit(s: State, netuid: number, block: bigint, period: number, tempo: number) {
  if (tempo === 0) return null;
  const commitEpoch = currentEpochWithLookahead(s, netuid, block);
  const revealEpoch = commitEpoch + BigInt(period);
  const epochsToRun = revealEpoch - s.get(SubnetEpochIndex, netuid);
  const first = nextEpochBlock(s, netuid, block);
  return { commitEpoch, revealEpoch, revealBlock: first + (epochsToRun - 1n) * BigInt(tempo) + 1n };
}

/** A subnet's pending and failed timelocked commits (all mechanisms) at head `head`, or null for no subnet. */
export function timelockedCommits(s: State, netuid: number, head: bigint): TimelockedCommits | null {
  const hp = s.get(Hyperparameters, netuid);
  if (hp === null) return null;
  const pending: TimelockedCommitView[] = [];
  const failed: TimelockedFailureView[] = [];
  mechanismIndices(s, netuid).forEach((index, mecid) => {
    for (const [key, queue] of s.entriesWithPrefix(TimelockedWeightCommits, `${index}/`)) {
      const commitEpoch = BigInt(key.slice(key.indexOf('/') + 1));
      for (const c of queue)
        pending.push({
          hotkey: c.hotkey,
          mecid,
          commitEpoch,
          revealEpoch: commitEpoch + BigInt(hp.revealPeriodEpochs),
          commitBlock: c.commitBlock,
          revealRound: c.revealRound,
          hash: toHex(blake2b256(c.ciphertext)),
          bytes: c.ciphertext.length,
        });
    }
    for (const [key, list] of s.entriesWithPrefix(TimelockedRevealFailures, `${index}/`)) {
      const hotkey = key.slice(key.indexOf('/') + 1) as AccountId;
      for (const f of list) failed.push({ hotkey, mecid, ...f });
    }
  });
  pending.sort((a, b) => (a.commitBlock < b.commitBlock ? -1 : a.commitBlock > b.commitBlock ? 1 : 0));
  failed.sort((a, b) => (a.block < b.block ? -1 : a.block > b.block ? 1 : 0));
  return {
    netuid,
    commitRevealEnabled: hp.commitRevealEnabled,
    revealPeriodEpochs: hp.revealPeriodEpochs,
    epoch: s.get(SubnetEpochIndex, netuid),
    lastStoredRound: s.value(LastStoredRound),
    pending,
    failed,
    nextCommit: nextCommit(s, netuid, head + 1n, hp.revealPeriodEpochs, hp.tempo),
  };
}
