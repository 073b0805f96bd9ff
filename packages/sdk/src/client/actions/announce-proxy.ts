import { blake2b256, toHex } from '@taonet/primitives';
import { encodeRuntimeCall } from '@taonet/primitives/substrate';
import { SdkError } from '../../errors.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type CallSpec, type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface AnnounceProxyParameters {
  /** The account the signer is a (delayed) proxy of (SS58 or 0x hex). */
  readonly real: string;
  /** The call to announce; its hash is what the chain stores. */
  readonly call: CallSpec;
}
export interface RejectProxyAnnouncementParameters {
  /** The delegate that announced the call (SS58 or 0x hex). */
  readonly delegate: string;
  readonly call: CallSpec;
}
export type AnnounceProxyResult = TxResult;
/** Thrown: SdkError `InvalidAddress`, or `InvalidInput` for a call this chain cannot encode. */
export type AnnounceProxyError = SdkError;

/**
 * The hash an announcement names: blake2b-256 of the call's SCALE encoding (what any Substrate
 * client computes for the same call).
 */
export function proxyCallHash(call: CallSpec): string {
  try {
    return toHex(blake2b256(encodeRuntimeCall(call)));
  } catch (e) {
    throw new SdkError('InvalidInput', `cannot encode '${call.method}': ${(e as Error).message}`, 'check the call');
  }
}

/**
 * Announces `call`, to run as `real` with `proxyAnnounced` once the proxy's delay has passed. The
 * chain reserves an announcement deposit from the signer until the call runs or is withdrawn.
 *
 * @example
 * await announceProxy(st, hotProxy, { real: cold, call: { method: 'transfer', args: { dest, amount: TAO } } });
 */
export function announceProxy(
  client: ChainClient,
  signer: Signer,
  a: AnnounceProxyParameters,
  o?: SubmitOptions,
): Promise<AnnounceProxyResult> {
  const args = { real: toAccountHex(a.real), callHash: proxyCallHash(a.call) };
  return submit(client, signer, { method: 'announce', args }, o);
}

/**
 * Withdraws a call the signer announced for `real` (its deposit share comes back).
 *
 * @example
 * await removeProxyAnnouncement(st, hotProxy, { real: cold, call });
 */
export function removeProxyAnnouncement(
  client: ChainClient,
  signer: Signer,
  a: AnnounceProxyParameters,
  o?: SubmitOptions,
): Promise<AnnounceProxyResult> {
  const args = { real: toAccountHex(a.real), callHash: proxyCallHash(a.call) };
  return submit(client, signer, { method: 'remove_announcement', args }, o);
}

/**
 * As the real account, refuses a call `delegate` announced for it.
 *
 * @example
 * await rejectProxyAnnouncement(st, cold, { delegate: hotProxy.address, call });
 */
export function rejectProxyAnnouncement(
  client: ChainClient,
  signer: Signer,
  a: RejectProxyAnnouncementParameters,
  o?: SubmitOptions,
): Promise<AnnounceProxyResult> {
  const args = { delegate: toAccountHex(a.delegate), callHash: proxyCallHash(a.call) };
  return submit(client, signer, { method: 'reject_announcement', args }, o);
}
