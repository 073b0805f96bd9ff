/** DelegateInfoRuntimeApi: validators as delegates, from `views.delegates` / `delegateInfo` / `delegated`. */
import { views } from '@taonet/runtime';
import { acct, acctBytes } from '../pallet.js';
import type { RuntimeApiDef } from '../runtime-apis.js';
import { fields, T } from '../scale-type.js';
import { AccountId32, AlphaBalance, NetUid, option } from '../types.js';
import { optional, stateOf } from './api-values.js';

const C = T.compact;

export const DelegateInfo = T.composite(
  'pallet_subtensor::rpc_info::delegate_info::DelegateInfo',
  fields({
    delegate_ss58: AccountId32,
    take: C(T.u16),
    nominators: T.vec(T.tuple(AccountId32, T.vec(T.tuple(C(NetUid), C(T.u64))))),
    owner_ss58: AccountId32,
    registrations: T.vec(C(NetUid)),
    validator_permits: T.vec(C(NetUid)),
    return_per_1000: C(T.u64),
    total_daily_return: C(T.u64),
  }),
  [{ name: 'AccountId', type: AccountId32 }],
);

const delegateValue = (d: views.DelegateView) => ({
  delegate_ss58: acctBytes(d.hotkey),
  take: d.take,
  nominators: d.nominators.map((n) => [acctBytes(n.coldkey), n.stakes.map((x) => [x.netuid, x.alpha])]),
  owner_ss58: acctBytes(d.owner),
  registrations: [...d.registrations],
  validator_permits: [...d.validatorPermits],
  return_per_1000: d.returnPer1000,
  total_daily_return: d.totalDailyReturn,
});

export const DELEGATE_INFO_API: RuntimeApiDef = {
  name: 'DelegateInfoRuntimeApi',
  version: 1,
  docs: ['Validator hotkeys as delegates: take, nominators, registrations, returns.'],
  methods: [
    {
      name: 'get_delegates',
      inputs: [],
      output: T.vec(DelegateInfo),
      run: (ctx) => views.delegates(stateOf(ctx)).map(delegateValue),
    },
    {
      name: 'get_delegate',
      inputs: fields({ delegate_account: AccountId32 }),
      output: option(DelegateInfo),
      run: (ctx, [hk]) => optional(views.delegateInfo(stateOf(ctx), acct(hk)), delegateValue),
    },
    {
      name: 'get_delegated',
      inputs: fields({ delegatee_account: AccountId32 }),
      output: T.vec(T.tuple(DelegateInfo, T.tuple(C(NetUid), C(AlphaBalance)))),
      run: (ctx, [ck]) =>
        views.delegated(stateOf(ctx), acct(ck)).map((r) => [delegateValue(r.delegate), [r.netuid, r.alpha]]),
    },
  ],
};
