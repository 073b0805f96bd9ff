import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface SetMechanismCountParameters {
  readonly netuid: number;
  /** 1 up to the network's maximum (2 unless the admin raised it; never above 16). */
  readonly count: number;
}
export type SetMechanismCountResult = TxResult;
/** Nothing is thrown for chain refusals: they come back in the result (`ok: false`, `code`, `hint`). */
export type SetMechanismCountError = never;

/**
 * Sets how many mechanisms the subnet runs (owner or admin). Lowering it deletes the dropped
 * mechanisms' weights and bonds; any change resets the emission split to even.
 *
 * @example
 * await setMechanismCount(st, owner, { netuid: 1, count: 2 });
 */
export function setMechanismCount(
  client: ChainClient,
  signer: Signer,
  a: SetMechanismCountParameters,
  o?: SubmitOptions,
): Promise<SetMechanismCountResult> {
  return submit(
    client,
    signer,
    { method: 'sudo_set_mechanism_count', args: { netuid: a.netuid, mechanismCount: a.count } },
    o,
  );
}
