/**
 * TaonetAdmin (200): Taonet's own administration calls, for what subtensor's AdminUtils has no
 * call for. Calls only (primitives' taonet-admin-calls.ts); its state is the runtime's parameters,
 * which taonet_hyperparameters and taonet_networkInfo show.
 */
import { TAONET_ADMIN_CALLS } from '@taonet/primitives/substrate';
import type { PalletDef } from '../pallet.js';

export function taonetAdminPallet(): PalletDef {
  return {
    name: TAONET_ADMIN_CALLS.pallet,
    index: TAONET_ADMIN_CALLS.index,
    docs: ['Taonet administration calls that subtensor has no call for.'],
    calls: TAONET_ADMIN_CALLS.calls,
  };
}
