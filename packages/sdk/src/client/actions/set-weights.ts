import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';
import { mecidArg } from './mechanism-arg.js';

export interface SetWeightsParameters {
  readonly netuid: number;
  /** The subnet mechanism the weights are for (default 0). */
  readonly mecid?: number;
  readonly uids: readonly number[];
  /** u16 weights, one per uid. */
  readonly values: readonly number[];
  readonly versionKey?: bigint;
}
export type SetWeightsResult = TxResult;
/** Nothing is thrown for chain refusals: they come back in the result (`ok: false`, `code`, `hint`). */
export type SetWeightsError = never;

/**
 * Sets u16 weights directly (subnets without commit-reveal), on mechanism `mecid` (default 0).
 *
 * @example
 * await setWeights(st, validatorHot, { netuid: 1, uids: [0, 1], values: [65535, 32768] });
 * await setWeights(st, validatorHot, { netuid: 1, mecid: 1, uids: [2], values: [65535] });
 */
export async function setWeights(
  client: ChainClient,
  hotkey: Signer,
  a: SetWeightsParameters,
  o?: SubmitOptions,
): Promise<SetWeightsResult> {
  return submit(
    client,
    hotkey,
    {
      method: 'set_weights',
      args: {
        netuid: a.netuid,
        ...mecidArg(a.mecid),
        uids: [...a.uids],
        values: [...a.values],
        versionKey: a.versionKey ?? 0n,
      },
    },
    o,
  );
}
