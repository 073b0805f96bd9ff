import type { SdkError } from '../../errors.js';
import type { Alpha } from '../../units/balance.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface SwapStakeParameters {
  readonly hotkey: string;
  readonly originNetuid: number;
  readonly destNetuid: number;
  readonly amount: Alpha;
}
export type SwapStakeResult = TxResult;
/** Thrown: SdkError `InvalidAddress`. Chain refusals come back in the result (`ok: false`, `code`, `hint`). */
export type SwapStakeError = SdkError;

/**
 * Swaps the signer's stake on one hotkey from one subnet to another.
 *
 * @example
 * await swapStake(st, alice, { hotkey, originNetuid: 1, destNetuid: 2, amount: Alpha.of('1', 1) });
 */
export function swapStake(
  client: ChainClient,
  signer: Signer,
  a: SwapStakeParameters,
  o?: SubmitOptions,
): Promise<SwapStakeResult> {
  return submit(
    client,
    signer,
    {
      method: 'swap_stake',
      args: {
        hotkey: toAccountHex(a.hotkey),
        originNetuid: a.originNetuid,
        destNetuid: a.destNetuid,
        amount: a.amount.rao,
      },
    },
    o,
  );
}
