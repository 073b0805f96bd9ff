import type { HyperparameterReply } from '@taonet/primitives';
import { type ChainClient, request } from '../chain-client.js';

export type HyperparametersParameters = number;
/** Each hyperparameter with whether the owner may set it and a one-line explanation; null: no subnet. */
export type HyperparametersResult = HyperparameterReply[] | null;

/**
 * A subnet's hyperparameters.
 *
 * @example
 * const hp = await hyperparameters(st, 1);
 * console.log(hp?.find((h) => h.name === 'tempo')?.value);
 */
export function hyperparameters(
  client: ChainClient,
  netuid: HyperparametersParameters,
): Promise<HyperparametersResult> {
  return request(client, 'taonet_hyperparameters', [netuid]);
}
