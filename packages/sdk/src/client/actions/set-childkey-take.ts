import type { SdkError } from '../../errors.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface SetChildkeyTakeParameters {
  /** The child hotkey (owned by the signer's coldkey). */
  readonly hotkey: string;
  readonly netuid: number;
  /** Parts of 65535; the chain allows up to 11796 (18%). */
  readonly take: number;
}
export type SetChildkeyTakeResult = TxResult;
/** Thrown: SdkError `InvalidAddress`. Chain refusals come back in the result (`ok: false`, `code`, `hint`). */
export type SetChildkeyTakeError = SdkError;

/**
 * Sets the share a child hotkey keeps of what its parents earn through it (raises are rate limited).
 *
 * @example
 * await setChildkeyTake(st, cold, { hotkey: child, netuid: 2, take: 5898 });
 */
export function setChildkeyTake(
  client: ChainClient,
  signer: Signer,
  a: SetChildkeyTakeParameters,
  o?: SubmitOptions,
): Promise<SetChildkeyTakeResult> {
  return submit(
    client,
    signer,
    { method: 'set_childkey_take', args: { hotkey: toAccountHex(a.hotkey), netuid: a.netuid, take: a.take } },
    o,
  );
}
