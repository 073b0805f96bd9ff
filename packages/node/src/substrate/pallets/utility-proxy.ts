/**
 * Utility (11) and Proxy (16): batches and acting for another account. Calls only (primitives'
 * utility-proxy-calls.ts); a proxy's definitions are read with taonet_proxies, and the events the
 * runtime emits for them travel as Taonet events.
 */
import { PROXY_CALLS, UTILITY_CALLS } from '@taonet/primitives/substrate';
import type { PalletDef } from '../pallet.js';

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
});
