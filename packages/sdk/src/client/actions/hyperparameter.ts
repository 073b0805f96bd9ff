import type { ChainClient } from '../chain-client.js';
import { hyperparameters } from './hyperparameters.js';

export interface HyperparameterParameters {
  readonly netuid: number;
  /** As the chain names it, e.g. `commitRevealEnabled`. */
  readonly name: string;
}
/** Undefined when the subnet or the name does not exist. */
export type HyperparameterResult<T> = T | undefined;

/**
 * One hyperparameter's value.
 *
 * @example
 * const cr = await hyperparameter<boolean>(st, { netuid: 1, name: 'commitRevealEnabled' });
 */
export async function hyperparameter<T = unknown>(
  client: ChainClient,
  { netuid, name }: HyperparameterParameters,
): Promise<HyperparameterResult<T>> {
  const hp = await hyperparameters(client, netuid);
  return hp?.find((h) => h.name === name)?.value as T | undefined;
}
