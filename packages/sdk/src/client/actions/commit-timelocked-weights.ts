import { encodeTimelockedWeightsPayload, fromHex, timelockEncrypt } from '@taonet/primitives';
import type { ChainClient } from '../chain-client.js';
import { big } from '../decode.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';
import { beacon } from './beacon.js';
import { mecidArg } from './mechanism-arg.js';
import { chooseRevealRound } from './reveal-round.js';
import { timelockedCommits } from './timelocked-commits.js';

/** The commit-reveal version subtensor's clients send and the chain requires. */
export const COMMIT_REVEAL_VERSION = 4;

export interface CommitTimelockedWeightsParameters {
  readonly netuid: number;
  readonly mecid?: number;
  readonly uids: readonly number[];
  /** u16 weights, one per uid. */
  readonly values: readonly number[];
  readonly versionKey?: bigint;
  /** The beacon round to encrypt to; by default the round published when the reveal epoch starts. */
  readonly revealRound?: bigint;
}
export interface CommitTimelockedWeightsResult {
  /** The round the weights were encrypted to (the chain reveals them at that round's pulse). */
  readonly revealRound: bigint;
  readonly result: TxResult;
}
/** Thrown when the chain has no beacon or the subnet no epochs: nothing to encrypt to. */
export class NoBeaconError extends Error {
  override readonly name = 'NoBeaconError';
  readonly code = 'NoBeaconConfigured';
  readonly hint = 'use commitWeights (hashed commit-reveal) on this chain';
}
export type CommitTimelockedWeightsError = NoBeaconError;

/**
 * The round to encrypt a commit made now to (`chooseRevealRound`): the node says which block starts
 * the reveal epoch; times are the head's plus blocks at the chain's block time. Never a round that
 * could be on chain by the time a block carries the commit.
 */
export async function revealRoundFor(client: ChainClient, netuid: number): Promise<bigint> {
  const [b, t] = await Promise.all([beacon(client), timelockedCommits(client, netuid)]);
  if (b === null) throw new NoBeaconError('the chain has no drand beacon to encrypt to');
  if (t?.nextCommit == null) throw new NoBeaconError(`subnet ${netuid} has no epochs to reveal in`);
  return chooseRevealRound({
    headTimestampMs: big(b.headTimestamp),
    blockTimeMs: BigInt(b.blockTimeMs),
    blocksToReveal: big(t.nextCommit.revealBlock) - big(b.head),
    genesisTime: big(b.genesisTime),
    period: big(b.period),
    lastStoredRound: big(b.lastStoredRound),
  });
}

/**
 * Commits u16 weights encrypted to a beacon round (subtensor's commit-reveal v4): the chain itself
 * decrypts and applies them when that round's pulse is on chain, in the reveal epoch; no reveal
 * transaction follows. The payload names the hotkey, as bittensor's does.
 *
 * @example
 * const { revealRound } = await commitTimelockedWeights(st, hot, { netuid: 1, uids: [0, 1], values: [65535, 100] });
 */
export async function commitTimelockedWeights(
  client: ChainClient,
  hotkey: Signer,
  a: CommitTimelockedWeightsParameters,
  o?: SubmitOptions,
): Promise<CommitTimelockedWeightsResult> {
  const b = await beacon(client);
  if (b === null) throw new NoBeaconError('the chain has no drand beacon to encrypt to');
  const revealRound = a.revealRound ?? (await revealRoundFor(client, a.netuid));
  const payload = encodeTimelockedWeightsPayload({
    hotkeyPublicKey: hotkey.publicKey,
    uids: a.uids,
    values: a.values,
    versionKey: a.versionKey ?? 0n,
  });
  const entropy = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));
  const commit = timelockEncrypt(fromHex(b.publicKey), revealRound, payload, entropy);
  const result = await submit(
    client,
    hotkey,
    {
      method: 'commit_timelocked_weights',
      args: { netuid: a.netuid, ...mecidArg(a.mecid), commit, revealRound, commitRevealVersion: COMMIT_REVEAL_VERSION },
    },
    o,
  );
  return { revealRound, result };
}
