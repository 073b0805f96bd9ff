import type { SdkError } from '../../errors.js';
import type { Tao } from '../../units/balance.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface TransferParameters {
  /** SS58 or 0x hex. */
  readonly dest: string;
  readonly amount: Tao;
}
export type TransferResult = TxResult;
/** Thrown: SdkError `InvalidAddress`. Chain refusals come back in the result (`ok: false`, `code`, `hint`). */
export type TransferError = SdkError;

/**
 * Sends free TAO to another account.
 *
 * @example
 * const r = await transfer(st, alice, { dest: bob.ss58Address, amount: Tao.of('1.5') });
 */
export function transfer(
  client: ChainClient,
  signer: Signer,
  a: TransferParameters,
  o?: SubmitOptions,
): Promise<TransferResult> {
  return submit(client, signer, { method: 'transfer', args: { dest: toAccountHex(a.dest), amount: a.amount.rao } }, o);
}
