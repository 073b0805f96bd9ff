import type { SdkError } from '../../errors.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface RemoveStakeFullLimitParameters {
  readonly hotkey: string;
  readonly netuid: number;
  /** Lowest price (rao per alpha) the sale may reach; omitted = no limit. */
  readonly limitPrice?: bigint;
}
export type RemoveStakeFullLimitResult = TxResult;
/** Thrown: SdkError `InvalidAddress`. Chain refusals come back in the result (`ok: false`, `code`, `hint`). */
export type RemoveStakeFullLimitError = SdkError;

/**
 * Unstakes everything the signer holds on `hotkey` in one subnet, optionally no lower than a limit price.
 *
 * @example
 * await removeStakeFullLimit(st, cold, { hotkey, netuid: 2, limitPrice: 900_000_000n });
 */
export function removeStakeFullLimit(
  client: ChainClient,
  signer: Signer,
  a: RemoveStakeFullLimitParameters,
  o?: SubmitOptions,
): Promise<RemoveStakeFullLimitResult> {
  return submit(
    client,
    signer,
    {
      method: 'remove_stake_full_limit',
      args: {
        hotkey: toAccountHex(a.hotkey),
        netuid: a.netuid,
        ...(a.limitPrice === undefined ? {} : { limitPrice: a.limitPrice }),
      },
    },
    o,
  );
}
