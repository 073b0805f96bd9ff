import type { SdkError } from '../../errors.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export type DisputeColdkeySwapParameters = Record<string, never>;
export type DisputeColdkeySwapResult = TxResult;
/** Thrown: SdkError `InvalidAddress`. Chain refusals come back in the result (`ok: false`, `code`, `hint`). */
export type DisputeColdkeySwapError = SdkError;

/**
 * Disputes the signer's announced coldkey swap: the coldkey is frozen until the admin resets it.
 *
 * @example
 * await disputeColdkeySwap(st, cold, {});
 */
export function disputeColdkeySwap(
  client: ChainClient,
  signer: Signer,
  _a: DisputeColdkeySwapParameters,
  o?: SubmitOptions,
): Promise<DisputeColdkeySwapResult> {
  return submit(client, signer, { method: 'dispute_coldkey_swap', args: {} }, o);
}
