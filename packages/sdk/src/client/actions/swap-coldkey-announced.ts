import type { SdkError } from '../../errors.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface SwapColdkeyAnnouncedParameters {
  /** The new coldkey whose hash was announced. */
  readonly newColdkey: string;
}
export type SwapColdkeyAnnouncedResult = TxResult;
/** Thrown: SdkError `InvalidAddress`. Chain refusals come back in the result (`ok: false`, `code`, `hint`). */
export type SwapColdkeyAnnouncedError = SdkError;

/**
 * Runs the signer's announced coldkey swap once its delay has passed.
 *
 * @example
 * await swapColdkeyAnnounced(st, oldCold, { newColdkey });
 */
export function swapColdkeyAnnounced(
  client: ChainClient,
  signer: Signer,
  a: SwapColdkeyAnnouncedParameters,
  o?: SubmitOptions,
): Promise<SwapColdkeyAnnouncedResult> {
  return submit(
    client,
    signer,
    { method: 'swap_coldkey_announced', args: { newColdkey: toAccountHex(a.newColdkey) } },
    o,
  );
}
