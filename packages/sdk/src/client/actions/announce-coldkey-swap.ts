import { blake2b256 } from '@taonet/primitives';
import { fromHex, toHex } from '../../bytes.js';
import type { SdkError } from '../../errors.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface AnnounceColdkeySwapParameters {
  /** The new coldkey (SS58 or 0x hex); only its hash goes on chain until the swap runs. */
  readonly newColdkey: string;
}
export type AnnounceColdkeySwapResult = TxResult;
/** Thrown: SdkError `InvalidAddress`. Chain refusals come back in the result (`ok: false`, `code`, `hint`). */
export type AnnounceColdkeySwapError = SdkError;

/** The hash a coldkey swap announces: blake2b-256 of the new coldkey's 32 bytes, 0x hex. */
export function coldkeySwapHash(newColdkey: string): string {
  return toHex(blake2b256(fromHex(toAccountHex(newColdkey))));
}

/**
 * Announces a swap of the signer's coldkey to `newColdkey` (pays the swap cost). The swap can run
 * after the announcement delay with `swapColdkeyAnnounced`; meanwhile the coldkey may make only
 * the swap calls.
 *
 * @example
 * await announceColdkeySwap(st, oldCold, { newColdkey: fresh.ss58Address });
 */
export function announceColdkeySwap(
  client: ChainClient,
  signer: Signer,
  a: AnnounceColdkeySwapParameters,
  o?: SubmitOptions,
): Promise<AnnounceColdkeySwapResult> {
  return submit(
    client,
    signer,
    { method: 'announce_coldkey_swap', args: { newColdkeyHash: coldkeySwapHash(a.newColdkey) } },
    o,
  );
}
