import type { SdkError } from '../../errors.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';
import type { ProxyType } from './proxy.js';

export interface AddProxyParameters {
  /** The account that may act for the signer (SS58 or 0x hex). */
  readonly delegate: string;
  readonly proxyType: ProxyType;
  /** Blocks an announced call must wait (default 0: the delegate acts at once, no announcement). */
  readonly delay?: bigint | number;
}
export type AddProxyResult = TxResult;
/** Thrown: SdkError `InvalidAddress`. Chain refusals come back in the result (`ok: false`, `code`, `hint`). */
export type AddProxyError = SdkError;

const definition = (a: AddProxyParameters) => ({
  delegate: toAccountHex(a.delegate),
  proxyType: a.proxyType,
  delay: BigInt(a.delay ?? 0),
});

/**
 * Lets `delegate` make the calls `proxyType` allows on the signer's behalf; with a `delay`, each
 * call must be announced first (`announceProxy`) and run with `proxyAnnounced` after it. The chain
 * reserves the proxy deposit from the signer and returns it on removal.
 *
 * @example
 * await addProxy(st, cold, { delegate: hot.ss58Address, proxyType: 'Staking' });
 */
export function addProxy(
  client: ChainClient,
  signer: Signer,
  a: AddProxyParameters,
  o?: SubmitOptions,
): Promise<AddProxyResult> {
  return submit(client, signer, { method: 'add_proxy', args: definition(a) }, o);
}

/**
 * Drops a proxy added with `addProxy` (same delegate, type and delay).
 *
 * @example
 * await removeProxy(st, cold, { delegate: hot.ss58Address, proxyType: 'Staking' });
 */
export function removeProxy(
  client: ChainClient,
  signer: Signer,
  a: AddProxyParameters,
  o?: SubmitOptions,
): Promise<AddProxyResult> {
  return submit(client, signer, { method: 'remove_proxy', args: definition(a) }, o);
}
