import { fromHex, timelockEncrypt } from '@taonet/primitives';
import { SdkError } from '../../errors.js';
import type { ChainClient } from '../chain-client.js';
import { big } from '../decode.js';
import type { Signer } from '../signer.js';
import type { SubmitOptions } from '../submit.js';
import type { TxResult } from '../types.js';
import { beacon } from './beacon.js';
import { NoBeaconError } from './commit-timelocked-weights.js';
import { chooseRevealRound } from './reveal-round.js';
import { setCommitment } from './set-commitment.js';

/** The reference SDK's default wait before a sealed commitment opens. */
export const DEFAULT_BLOCKS_UNTIL_REVEAL = 360;

export interface SetRevealCommitmentParameters {
  readonly netuid: number;
  /** What to publish once the round arrives: text (UTF-8) or bytes, at most 512 before sealing. */
  readonly data: string | Uint8Array;
  /** Blocks from the head until the chain opens it (default 360, as the reference SDK's). */
  readonly blocksUntilReveal?: number;
  /** The beacon round to seal to, instead of one counted from `blocksUntilReveal`. */
  readonly revealRound?: bigint;
}
export interface SetRevealCommitmentResult {
  /** The round sealed to: the chain reveals the data into its revealed commitments at that pulse. */
  readonly revealRound: bigint;
  readonly result: TxResult;
}
/** Thrown: NoBeaconError (no beacon on the chain), SdkError `InvalidArgument` (size, round). */
export type SetRevealCommitmentError = NoBeaconError | SdkError;

const MAX_PLAINTEXT = 512;

/**
 * Publishes a commitment sealed to a future beacon round (the reference SDK's
 * set_reveal_commitment): nobody can read it until the chain itself opens it at that round's pulse,
 * after which `commitment()` lists it under `revealed`. Encrypted to the chain's own beacon, so it
 * works on a dev chain as on one following drand quicknet. Sign with the hotkey.
 *
 * @example
 * const { revealRound } = await setRevealCommitment(st, hotkey, { netuid: 2, data: 'model=v4', blocksUntilReveal: 20 });
 */
export async function setRevealCommitment(
  client: ChainClient,
  hotkey: Signer,
  a: SetRevealCommitmentParameters,
  o?: SubmitOptions,
): Promise<SetRevealCommitmentResult> {
  const plaintext = typeof a.data === 'string' ? new TextEncoder().encode(a.data) : a.data;
  if (plaintext.length === 0 || plaintext.length > MAX_PLAINTEXT)
    throw new SdkError(
      'InvalidArgument',
      `${plaintext.length} bytes cannot be sealed in a commitment`,
      `seal between 1 and ${MAX_PLAINTEXT} bytes (a hash of larger data)`,
    );
  const blocks = a.blocksUntilReveal ?? DEFAULT_BLOCKS_UNTIL_REVEAL;
  if (!Number.isSafeInteger(blocks) || blocks < 1)
    throw new SdkError('InvalidArgument', `blocksUntilReveal ${blocks}`, 'give a whole number of blocks, at least 1');
  const b = await beacon(client);
  if (b === null) throw new NoBeaconError('the chain has no drand beacon to seal a commitment to');
  const revealRound =
    a.revealRound ??
    chooseRevealRound({
      headTimestampMs: big(b.headTimestamp),
      blockTimeMs: BigInt(b.blockTimeMs),
      blocksToReveal: BigInt(blocks),
      genesisTime: big(b.genesisTime),
      period: big(b.period),
      lastStoredRound: big(b.lastStoredRound),
    });
  if (revealRound <= big(b.lastStoredRound))
    throw new SdkError(
      'InvalidArgument',
      `round ${revealRound} is already on chain`,
      `seal to a round after ${b.lastStoredRound}, or it opens at once`,
    );
  const entropy = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));
  const sealed = timelockEncrypt(fromHex(b.publicKey), revealRound, plaintext, entropy);
  const result = await setCommitment(
    client,
    hotkey,
    { netuid: a.netuid, fields: [{ kind: 'timelockEncrypted', data: sealed, revealRound }] },
    o,
  );
  return { revealRound, result };
}
