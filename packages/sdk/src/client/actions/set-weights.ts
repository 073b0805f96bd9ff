import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface SetWeightsParameters {
  readonly netuid: number;
  readonly uids: readonly number[];
  /** u16 weights, one per uid. */
  readonly values: readonly number[];
  readonly versionKey?: bigint;
}
export type SetWeightsResult = TxResult;
/** Nothing is thrown for chain refusals: they come back in the result (`ok: false`, `code`, `hint`). */
export type SetWeightsError = never;

/**
 * Sets u16 weights directly (subnets without commit-reveal).
 *
 * @example
 * await setWeights(st, validatorHot, { netuid: 1, uids: [0, 1], values: [65535, 32768] });
 */
export function setWeights(
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
      args: { netuid: a.netuid, uids: [...a.uids], values: [...a.values], versionKey: a.versionKey ?? 0n },
    },
    o,
  );
}
