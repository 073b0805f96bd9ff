import type { SdkError } from '../../errors.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface UnstakeAllAlphaParameters {
  /** SS58 or 0x hex. */
  readonly hotkey: string;
}
export type UnstakeAllAlphaResult = TxResult;
/** Thrown: SdkError `InvalidAddress`. Chain refusals come back in the result (`ok: false`, `code`, `hint`). */
export type UnstakeAllAlphaError = SdkError;

/**
 * Sells the signer's alpha on `hotkey` on every subnet but root and stakes the TAO on root, same hotkey.
 *
 * @example
 * await unstakeAllAlpha(st, cold, { hotkey });
 */
export function unstakeAllAlpha(
  client: ChainClient,
  signer: Signer,
  a: UnstakeAllAlphaParameters,
  o?: SubmitOptions,
): Promise<UnstakeAllAlphaResult> {
  return submit(client, signer, { method: 'unstake_all_alpha', args: { hotkey: toAccountHex(a.hotkey) } }, o);
}
