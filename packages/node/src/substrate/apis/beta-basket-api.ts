/**
 * BetaBasketRuntimeApi: root beta baskets. Taonet has none, so nothing is owed and there are no
 * positions; the API exists because the lean btcli's `wallet balance` calls it and fails without it.
 */
import type { RuntimeApiDef } from '../runtime-apis.js';
import { fields, T } from '../scale-type.js';
import { AccountId32, TaoBalance } from '../types.js';

export const BETA_BASKET_API: RuntimeApiDef = {
  name: 'BetaBasketRuntimeApi',
  version: 1,
  docs: ['Root beta baskets (Taonet has none: nothing owed, no positions).'],
  methods: [
    {
      name: 'get_root_basket_owed',
      inputs: fields({ coldkey: AccountId32 }),
      output: TaoBalance,
      run: () => 0n,
    },
    {
      name: 'get_root_basket_positions',
      inputs: fields({ coldkey: AccountId32 }),
      // (validator hotkey, beta held, TAO payout).
      output: T.vec(T.tuple(AccountId32, T.u64, TaoBalance)),
      run: () => [],
    },
  ],
};
