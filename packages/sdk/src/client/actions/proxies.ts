import type { SdkError } from '../../errors.js';
import { toAccountHex, toSs58 } from '../address.js';
import { type ChainClient, request } from '../chain-client.js';
import { big } from '../decode.js';
import type { ProxyType } from './proxy.js';

export interface ProxiesResult {
  readonly delegates: { readonly delegate: string; readonly proxyType: ProxyType; readonly delay: bigint }[];
}
/** Thrown: SdkError `InvalidAddress`. */
export type ProxiesError = SdkError;

/**
 * The proxies of an account (delegates in SS58).
 *
 * @example
 * for (const p of (await proxies(st, { real: cold })).delegates) console.log(p.delegate, p.proxyType);
 */
export async function proxies(client: ChainClient, a: { readonly real: string }): Promise<ProxiesResult> {
  const r = await request(client, 'taonet_proxies', [toAccountHex(a.real)]);
  return {
    delegates: r.map((d) => ({
      delegate: toSs58(d.delegate),
      proxyType: d.proxyType as ProxyType,
      delay: big(d.delay),
    })),
  };
}
