import type { SdkError } from '../../errors.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface IncreaseTakeParameters {
  readonly hotkey: string;
  /** u16 fraction of 65535. */
  readonly take: number;
}
export type IncreaseTakeResult = TxResult;
/** Thrown: SdkError `InvalidAddress`. Chain refusals come back in the result (`ok: false`, `code`, `hint`). */
export type IncreaseTakeError = SdkError;

/**
 * Raises a delegate hotkey's take (rate limited by the chain).
 *
 * @example
 * await increaseTake(st, alice, { hotkey, take: 11_000 });
 */
export function increaseTake(
  client: ChainClient,
  signer: Signer,
  a: IncreaseTakeParameters,
  o?: SubmitOptions,
): Promise<IncreaseTakeResult> {
  return submit(client, signer, { method: 'increase_take', args: { hotkey: toAccountHex(a.hotkey), take: a.take } }, o);
}
