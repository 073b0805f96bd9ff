import { toHex } from '../../bytes.js';
import { weightsCommitHash } from '../../weights/commit-hash.js';
import { mechStorageIndex } from '../../weights/storage-index.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';
import { mecidArg } from './mechanism-arg.js';

/** What a reveal needs, kept from the commit. */
export interface PendingCommit {
  readonly netuid: number;
  /** The mechanism the weights are for (absent = 0). */
  readonly mecid?: number;
  /** 0x hex of the committing hotkey. */
  readonly hotkey: string;
  readonly uids: readonly number[];
  readonly values: readonly number[];
  readonly salt: readonly number[];
  readonly versionKey: bigint;
  /** The committed hash (0x hex). */
  readonly hash: string;
  /** Block of the commit (0 when it did not land). */
  readonly committedAt: bigint;
}

export interface CommitWeightsParameters {
  readonly netuid: number;
  /** The subnet mechanism the weights are for (default 0). */
  readonly mecid?: number;
  readonly uids: readonly number[];
  /** u16 weights, one per uid. */
  readonly values: readonly number[];
  readonly versionKey?: bigint;
  /** Defaults to 8 random u16s. */
  readonly salt?: readonly number[];
}
export interface CommitWeightsResult {
  readonly commit: PendingCommit;
  readonly result: TxResult;
}
/** Nothing is thrown for chain refusals: they come back in `result`. */
export type CommitWeightsError = never;

function randomSalt(n = 8): number[] {
  const b = new Uint16Array(n);
  globalThis.crypto.getRandomValues(b);
  return Array.from(b);
}

/**
 * Commits the hash of u16 weights; keeps what is needed to reveal them in `client.pendingCommits`
 * when the commit lands.
 *
 * @example
 * const { commit, result } = await commitWeights(st, hot, { netuid: 1, uids: [0, 1], values: [65535, 100] });
 */
export async function commitWeights(
  client: ChainClient,
  hotkey: Signer,
  a: CommitWeightsParameters,
  o?: SubmitOptions,
): Promise<CommitWeightsResult> {
  const salt = a.salt ?? randomSalt();
  const versionKey = a.versionKey ?? 0n;
  const hash = toHex(
    weightsCommitHash({
      hotkeyPublicKey: hotkey.publicKey,
      storageIndex: mechStorageIndex(a.netuid, a.mecid ?? 0),
      uids: a.uids,
      values: a.values,
      salt,
      versionKey,
    }),
  );
  const mecid = mecidArg(a.mecid);
  const result = await submit(
    client,
    hotkey,
    { method: 'commit_weights', args: { netuid: a.netuid, ...mecid, hash } },
    o,
  );
  const commit: PendingCommit = {
    netuid: a.netuid,
    ...mecid,
    hotkey: toHex(hotkey.publicKey),
    uids: a.uids,
    values: a.values,
    salt,
    versionKey,
    hash,
    committedAt: result.blockNumber ?? 0n,
  };
  if (result.ok) client.pendingCommits.set(hash, commit);
  return { commit, result };
}
