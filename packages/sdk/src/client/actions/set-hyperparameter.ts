import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface SetHyperparameterParameters {
  readonly netuid: number;
  readonly name: string;
  readonly value: number | bigint | boolean | string;
}
export type SetHyperparameterResult = TxResult;
/** Nothing is thrown for chain refusals: they come back in the result (`ok: false`, `code`, `hint`). */
export type SetHyperparameterError = never;

/**
 * Sets one subnet hyperparameter (owner for owner-settable ones, else the chain admin).
 *
 * @example
 * await setHyperparameter(st, alice, { netuid: 1, name: 'weightsSetRateLimit', value: 100n });
 */
export function setHyperparameter(
  client: ChainClient,
  signer: Signer,
  a: SetHyperparameterParameters,
  o?: SubmitOptions,
): Promise<SetHyperparameterResult> {
  return submit(
    client,
    signer,
    { method: 'set_hyperparameter', args: { netuid: a.netuid, name: a.name, value: a.value } },
    o,
  );
}
