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
