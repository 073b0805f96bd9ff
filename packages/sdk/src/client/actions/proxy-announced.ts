import type { SdkError } from '../../errors.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type CallSpec, type SubmitOptions, submit } from '../submit.js';
import { type ProxyResult, type ProxyType, withInner } from './proxy.js';

export interface ProxyAnnouncedParameters {
  /** The delegate that announced the call (SS58 or 0x hex). */
  readonly delegate: string;
  /** The account the call runs as. */
  readonly real: string;
  /** The announced call, exactly as announced. */
  readonly call: CallSpec;
  readonly forceProxyType?: ProxyType;
}
export type ProxyAnnouncedResult = ProxyResult;
/** Thrown: SdkError `InvalidAddress`. `Unannounced` (too early, or never announced) comes back in the result. */
export type ProxyAnnouncedError = SdkError;

/**
 * Runs a call `delegate` announced for `real`, once the proxy's delay has passed; any account may
 * sign it. `inner` reports the call's own outcome.
 *
 * @example
 * await proxyAnnounced(st, anyone, { delegate: hotProxy.address, real: cold, call });
 */
export async function proxyAnnounced(
  client: ChainClient,
  signer: Signer,
  a: ProxyAnnouncedParameters,
  o?: SubmitOptions,
): Promise<ProxyAnnouncedResult> {
  const args = {
    delegate: toAccountHex(a.delegate),
    real: toAccountHex(a.real),
    call: a.call,
    ...(a.forceProxyType === undefined ? {} : { forceProxyType: a.forceProxyType }),
  };
  return withInner(await submit(client, signer, { method: 'proxy_announced', args }, o));
}
