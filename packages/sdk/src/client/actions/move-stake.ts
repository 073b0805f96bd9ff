import type { SdkError } from '../../errors.js';
import type { Alpha } from '../../units/balance.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface MoveStakeParameters {
  readonly originHotkey: string;
  readonly destHotkey: string;
  readonly originNetuid: number;
  readonly destNetuid: number;
  readonly amount: Alpha;
}
export type MoveStakeResult = TxResult;
/** Thrown: SdkError `InvalidAddress`. Chain refusals come back in the result (`ok: false`, `code`, `hint`). */
export type MoveStakeError = SdkError;

/**
 * Moves stake of the signer (coldkey) between hotkeys and/or subnets.
 *
 * @example
 * await moveStake(st, alice, { originHotkey: a, destHotkey: b, originNetuid: 1, destNetuid: 2, amount: Alpha.of('1', 1) });
 */
export function moveStake(
  client: ChainClient,
  signer: Signer,
  a: MoveStakeParameters,
  o?: SubmitOptions,
): Promise<MoveStakeResult> {
  return submit(
    client,
    signer,
    {
      method: 'move_stake',
      args: {
        originHotkey: toAccountHex(a.originHotkey),
        destHotkey: toAccountHex(a.destHotkey),
        originNetuid: a.originNetuid,
        destNetuid: a.destNetuid,
        amount: a.amount.rao,
      },
    },
    o,
  );
}
