import type { SdkError } from '../../errors.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface UnstakeAllParameters {
  readonly hotkey: string;
}
export type UnstakeAllResult = TxResult;
/** Thrown: SdkError `InvalidAddress`. Chain refusals come back in the result (`ok: false`, `code`, `hint`). */
export type UnstakeAllError = SdkError;

/**
 * Unstakes everything the signer holds on `hotkey`, in every subnet, to free TAO.
 *
 * @example
 * await unstakeAll(st, alice, { hotkey });
 */
export function unstakeAll(
  client: ChainClient,
  signer: Signer,
  a: UnstakeAllParameters,
  o?: SubmitOptions,
): Promise<UnstakeAllResult> {
  return submit(client, signer, { method: 'unstake_all', args: { hotkey: toAccountHex(a.hotkey) } }, o);
}
