import type { SdkError } from '../../errors.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface BurnAlphaParameters {
  readonly hotkey: string;
  readonly netuid: number;
  /** Alpha rao; more than staked burns all of it. */
  readonly amount: bigint;
}
export type BurnAlphaResult = TxResult;
/** Thrown: SdkError `InvalidAddress`. Chain refusals come back in the result (`ok: false`, `code`, `hint`). */
export type BurnAlphaError = SdkError;

/**
 * Gives up staked alpha: it stays issued but belongs to nobody (burned).
 *
 * @example
 * await burnAlpha(st, cold, { hotkey, netuid: 2, amount: 1_000_000_000n });
 */
export function burnAlpha(
  client: ChainClient,
  signer: Signer,
  a: BurnAlphaParameters,
  o?: SubmitOptions,
): Promise<BurnAlphaResult> {
  return submit(
    client,
    signer,
    { method: 'burn_alpha', args: { hotkey: toAccountHex(a.hotkey), netuid: a.netuid, amount: a.amount } },
    o,
  );
}
