import type { SdkError } from '../../errors.js';
import type { Alpha } from '../../units/balance.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface TransferStakeParameters {
  readonly destColdkey: string;
  readonly hotkey: string;
  readonly originNetuid: number;
  readonly destNetuid: number;
  readonly amount: Alpha;
}
export type TransferStakeResult = TxResult;
/** Thrown: SdkError `InvalidAddress`. Chain refusals come back in the result (`ok: false`, `code`, `hint`). */
export type TransferStakeError = SdkError;

/**
 * Gives stake (same hotkey) to another coldkey, optionally into another subnet.
 *
 * @example
 * await transferStake(st, alice, { destColdkey: bob.ss58Address, hotkey, originNetuid: 1, destNetuid: 1, amount: Alpha.of('1', 1) });
 */
export function transferStake(
  client: ChainClient,
  signer: Signer,
  a: TransferStakeParameters,
  o?: SubmitOptions,
): Promise<TransferStakeResult> {
  return submit(
    client,
    signer,
    {
      method: 'transfer_stake',
      args: {
        destColdkey: toAccountHex(a.destColdkey),
        hotkey: toAccountHex(a.hotkey),
        originNetuid: a.originNetuid,
        destNetuid: a.destNetuid,
        amount: a.amount.rao,
      },
    },
    o,
  );
}
