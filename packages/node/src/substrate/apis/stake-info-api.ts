/**
 * StakeInfoRuntimeApi: a coldkey's stake positions, one position (always Some, zero included),
 * what is free to unstake per subnet, locks (Taonet has none) and the fee of a stake move.
 */
import { type State, views } from '@taonet/runtime';
import { acct, acctBytes } from '../pallet.js';
import type { RuntimeApiDef } from '../runtime-apis.js';
import { fields, T } from '../scale-type.js';
import { LockState } from '../pallets/subtensor-types.js';
import { AccountId32, AlphaBalance, btreeMap, NetUid, option, TaoBalance, U64F64 } from '../types.js';
import { btreeEntries, NONE, stateOf } from './api-values.js';

const C = T.compact;

export const StakeInfo = T.composite(
  'pallet_subtensor::rpc_info::stake_info::StakeInfo',
  fields({
    hotkey: AccountId32,
    coldkey: AccountId32,
    netuid: C(NetUid),
    stake: C(AlphaBalance),
    locked: C(T.u64),
    emission: C(AlphaBalance),
    tao_emission: C(TaoBalance),
    drain: C(T.u64),
    is_registered: T.bool,
  }),
  [{ name: 'AccountId', type: AccountId32 }],
);

export const StakeAvailability = T.composite(
  'pallet_subtensor::rpc_info::stake_info::StakeAvailability',
  fields({ total: C(AlphaBalance), locked: C(AlphaBalance), available: C(AlphaBalance) }),
);

const u16le = (n: number) => new Uint8Array([n & 0xff, n >> 8]);

const stakeInfoValue = (v: views.StakeInfoView) => ({
  hotkey: acctBytes(v.hotkey),
  coldkey: acctBytes(v.coldkey),
  netuid: v.netuid,
  stake: v.stake,
  locked: 0n,
  emission: v.emission,
  // subtensor no longer pays TAO dividends and never drains: both are 0 there too.
  tao_emission: 0n,
  drain: 0n,
  is_registered: v.registered,
});

const forColdkey = (s: State, ck: unknown) => views.stakeInfo(s, acct(ck)).map(stakeInfoValue);

/** subtensor's fee estimate for a stake move: none when nothing moves, else the pool fee on `amount`. */
function stakeFee(s: State, origin: unknown, destination: unknown, amount: bigint): bigint {
  const o = origin as { tag: string; value?: [Uint8Array, number] };
  const d = destination as { tag: string; value?: [Uint8Array, number] };
  const same =
    o.tag === d.tag &&
    (o.tag === 'None' ||
      (o.value?.[1] === d.value?.[1] && Buffer.from(o.value?.[0] ?? []).equals(Buffer.from(d.value?.[0] ?? []))));
  if (same) return 0n;
  const netuid = (d.tag === 'Some' ? d.value?.[1] : o.value?.[1]) ?? 0;
  try {
    return views.simSwap(s, netuid, 'buy', amount).fee;
  } catch {
    return 0n;
  }
}

export const STAKE_INFO_API: RuntimeApiDef = {
  name: 'StakeInfoRuntimeApi',
  version: 1,
  docs: ['Stake positions of coldkeys, what they can unstake, and stake-move fees.'],
  methods: [
    {
      name: 'get_stake_info_for_coldkey',
      inputs: fields({ coldkey_account: AccountId32 }),
      output: T.vec(StakeInfo),
      run: (ctx, [ck]) => forColdkey(stateOf(ctx), ck),
    },
    {
      name: 'get_stake_info_for_coldkeys',
      inputs: fields({ coldkey_accounts: T.vec(AccountId32) }),
      output: T.vec(T.tuple(AccountId32, T.vec(StakeInfo))),
      run: (ctx, [cks]) => (cks as Uint8Array[]).map((ck) => [ck, forColdkey(stateOf(ctx), ck)]),
    },
    {
      name: 'get_stake_info_for_hotkey_coldkey_netuid',
      inputs: fields({ hotkey_account: AccountId32, coldkey_account: AccountId32, netuid: NetUid }),
      output: option(StakeInfo),
      run: (ctx, [hk, ck, n]) => ({
        tag: 'Some',
        value: stakeInfoValue(views.stakeInfoFor(stateOf(ctx), acct(hk), acct(ck), n as number)),
      }),
    },
    {
      name: 'get_stake_availability_for_coldkeys',
      inputs: fields({ coldkey_accounts: T.vec(AccountId32), netuids: option(T.vec(NetUid)) }),
      output: btreeMap(AccountId32, btreeMap(NetUid, StakeAvailability)),
      run: (ctx, [cks, ns]) => {
        const netuids = (ns as { tag: string; value?: number[] }).value ?? null;
        // A map: a coldkey asked twice appears once.
        const rows = new Map<string, readonly [Uint8Array, unknown]>();
        for (const ck of cks as Uint8Array[]) {
          const m = views.stakeAvailability(stateOf(ctx), acct(ck), netuids);
          rows.set(Buffer.from(ck).toString('hex'), [ck, btreeEntries(m, u16le)]);
        }
        return btreeEntries(rows.values(), (k) => k);
      },
    },
    {
      name: 'get_stake_fee',
      inputs: fields({
        origin: option(T.tuple(AccountId32, NetUid)),
        origin_coldkey_account: AccountId32,
        destination: option(T.tuple(AccountId32, NetUid)),
        destination_coldkey_account: AccountId32,
        amount: T.u64,
      }),
      output: T.u64,
      run: (ctx, [o, _ock, d, _dck, amount]) => stakeFee(stateOf(ctx), o, d, amount as bigint),
    },
    {
      name: 'get_coldkey_lock',
      inputs: fields({ coldkey: AccountId32, netuid: NetUid }),
      output: option(LockState),
      // Taonet has no stake locks.
      run: () => NONE,
    },
    {
      name: 'get_hotkey_conviction',
      inputs: fields({ hotkey: AccountId32, netuid: NetUid }),
      output: U64F64,
      // Conviction grows only from locks: none in Taonet.
      run: () => ({ bits: 0n }),
    },
    {
      name: 'get_most_convicted_hotkey_on_subnet',
      inputs: fields({ netuid: NetUid }),
      output: option(AccountId32),
      run: () => NONE,
    },
  ],
};
