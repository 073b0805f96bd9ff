/**
 * SubtensorModule (7): the calls Taonet implements, at subtensor's call indices with subtensor's
 * argument names and types (shared/spec/substrate-face.md §3), and how each maps to the runtime's
 * call. Several Substrate calls may express one runtime call (add_stake and add_stake_limit are
 * the runtime's add_stake with and without a limit price).
 */
import { CallTranslationError, type FromRuntime, type PalletCalls, type RuntimeCall } from './call-def.js';
import {
  acctBytes,
  acctOf,
  big,
  defined,
  hashBytes,
  hashHex,
  none,
  num,
  optionOf,
  some,
  text,
  textBytes,
} from './call-values.js';
import { type Field, type ScaleType, T } from './scale-type.js';
import { RootClaimType, SubnetIdentityV3 } from './subtensor-types.js';
import { AccountId32, AlphaBalance, Bytes, H256, MechId, NetUid, option, TaoBalance } from './types.js';

const a = (name: string, type: ScaleType): Field => ({ name, type });
const hotkey = a('hotkey', AccountId32);
const netuid = a('netuid', NetUid);
const mecid = a('mecid', MechId);
const u16s = (name: string) => a(name, T.vec(T.u16));
const limit = [a('limit_price', TaoBalance), a('allow_partial', T.bool)];

type Args = Readonly<Record<string, unknown>>;
const call = (method: string, args: Record<string, unknown>): RuntimeCall => ({ method, args: defined(args) });
const u16List = (v: unknown): number[] => [...(v as number[])];

/** subtensor's identity field names ↔ Taonet's. */
const IDENTITY_FIELDS: readonly (readonly [string, string])[] = [
  ['subnet_name', 'name'],
  ['github_repo', 'github'],
  ['subnet_contact', 'contact'],
  ['subnet_url', 'url'],
  ['discord', 'discord'],
  ['description', 'description'],
  ['logo_url', 'logoUrl'],
  ['additional', 'additional'],
];
const identityToRuntime = (o: Args): Record<string, string> =>
  Object.fromEntries(IDENTITY_FIELDS.map(([s, t]) => [t, text(o[s], s)]));
const identityFromRuntime = (o: Args): Record<string, Uint8Array> =>
  Object.fromEntries(IDENTITY_FIELDS.map(([s, t]) => [s, textBytes(o[t])]));

/** subtensor's ChainIdentityV2 field names ↔ Taonet's. */
const IDENTITY_V2_FIELDS: readonly (readonly [string, string])[] = [
  ['name', 'name'],
  ['url', 'url'],
  ['github_repo', 'githubRepo'],
  ['image', 'image'],
  ['discord', 'discord'],
  ['description', 'description'],
  ['additional', 'additional'],
];

/** Mechanism 0 is the subnet itself; the runtime gets a mechanism id only when it is another one. */
const mech = (v: unknown): number | undefined => (num(v) === 0 ? undefined : num(v));

const weights = (x: Args) => ({
  netuid: num(x.netuid),
  uids: u16List(x.dests),
  values: u16List(x.weights),
  versionKey: big(x.version_key),
});
/** commit (BoundedVec<u8, MAX_CRV3_COMMIT_SIZE_BYTES = 5000>), reveal_round, commit_reveal_version. */
const timelocked = [a('commit', Bytes), a('reveal_round', T.u64), a('commit_reveal_version', T.u16)];
const timelockedArgs = (x: Args) => ({
  netuid: num(x.netuid),
  commit: x.commit,
  revealRound: big(x.reveal_round),
  commitRevealVersion: num(x.commit_reveal_version),
});

const reveal = (x: Args) => ({
  netuid: num(x.netuid),
  uids: u16List(x.uids),
  values: u16List(x.values),
  salt: u16List(x.salt),
  versionKey: big(x.version_key),
});

export const SUBTENSOR_CALLS: PalletCalls = {
  pallet: 'SubtensorModule',
  index: 7,
  calls: [
    {
      index: 0,
      name: 'set_weights',
      args: [netuid, u16s('dests'), u16s('weights'), a('version_key', T.u64)],
      toRuntime: (x) => call('set_weights', weights(x)),
    },
    {
      index: 2,
      name: 'add_stake',
      args: [hotkey, netuid, a('amount_staked', TaoBalance)],
      toRuntime: (x) =>
        call('add_stake', { hotkey: acctOf(x.hotkey), netuid: num(x.netuid), amount: big(x.amount_staked) }),
    },
    {
      index: 3,
      name: 'remove_stake',
      args: [hotkey, netuid, a('amount_unstaked', AlphaBalance)],
      toRuntime: (x) =>
        call('remove_stake', { hotkey: acctOf(x.hotkey), netuid: num(x.netuid), amount: big(x.amount_unstaked) }),
    },
    {
      index: 4,
      name: 'serve_axon',
      args: [
        netuid,
        a('version', T.u32),
        a('ip', T.u128),
        a('port', T.u16),
        a('ip_type', T.u8),
        a('protocol', T.u8),
        a('placeholder1', T.u8),
        a('placeholder2', T.u8),
      ],
      toRuntime: (x) =>
        call('serve_axon', {
          netuid: num(x.netuid),
          version: num(x.version),
          ip: big(x.ip),
          port: num(x.port),
          ipType: num(x.ip_type),
          protocol: num(x.protocol),
        }),
    },
    {
      index: 7,
      name: 'burned_register',
      args: [netuid, hotkey],
      toRuntime: (x) => call('burned_register', { netuid: num(x.netuid), hotkey: acctOf(x.hotkey) }),
    },
    {
      index: 59,
      name: 'register_network',
      args: [hotkey],
      toRuntime: (x) => call('register_network', { hotkey: acctOf(x.hotkey) }),
    },
    {
      index: 62,
      name: 'root_register',
      args: [hotkey],
      toRuntime: (x) => call('root_register', { hotkey: acctOf(x.hotkey) }),
    },
    {
      index: 65,
      name: 'decrease_take',
      args: [hotkey, a('take', T.u16)],
      toRuntime: (x) => call('decrease_take', { hotkey: acctOf(x.hotkey), take: num(x.take) }),
    },
    {
      index: 66,
      name: 'increase_take',
      args: [hotkey, a('take', T.u16)],
      toRuntime: (x) => call('increase_take', { hotkey: acctOf(x.hotkey), take: num(x.take) }),
    },
    {
      index: 67,
      name: 'set_children',
      args: [hotkey, netuid, a('children', T.vec(T.tuple(T.u64, AccountId32)))],
      toRuntime: (x) =>
        call('set_children', {
          hotkey: acctOf(x.hotkey),
          netuid: num(x.netuid),
          children: (x.children as [bigint, Uint8Array][]).map(([p, c]) => ({ proportion: big(p), child: acctOf(c) })),
        }),
    },
    {
      index: 75,
      name: 'set_childkey_take',
      args: [hotkey, netuid, a('take', T.u16)],
      toRuntime: (x) =>
        call('set_childkey_take', { hotkey: acctOf(x.hotkey), netuid: num(x.netuid), take: num(x.take) }),
    },
    {
      index: 78,
      name: 'set_subnet_identity',
      args: [netuid, ...IDENTITY_FIELDS.map(([s]) => a(s, Bytes))],
      toRuntime: (x) => call('set_subnet_identity', { netuid: num(x.netuid), identity: identityToRuntime(x) }),
    },
    {
      index: 79,
      name: 'register_network_with_identity',
      args: [hotkey, a('identity', option(SubnetIdentityV3))],
      toRuntime: (x) => {
        const id = optionOf(x.identity) as Args | undefined;
        return call('register_network', {
          hotkey: acctOf(x.hotkey),
          identity: id === undefined ? undefined : identityToRuntime(id),
        });
      },
    },
    {
      index: 83,
      name: 'unstake_all',
      args: [hotkey],
      toRuntime: (x) => call('unstake_all', { hotkey: acctOf(x.hotkey) }),
    },
    {
      index: 85,
      name: 'move_stake',
      args: [
        a('origin_hotkey', AccountId32),
        a('destination_hotkey', AccountId32),
        a('origin_netuid', NetUid),
        a('destination_netuid', NetUid),
        a('alpha_amount', AlphaBalance),
      ],
      toRuntime: (x) =>
        call('move_stake', {
          originHotkey: acctOf(x.origin_hotkey),
          destHotkey: acctOf(x.destination_hotkey),
          originNetuid: num(x.origin_netuid),
          destNetuid: num(x.destination_netuid),
          amount: big(x.alpha_amount),
        }),
    },
    {
      index: 86,
      name: 'transfer_stake',
      args: [
        a('destination_coldkey', AccountId32),
        hotkey,
        a('origin_netuid', NetUid),
        a('destination_netuid', NetUid),
        a('alpha_amount', AlphaBalance),
      ],
      toRuntime: (x) =>
        call('transfer_stake', {
          destColdkey: acctOf(x.destination_coldkey),
          hotkey: acctOf(x.hotkey),
          originNetuid: num(x.origin_netuid),
          destNetuid: num(x.destination_netuid),
          amount: big(x.alpha_amount),
        }),
    },
    {
      index: 87,
      name: 'swap_stake',
      args: [hotkey, a('origin_netuid', NetUid), a('destination_netuid', NetUid), a('alpha_amount', AlphaBalance)],
      toRuntime: (x) =>
        call('swap_stake', {
          hotkey: acctOf(x.hotkey),
          originNetuid: num(x.origin_netuid),
          destNetuid: num(x.destination_netuid),
          amount: big(x.alpha_amount),
        }),
    },
    {
      index: 88,
      name: 'add_stake_limit',
      args: [hotkey, netuid, a('amount_staked', TaoBalance), ...limit],
      toRuntime: (x) =>
        call('add_stake', {
          hotkey: acctOf(x.hotkey),
          netuid: num(x.netuid),
          amount: big(x.amount_staked),
          limitPrice: big(x.limit_price),
          allowPartial: x.allow_partial as boolean,
        }),
    },
    {
      index: 89,
      name: 'remove_stake_limit',
      args: [hotkey, netuid, a('amount_unstaked', AlphaBalance), ...limit],
      toRuntime: (x) =>
        call('remove_stake', {
          hotkey: acctOf(x.hotkey),
          netuid: num(x.netuid),
          amount: big(x.amount_unstaked),
          limitPrice: big(x.limit_price),
          allowPartial: x.allow_partial as boolean,
        }),
    },
    {
      index: 90,
      name: 'swap_stake_limit',
      args: [
        hotkey,
        a('origin_netuid', NetUid),
        a('destination_netuid', NetUid),
        a('alpha_amount', AlphaBalance),
        ...limit,
      ],
      toRuntime: (x) =>
        call('swap_stake', {
          hotkey: acctOf(x.hotkey),
          originNetuid: num(x.origin_netuid),
          destNetuid: num(x.destination_netuid),
          amount: big(x.alpha_amount),
          limitPrice: big(x.limit_price),
          allowPartial: x.allow_partial as boolean,
        }),
    },
    {
      index: 92,
      name: 'start_call',
      args: [netuid],
      toRuntime: (x) => call('start_call', { netuid: num(x.netuid) }),
    },
    {
      index: 96,
      name: 'commit_weights',
      args: [netuid, a('commit_hash', H256)],
      toRuntime: (x) => call('commit_weights', { netuid: num(x.netuid), hash: hashHex(x.commit_hash) }),
    },
    {
      index: 97,
      name: 'reveal_weights',
      args: [netuid, u16s('uids'), u16s('values'), u16s('salt'), a('version_key', T.u64)],
      toRuntime: (x) => call('reveal_weights', reveal(x)),
    },
    {
      index: 112,
      name: 'update_symbol',
      args: [netuid, a('symbol', Bytes)],
      toRuntime: (x) => call('update_symbol', { netuid: num(x.netuid), symbol: text(x.symbol, 'symbol') }),
    },
    {
      index: 113,
      name: 'commit_timelocked_weights',
      args: [netuid, ...timelocked],
      toRuntime: (x) => call('commit_timelocked_weights', timelockedArgs(x)),
    },
    {
      index: 118,
      name: 'commit_timelocked_mechanism_weights',
      args: [netuid, mecid, ...timelocked],
      toRuntime: (x) => call('commit_timelocked_weights', { ...timelockedArgs(x), mecid: mech(x.mecid) }),
    },
    {
      index: 115,
      name: 'commit_mechanism_weights',
      args: [netuid, mecid, a('commit_hash', H256)],
      toRuntime: (x) =>
        call('commit_weights', { netuid: num(x.netuid), mecid: mech(x.mecid), hash: hashHex(x.commit_hash) }),
    },
    {
      index: 116,
      name: 'reveal_mechanism_weights',
      args: [netuid, mecid, u16s('uids'), u16s('values'), u16s('salt'), a('version_key', T.u64)],
      toRuntime: (x) => call('reveal_weights', { ...reveal(x), mecid: mech(x.mecid) }),
    },
    {
      index: 119,
      name: 'set_mechanism_weights',
      args: [netuid, mecid, u16s('dests'), u16s('weights'), a('version_key', T.u64)],
      toRuntime: (x) => call('set_weights', { ...weights(x), mecid: mech(x.mecid) }),
    },
    {
      index: 120,
      name: 'root_dissolve_network',
      args: [netuid],
      toRuntime: (x) => call('sudo_dissolve_network', { netuid: num(x.netuid) }),
    },
    {
      index: 121,
      name: 'claim_root',
      args: [a('subnets', T.vec(NetUid))],
      toRuntime: (x) => call('claim_root', { netuids: (x.subnets as number[]).map(num) }),
    },
    {
      index: 122,
      name: 'set_root_claim_type',
      args: [a('new_root_claim_type', RootClaimType)],
      toRuntime: (x) => {
        const t = (x.new_root_claim_type as { tag: string }).tag;
        if (t !== 'Swap' && t !== 'Keep')
          throw new CallTranslationError(`root claim type ${t} is not supported`, 'choose Swap or Keep');
        return call('set_root_claim_type', { type: t === 'Swap' ? 'swap' : 'keep' });
      },
    },
    {
      index: 68,
      name: 'set_identity',
      args: IDENTITY_V2_FIELDS.map(([n]) => a(n, Bytes)),
      toRuntime: (x) =>
        call('set_identity', Object.fromEntries(IDENTITY_V2_FIELDS.map(([s, t]) => [t, text(x[s], s)]))),
    },
    {
      index: 70,
      name: 'swap_hotkey',
      args: [hotkey, a('new_hotkey', AccountId32), a('netuid', option(NetUid))],
      toRuntime: (x) => {
        const n = optionOf(x.netuid);
        return call('swap_hotkey', {
          hotkey: acctOf(x.hotkey),
          newHotkey: acctOf(x.new_hotkey),
          netuid: n === undefined ? undefined : num(n),
        });
      },
    },
    {
      index: 71,
      name: 'swap_coldkey',
      args: [a('old_coldkey', AccountId32), a('new_coldkey', AccountId32), a('swap_cost', TaoBalance)],
      toRuntime: (x) =>
        call('swap_coldkey', {
          oldColdkey: acctOf(x.old_coldkey),
          newColdkey: acctOf(x.new_coldkey),
          swapCost: big(x.swap_cost),
        }),
    },
    {
      index: 84,
      name: 'unstake_all_alpha',
      args: [hotkey],
      toRuntime: (x) => call('unstake_all_alpha', { hotkey: acctOf(x.hotkey) }),
    },
    {
      index: 101,
      name: 'recycle_alpha',
      args: [hotkey, a('amount', AlphaBalance), netuid],
      toRuntime: (x) =>
        call('recycle_alpha', { hotkey: acctOf(x.hotkey), amount: big(x.amount), netuid: num(x.netuid) }),
    },
    {
      index: 102,
      name: 'burn_alpha',
      args: [hotkey, a('amount', AlphaBalance), netuid],
      toRuntime: (x) => call('burn_alpha', { hotkey: acctOf(x.hotkey), amount: big(x.amount), netuid: num(x.netuid) }),
    },
    {
      index: 103,
      name: 'remove_stake_full_limit',
      args: [hotkey, netuid, a('limit_price', option(TaoBalance))],
      toRuntime: (x) => {
        const l = optionOf(x.limit_price);
        return call('remove_stake_full_limit', {
          hotkey: acctOf(x.hotkey),
          netuid: num(x.netuid),
          limitPrice: l === undefined ? undefined : big(l),
        });
      },
    },
    {
      index: 125,
      name: 'announce_coldkey_swap',
      args: [a('new_coldkey_hash', H256)],
      toRuntime: (x) => call('announce_coldkey_swap', { newColdkeyHash: hashHex(x.new_coldkey_hash) }),
    },
    {
      index: 126,
      name: 'swap_coldkey_announced',
      args: [a('new_coldkey', AccountId32)],
      toRuntime: (x) => call('swap_coldkey_announced', { newColdkey: acctOf(x.new_coldkey) }),
    },
    { index: 127, name: 'dispute_coldkey_swap', args: [], toRuntime: () => call('dispute_coldkey_swap', {}) },
    {
      index: 128,
      name: 'reset_coldkey_swap',
      args: [a('coldkey', AccountId32)],
      toRuntime: (x) => call('reset_coldkey_swap', { coldkey: acctOf(x.coldkey) }),
    },
    {
      index: 133,
      name: 'clear_coldkey_swap_announcement',
      args: [],
      toRuntime: () => call('clear_coldkey_swap_announcement', {}),
    },
    {
      index: 134,
      name: 'register_limit',
      args: [netuid, hotkey, a('limit_price', T.u64)],
      toRuntime: (x) =>
        call('burned_register', { netuid: num(x.netuid), hotkey: acctOf(x.hotkey), limitPrice: big(x.limit_price) }),
    },
  ],
};

const sub = (name: string, args: Record<string, unknown>) => ({ pallet: 'SubtensorModule', call: name, args });
const hasLimit = (x: Args) => x.limitPrice !== undefined && x.limitPrice !== null;
const limitArgs = (x: Args) => ({ limit_price: big(x.limitPrice), allow_partial: x.allowPartial === true });
const mecidOf = (x: Args): number => (x.mecid === undefined || x.mecid === null ? 0 : num(x.mecid));

export const SUBTENSOR_FROM_RUNTIME: Readonly<Record<string, FromRuntime>> = {
  set_weights: (x) => {
    const w = { dests: x.uids, weights: x.values, version_key: big(x.versionKey ?? 0n) };
    return mecidOf(x) === 0
      ? sub('set_weights', { netuid: x.netuid, ...w })
      : sub('set_mechanism_weights', { netuid: x.netuid, mecid: mecidOf(x), ...w });
  },
  commit_weights: (x) =>
    mecidOf(x) === 0
      ? sub('commit_weights', { netuid: x.netuid, commit_hash: hashBytes(x.hash) })
      : sub('commit_mechanism_weights', { netuid: x.netuid, mecid: mecidOf(x), commit_hash: hashBytes(x.hash) }),
  commit_timelocked_weights: (x) => {
    const r = { commit: x.commit, reveal_round: big(x.revealRound), commit_reveal_version: num(x.commitRevealVersion) };
    return mecidOf(x) === 0
      ? sub('commit_timelocked_weights', { netuid: x.netuid, ...r })
      : sub('commit_timelocked_mechanism_weights', { netuid: x.netuid, mecid: mecidOf(x), ...r });
  },
  reveal_weights: (x) => {
    const r = { uids: x.uids, values: x.values, salt: x.salt, version_key: big(x.versionKey ?? 0n) };
    return mecidOf(x) === 0
      ? sub('reveal_weights', { netuid: x.netuid, ...r })
      : sub('reveal_mechanism_weights', { netuid: x.netuid, mecid: mecidOf(x), ...r });
  },
  add_stake: (x) => {
    const base = { hotkey: acctBytes(x.hotkey), netuid: x.netuid, amount_staked: big(x.amount) };
    return hasLimit(x) ? sub('add_stake_limit', { ...base, ...limitArgs(x) }) : sub('add_stake', base);
  },
  remove_stake: (x) => {
    const base = { hotkey: acctBytes(x.hotkey), netuid: x.netuid, amount_unstaked: big(x.amount) };
    return hasLimit(x) ? sub('remove_stake_limit', { ...base, ...limitArgs(x) }) : sub('remove_stake', base);
  },
  serve_axon: (x) =>
    sub('serve_axon', {
      netuid: x.netuid,
      version: x.version,
      ip: big(x.ip),
      port: x.port,
      ip_type: x.ipType,
      protocol: x.protocol ?? 0,
      placeholder1: 0,
      placeholder2: 0,
    }),
  burned_register: (x) =>
    hasLimit(x)
      ? sub('register_limit', { netuid: x.netuid, hotkey: acctBytes(x.hotkey), limit_price: big(x.limitPrice) })
      : sub('burned_register', { netuid: x.netuid, hotkey: acctBytes(x.hotkey) }),
  register_network: (x) =>
    x.identity === undefined || x.identity === null
      ? sub('register_network', { hotkey: acctBytes(x.hotkey) })
      : sub('register_network_with_identity', {
          hotkey: acctBytes(x.hotkey),
          identity: some(identityFromRuntime(x.identity as Args)),
        }),
  root_register: (x) => sub('root_register', { hotkey: acctBytes(x.hotkey) }),
  decrease_take: (x) => sub('decrease_take', { hotkey: acctBytes(x.hotkey), take: x.take }),
  increase_take: (x) => sub('increase_take', { hotkey: acctBytes(x.hotkey), take: x.take }),
  set_children: (x) =>
    sub('set_children', {
      hotkey: acctBytes(x.hotkey),
      netuid: x.netuid,
      children: (x.children as Args[]).map((c) => [big(c.proportion), acctBytes(c.child)]),
    }),
  set_childkey_take: (x) => sub('set_childkey_take', { hotkey: acctBytes(x.hotkey), netuid: x.netuid, take: x.take }),
  set_subnet_identity: (x) =>
    sub('set_subnet_identity', { netuid: x.netuid, ...identityFromRuntime((x.identity ?? {}) as Args) }),
  unstake_all: (x) => sub('unstake_all', { hotkey: acctBytes(x.hotkey) }),
  move_stake: (x) =>
    hasLimit(x)
      ? null
      : sub('move_stake', {
          origin_hotkey: acctBytes(x.originHotkey),
          destination_hotkey: acctBytes(x.destHotkey),
          origin_netuid: x.originNetuid,
          destination_netuid: x.destNetuid,
          alpha_amount: big(x.amount),
        }),
  transfer_stake: (x) =>
    hasLimit(x)
      ? null
      : sub('transfer_stake', {
          destination_coldkey: acctBytes(x.destColdkey),
          hotkey: acctBytes(x.hotkey),
          origin_netuid: x.originNetuid,
          destination_netuid: x.destNetuid,
          alpha_amount: big(x.amount),
        }),
  swap_stake: (x) => {
    const base = {
      hotkey: acctBytes(x.hotkey),
      origin_netuid: x.originNetuid,
      destination_netuid: x.destNetuid,
      alpha_amount: big(x.amount),
    };
    return hasLimit(x) ? sub('swap_stake_limit', { ...base, ...limitArgs(x) }) : sub('swap_stake', base);
  },
  start_call: (x) => sub('start_call', { netuid: x.netuid }),
  update_symbol: (x) => sub('update_symbol', { netuid: x.netuid, symbol: textBytes(x.symbol) }),
  claim_root: (x) => sub('claim_root', { subnets: x.netuids }),
  set_root_claim_type: (x) =>
    sub('set_root_claim_type', { new_root_claim_type: { tag: x.type === 'keep' ? 'Keep' : 'Swap', value: undefined } }),
  sudo_dissolve_network: (x) => sub('root_dissolve_network', { netuid: x.netuid }),
  set_identity: (x) =>
    sub('set_identity', Object.fromEntries(IDENTITY_V2_FIELDS.map(([s, t]) => [s, textBytes(x[t])]))),
  swap_hotkey: (x) =>
    sub('swap_hotkey', {
      hotkey: acctBytes(x.hotkey),
      new_hotkey: acctBytes(x.newHotkey),
      netuid: x.netuid === undefined || x.netuid === null ? none : some(x.netuid),
    }),
  swap_coldkey: (x) =>
    sub('swap_coldkey', {
      old_coldkey: acctBytes(x.oldColdkey),
      new_coldkey: acctBytes(x.newColdkey),
      swap_cost: big(x.swapCost),
    }),
  unstake_all_alpha: (x) => sub('unstake_all_alpha', { hotkey: acctBytes(x.hotkey) }),
  recycle_alpha: (x) => sub('recycle_alpha', { hotkey: acctBytes(x.hotkey), amount: big(x.amount), netuid: x.netuid }),
  burn_alpha: (x) => sub('burn_alpha', { hotkey: acctBytes(x.hotkey), amount: big(x.amount), netuid: x.netuid }),
  remove_stake_full_limit: (x) =>
    sub('remove_stake_full_limit', {
      hotkey: acctBytes(x.hotkey),
      netuid: x.netuid,
      limit_price: hasLimit(x) ? some(big(x.limitPrice)) : none,
    }),
  announce_coldkey_swap: (x) => sub('announce_coldkey_swap', { new_coldkey_hash: hashBytes(x.newColdkeyHash) }),
  swap_coldkey_announced: (x) => sub('swap_coldkey_announced', { new_coldkey: acctBytes(x.newColdkey) }),
  dispute_coldkey_swap: () => sub('dispute_coldkey_swap', {}),
  reset_coldkey_swap: (x) => sub('reset_coldkey_swap', { coldkey: acctBytes(x.coldkey) }),
  clear_coldkey_swap_announcement: () => sub('clear_coldkey_swap_announcement', {}),
};
