import type { SdkError } from '../../errors.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface RecycleAlphaParameters {
  readonly hotkey: string;
  readonly netuid: number;
  /** Alpha rao; more than staked recycles all of it. */
  readonly amount: bigint;
}
export type RecycleAlphaResult = TxResult;
/** Thrown: SdkError `InvalidAddress`. Chain refusals come back in the result (`ok: false`, `code`, `hint`). */
export type RecycleAlphaError = SdkError;

/**
 * Gives up staked alpha: it leaves the subnet's issuance (recycled).
 *
 * @example
 * await recycleAlpha(st, cold, { hotkey, netuid: 2, amount: 1_000_000_000n });
 */
export function recycleAlpha(
  client: ChainClient,
  signer: Signer,
  a: RecycleAlphaParameters,
  o?: SubmitOptions,
): Promise<RecycleAlphaResult> {
  return submit(
    client,
    signer,
    { method: 'recycle_alpha', args: { hotkey: toAccountHex(a.hotkey), netuid: a.netuid, amount: a.amount } },
    o,
  );
}
