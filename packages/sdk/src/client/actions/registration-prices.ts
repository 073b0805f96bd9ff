import { Tao } from '../../units/balance.js';
import { type ChainClient, request } from '../chain-client.js';
import { big } from '../decode.js';

export interface RegistrationPricesResult {
  /** Neuron registration price per subnet (root excluded). */
  readonly neuron: Record<number, Tao>;
  /** Price of registering a new subnet now. */
  readonly network: Tao;
}

/**
 * What registering costs now.
 *
 * @example
 * const { neuron, network } = await registrationPrices(st);
 * console.log(neuron[1]?.format(), network.format());
 */
export async function registrationPrices(client: ChainClient): Promise<RegistrationPricesResult> {
  const r = await request(client, 'taonet_registrationPrices');
  const neuron: Record<number, Tao> = {};
  for (const [k, v] of Object.entries(r.neuron)) neuron[Number(k)] = new Tao(big(v));
  return { neuron, network: new Tao(big(r.network)) };
}
