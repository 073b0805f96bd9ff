import type { BeaconStatusReply } from '@taonet/primitives';
import { type ChainClient, request } from '../chain-client.js';

export type BeaconParameters = undefined;
/** Null on a chain without a beacon. */
export type BeaconResult = BeaconStatusReply | null;
export type BeaconError = never;

/**
 * The chain's drand beacon (public key, chain hash, schedule, stored rounds) with the node's block
 * time and head: what a timelocked commit is encrypted to.
 *
 * @example
 * const b = await beacon(st);
 */
export function beacon(client: ChainClient): Promise<BeaconResult> {
  return request(client, 'taonet_beacon');
}
