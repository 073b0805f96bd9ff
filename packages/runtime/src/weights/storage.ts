/** Weights, bonds and weight commits. */
import type { AccountId } from '@taonet/primitives';
import type { U16Row } from '../epoch/sparse-matrix.js';
import { byNetuidAccount, byNetuidUid, storageMap } from '../state/storage.js';

export const Weights = storageMap<readonly [number, number], U16Row | null>('weights.weights', byNetuidUid, () => null);
export const Bonds = storageMap<readonly [number, number], U16Row | null>('weights.bonds', byNetuidUid, () => null);

export interface WeightCommit {
  /** blake2b-256 of the SCALE-encoded (hotkey, netuid index, uids, values, salt, version key), hex. */
  readonly hash: string;
  readonly commitEpoch: bigint;
  readonly commitBlock: bigint;
}
export const WeightCommits = storageMap<readonly [number, AccountId], WeightCommit[]>(
  'weights.commits',
  byNetuidAccount,
  () => [],
);

/** One timelocked weight commit (subtensor's `(who, commit_block, commit, reveal_round)`). */
export interface TimelockedCommit {
  readonly hotkey: AccountId;
  readonly commitBlock: bigint;
  /** tlock ciphertext of the weights payload, to the beacon's `revealRound`. */
  readonly ciphertext: Uint8Array;
  readonly revealRound: bigint;
}
const byIndexEpoch = ([i, e]: readonly [number, bigint]): string => `${i}/${e}`;
/** TimelockedWeightCommits(mechanism storage index, commit epoch): the queue, in commit order. */
export const TimelockedWeightCommits = storageMap<readonly [number, bigint], TimelockedCommit[]>(
  'weights.timelockedCommits',
  byIndexEpoch,
  () => [],
);

/** Why the chain could not apply a timelocked commit at its reveal. */
export interface TimelockedRevealFailure {
  readonly commitBlock: bigint;
  readonly commitEpoch: bigint;
  readonly revealRound: bigint;
  /** The block the reveal was attempted (or the commit expired) in. */
  readonly block: bigint;
  /** A stable name: MalformedCiphertext, DecryptionFailed, UndecodablePayload, HotkeyMismatch,
   * PulseNeverArrived, or the set_weights error the revealed weights met. */
  readonly reason: string;
  readonly detail: string;
}
/** The last failed reveals per (mechanism storage index, hotkey), newest last, kept for queries. */
export const TimelockedRevealFailures = storageMap<readonly [number, AccountId], TimelockedRevealFailure[]>(
  'weights.timelockedFailures',
  byNetuidAccount,
  () => [],
);
