import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface StartCallParameters {
  readonly netuid: number;
}
export type StartCallResult = TxResult;
/** Nothing is thrown for chain refusals: they come back in the result (`ok: false`, `code`, `hint`). */
export type StartCallError = never;

/**
 * Starts a subnet's emission (owner only, once its start delay has passed).
 *
 * @example
 * await startCall(st, bob, { netuid });
 */
export function startCall(
  client: ChainClient,
  signer: Signer,
  a: StartCallParameters,
  o?: SubmitOptions,
): Promise<StartCallResult> {
  return submit(client, signer, { method: 'start_call', args: { netuid: a.netuid } }, o);
}
