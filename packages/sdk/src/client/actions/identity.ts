import type { SdkError } from '../../errors.js';
import { toAccountHex, toSs58 } from '../address.js';
import { type ChainClient, request } from '../chain-client.js';
import type { ChainIdentity } from './set-identity.js';

export interface IdentityParameters {
  /** SS58 or 0x hex. */
  readonly coldkey: string;
}
export type IdentityResult = ChainIdentity | null;
/** Thrown: SdkError `InvalidAddress`. */
export type IdentityError = SdkError;

/**
 * A coldkey's on-chain identity, or null if it has none.
 *
 * @example
 * const id = await identity(st, { coldkey });
 * console.log(id?.name ?? 'anonymous');
 */
export async function identity(client: ChainClient, a: IdentityParameters): Promise<IdentityResult> {
  return request(client, 'taonet_identity', [toAccountHex(a.coldkey)]);
}

/**
 * Every coldkey identity on chain, by coldkey (SS58), e.g. to name validators in a table.
 *
 * @example
 * const names = new Map((await identities(st)).map((e) => [e.coldkey, e.identity.name]));
 */
export async function identities(client: ChainClient): Promise<{ coldkey: string; identity: ChainIdentity }[]> {
  const r = await request(client, 'taonet_identities', []);
  return r.map((e) => ({ coldkey: toSs58(e.coldkey), identity: e.identity }));
}
