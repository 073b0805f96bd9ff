import { type ChainClient, request } from '../chain-client.js';
import type { SubnetInfo } from '../types.js';
import { subnetInfoOf } from './subnet.js';

export type SubnetsResult = SubnetInfo[];

/**
 * Every subnet, root included.
 *
 * @example
 * for (const s of await subnets(st)) console.log(s.netuid, s.name, s.taoIn.format());
 */
export async function subnets(client: ChainClient): Promise<SubnetsResult> {
  return (await request(client, 'taonet_allDynamicInfo')).map(subnetInfoOf);
}
