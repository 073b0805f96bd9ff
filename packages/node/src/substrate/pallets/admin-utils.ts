/**
 * AdminUtils (19): subtensor's setters for subnet hyperparameters and network parameters, at
 * subtensor's call indices, for every parameter Taonet has (primitives' admin-utils-calls.ts maps
 * each to the runtime's setter). Signed by the subnet owner or the admin, as the runtime checks.
 */
import { ADMIN_UTILS_CALLS } from '@taonet/primitives/substrate';
import type { PalletDef } from '../pallet.js';

export function adminUtilsPallet(): PalletDef {
  return {
    name: ADMIN_UTILS_CALLS.pallet,
    index: ADMIN_UTILS_CALLS.index,
    docs: ['Subnet hyperparameter and network parameter setters (owner or admin).'],
    calls: ADMIN_UTILS_CALLS.calls,
  };
}
