import type { SdkError } from '../../errors.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface DecreaseTakeParameters {
  readonly hotkey: string;
  /** u16 fraction of 65535. */
  readonly take: number;
}
export type DecreaseTakeResult = TxResult;
/** Thrown: SdkError `InvalidAddress`. Chain refusals come back in the result (`ok: false`, `code`, `hint`). */
export type DecreaseTakeError = SdkError;

/**
 * Lowers a delegate hotkey's take.
 *
 * @example
 * await decreaseTake(st, alice, { hotkey, take: 9_000 });
 */
export function decreaseTake(
  client: ChainClient,
  signer: Signer,
  a: DecreaseTakeParameters,
  o?: SubmitOptions,
): Promise<DecreaseTakeResult> {
  return submit(client, signer, { method: 'decrease_take', args: { hotkey: toAccountHex(a.hotkey), take: a.take } }, o);
}
