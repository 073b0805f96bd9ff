/**
 * Utility (11) and Proxy (16): batches and acting for another account. Calls from primitives'
 * utility-proxy-calls.ts; Proxy.Proxies is read from the runtime's proxy state at subtensor's key
 * and type (the Python SDK's get_proxies reads it), and the runtime's proxy events travel as
 * Taonet events.
 */
import type { AccountId } from '@taonet/primitives';
import { PROXY_CALLS, ProxyType, UTILITY_CALLS } from '@taonet/primitives/substrate';
import { storage } from '@taonet/runtime';
import { acct, acctBytes, type PalletDef } from '../pallet.js';
import { fields, T } from '../scale-type.js';
import { AccountId32 } from '../types.js';

export const ProxyDefinition = T.composite(
  'pallet_subtensor_proxy::ProxyDefinition',
  fields({ delegate: AccountId32, proxy_type: ProxyType, delay: T.u32 }),
);

export const utilityPallet = (): PalletDef => ({
  name: UTILITY_CALLS.pallet,
  index: UTILITY_CALLS.index,
  docs: ['Batches: dispatch several calls in one transaction.'],
  calls: UTILITY_CALLS.calls,
});

export const proxyPallet = (): PalletDef => ({
  name: PROXY_CALLS.pallet,
  index: PROXY_CALLS.index,
  docs: ['Proxies: let another account act for this one, limited by a proxy type.'],
  calls: PROXY_CALLS.calls,
  storage: [
    {
      name: 'Proxies',
      docs: ['The proxies of an account (delegate, type, delay) and the deposit they hold.'],
      modifier: 'Default',
      keys: [{ hasher: 'Twox64Concat', type: AccountId32 }],
      value: T.tuple(T.vec(ProxyDefinition), T.u64),
      fallback: [[], 0n],
      get: (ctx, [real]) => {
        const list = ctx.state.get(storage.Proxies, acct(real));
        if (list.length === 0) return undefined;
        const defs = list.map((d) => ({
          delegate: acctBytes(d.delegate),
          proxy_type: { tag: d.proxyType, value: undefined },
          delay: Number(d.delay),
        }));
        return [defs, 0n];
      },
      keysOf: (ctx) =>
        ctx.state
          .entries(storage.Proxies)
          .filter(([, list]) => list.length > 0)
          .map(([k]) => [acctBytes(k as AccountId)]),
    },
  ],
});
