/** Balances (5): TAO transfers. */
import { T } from './scale-type.js';
import type { FromRuntime, PalletCalls } from './call-def.js';
import { big, multiAddress, multiId } from './call-values.js';
import { MultiAddress } from './types.js';

const transferArgs = [
  { name: 'dest', type: MultiAddress, typeName: 'AccountIdLookupOf<T>' },
  { name: 'value', type: T.compact(T.u64), typeName: 'T::Balance' },
];

export const BALANCES_CALLS: PalletCalls = {
  pallet: 'Balances',
  index: 5,
  calls: [
    {
      index: 0,
      name: 'transfer_allow_death',
      args: transferArgs,
      docs: ['Move free TAO to another account; the sender may go below the existential deposit.'],
      toRuntime: (a) => ({ method: 'transfer', args: { dest: multiAddress(a.dest), amount: big(a.value) } }),
    },
    {
      index: 3,
      name: 'transfer_keep_alive',
      args: transferArgs,
      docs: ['Move free TAO to another account, leaving the sender at least the existential deposit.'],
      toRuntime: (a) => ({
        method: 'transfer',
        args: { dest: multiAddress(a.dest), amount: big(a.value), keepAlive: true },
      }),
    },
  ],
};

export const BALANCES_FROM_RUNTIME: Readonly<Record<string, FromRuntime>> = {
  transfer: (a) => ({
    pallet: 'Balances',
    call: a.keepAlive === true ? 'transfer_keep_alive' : 'transfer_allow_death',
    args: { dest: multiId(a.dest), value: big(a.amount) },
  }),
};
