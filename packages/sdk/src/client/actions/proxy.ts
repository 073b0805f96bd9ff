import type { SdkError } from '../../errors.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type CallSpec, type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';
import type { ProxyType } from '@taonet/primitives/substrate/proxy-types';

/** The chain's proxy types (subtensor's), in their on-chain order. */
export { PROXY_TYPES, type ProxyType } from '@taonet/primitives/substrate/proxy-types';

export interface ProxyParameters {
  /** The account the signer is a proxy of (SS58 or 0x hex). */
  readonly real: string;
  /** The call to make as `real`, as the chain reads it: `{ method, args }` with hex accounts. */
  readonly call: CallSpec;
  /** Which of the signer's proxy types to use, if it has several. */
  readonly forceProxyType?: ProxyType;
}
export interface ProxyResult extends TxResult {
  /** Whether the inner call succeeded (the proxy call itself succeeds either way), and its error code. */
  readonly inner: { readonly ok: boolean; readonly code?: string } | null;
}
export type ProxyError = SdkError;

/**
 * Makes `call` as `real`, signed by one of its proxies (e.g. a hot key with a Staking proxy of an
 * offline coldkey).
 *
 * @example
 * await proxy(st, hotProxy, { real: cold, call: { method: 'add_stake', args: { hotkey, netuid: 2, amount: TAO } } });
 */
export async function proxy(
  client: ChainClient,
  signer: Signer,
  a: ProxyParameters,
  o?: SubmitOptions,
): Promise<ProxyResult> {
  const args = {
    real: toAccountHex(a.real),
    call: a.call,
    ...(a.forceProxyType === undefined ? {} : { forceProxyType: a.forceProxyType }),
  };
  return withInner(await submit(client, signer, { method: 'proxy', args }, o));
}

/** A proxy call's result with the inner call's outcome (from its ProxyExecuted event). */
export function withInner(r: TxResult): ProxyResult {
  const e = r.events.find((x) => x.name === 'ProxyExecuted')?.data.result;
  const inner =
    e === undefined
      ? null
      : e === 'ok'
        ? { ok: true }
        : { ok: false, code: (e as { error?: { code?: string } }).error?.code ?? 'Unknown' };
  return { ...r, inner };
}
