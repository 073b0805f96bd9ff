/**
 * SubtensorModule (7): the calls Taonet implements, with subtensor's call indices and argument
 * names, and subtensor's storage items read from Taonet's state. Items Taonet has no state for are
 * left out rather than answered with made-up values.
 */
import type { AccountId, SafeFloat } from '@taonet/primitives';
import {
  DEFAULT_HYPERPARAMETERS,
  DEFAULT_NETWORK_PARAMS,
  type StorageValue,
  type SubnetHyperparameters,
  storage,
  views,
} from '@taonet/runtime';
import {
  acct,
  acctBytes,
  type CallDef,
  type PalletDef,
  type StorageContext,
  type StorageItemDef,
  parts,
} from '../pallet.js';
import { type ScaleType, T } from '../scale-type.js';
import {
  AccountId32,
  AlphaBalance,
  Bytes,
  I64F64,
  I96F32,
  MechId,
  NetUid,
  NetUidStorageIndex,
  SafeFloat as SafeFloatType,
  TaoBalance,
  U64F64,
} from '../types.js';
import { SUBTENSOR_ERRORS } from './subtensor-errors.js';
import { SUBTENSOR_EVENTS } from './subtensor-events.js';
import { operatorStorage } from './subtensor-operator-storage.js';
import { timelockedWeightItems } from './subtensor-timelocked.js';
import { AxonInfo, EpochConsensus, LockState, RootClaimType, SubnetIdentityV3 } from './subtensor-types.js';

const YUMA = { tag: 'Yuma', value: undefined };
const ALPHA_VALUES_DEFAULT = [DEFAULT_HYPERPARAMETERS.alphaLow, DEFAULT_HYPERPARAMETERS.alphaHigh];
import { SUBTENSOR_CALLS } from '@taonet/primitives/substrate';

// ---- calls: subtensor's indices and argument names, with their runtime meaning (primitives' subtensor-calls.ts)

const CALLS: readonly CallDef[] = SUBTENSOR_CALLS.calls;

// ---- storage ---------------------------------------------------------------------------------

const ZERO_ACCOUNT = new Uint8Array(32);
const U128_MAX = (1n << 128n) - 1n;

/** A share count in subtensor's older fixed-point form: ⌊mantissa · 10^exponent · 2^64⌋, saturating. */
export function safeFloatToU64F64(f: SafeFloat): bigint {
  const bits =
    f.exponent >= 0
      ? (f.mantissa * 10n ** BigInt(f.exponent)) << 64n
      : (f.mantissa << 64n) / 10n ** BigInt(-f.exponent);
  return bits > U128_MAX ? U128_MAX : bits;
}

const netuids = (ctx: StorageContext): number[] => ctx.state.value(storage.Netuids);
const netuidKeys = (ctx: StorageContext): unknown[][] => netuids(ctx).map((n) => [n]);
const hyper = (ctx: StorageContext, n: unknown): SubnetHyperparameters | null =>
  ctx.state.get(storage.Hyperparameters, n as number);

/** An item keyed by netuid (Identity) whose value is read per existing subnet. */
function perSubnet(
  name: string,
  docs: string,
  value: ScaleType,
  fallback: unknown,
  read: (ctx: StorageContext, n: number) => unknown,
  opts: {
    key?: ScaleType;
    hasher?: 'Identity' | 'Twox64Concat' | 'Blake2128Concat';
    /** Present for every subnet, default value or not: subtensor writes it when creating a subnet. */
    always?: boolean;
  } = {},
): StorageItemDef {
  const present = (v: unknown) => v !== undefined && (opts.always === true || !sameValue(v, fallback));
  return {
    name,
    docs: [docs],
    modifier: 'Default',
    keys: [{ hasher: opts.hasher ?? 'Identity', type: opts.key ?? NetUid }],
    value,
    fallback,
    get: (ctx, [n]) => {
      const v = hyper(ctx, n) === null ? undefined : read(ctx, n as number);
      return present(v) ? v : undefined;
    },
    keysOf: (ctx) => netuidKeys(ctx).filter(([n]) => present(read(ctx, n as number))),
  };
}

/**
 * Items subtensor's `init_new_network` writes for every new subnet, so that iterating them (btcli
 * `subnets list` does) finds every subnet even where the value is the default.
 */
const WRITTEN_AT_SUBNET_CREATION = new Set([
  'SubnetworkN',
  'Tempo',
  'LastEpochBlock',
  'NetworkRegistrationAllowed',
  'MaxAllowedUids',
  'MaxAllowedValidators',
  'MinAllowedWeights',
  'ImmunityPeriod',
  'Burn',
  'Kappa',
]);

/**
 * An item keyed by subtensor's mechanism storage index (`mecid × 4096 + netuid`): present for every
 * mechanism the subnet has, absent for indices beyond its count.
 */
function perMechanism(
  name: string,
  docs: string,
  value: ScaleType,
  read: (ctx: StorageContext, index: number, mecid: number) => unknown[],
): StorageItemDef {
  const count = (ctx: StorageContext, netuid: number): number =>
    hyper(ctx, netuid) === null ? 0 : ctx.state.get(storage.MechanismCountCurrent, netuid);
  const indices = (ctx: StorageContext): number[] =>
    netuidKeys(ctx).flatMap(([n]) =>
      Array.from({ length: count(ctx, n as number) }, (_, m) => m * 4096 + (n as number)),
    );
  return {
    name,
    docs: [docs],
    modifier: 'Default',
    keys: [{ hasher: 'Identity', type: NetUidStorageIndex }],
    value,
    fallback: [],
    get: (ctx, [i]) => {
      const index = i as number;
      const mecid = Math.floor(index / 4096);
      if (mecid >= count(ctx, index % 4096)) return undefined;
      const v = read(ctx, index, mecid);
      return v.length === 0 ? undefined : v;
    },
    keysOf: (ctx) =>
      indices(ctx)
        .filter((i) => read(ctx, i, Math.floor(i / 4096)).length > 0)
        .map((i) => [i]),
  };
}

const isBits = (v: unknown): v is { bits: bigint } => typeof v === 'object' && v !== null && 'bits' in v;

function sameValue(x: unknown, y: unknown): boolean {
  if (x instanceof Uint8Array && y instanceof Uint8Array) return x.length === y.length && x.every((b, i) => b === y[i]);
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => sameValue(v, y[i]));
  if (isBits(x) && isBits(y)) return x.bits === y.bits;
  return x === y;
}

/** A hyperparameter, exposed under subtensor's item name. */
function hyperItem<K extends keyof SubnetHyperparameters>(
  name: string,
  key: K,
  value: ScaleType,
  conv: (v: SubnetHyperparameters[K]) => unknown = (v) => v,
): StorageItemDef {
  const fallback = conv(DEFAULT_HYPERPARAMETERS[key]);
  return perSubnet(
    name,
    `The subnet's ${String(key)} hyperparameter.`,
    value,
    fallback,
    (ctx, n) => {
      const h = hyper(ctx, n);
      return h === null ? undefined : conv(h[key]);
    },
    { always: WRITTEN_AT_SUBNET_CREATION.has(name) },
  );
}

/** A Taonet map keyed by netuid with a bigint value (amounts, blocks). */
function amountItem(
  name: string,
  docs: string,
  item: typeof storage.SubnetTao,
  value: ScaleType = T.u64,
): StorageItemDef {
  return perSubnet(name, docs, value, 0n, (ctx, n) => ctx.state.get(item, n), {
    always: WRITTEN_AT_SUBNET_CREATION.has(name),
  });
}

/** Per-uid columns of the last epoch. */
function epochColumn(
  name: string,
  docs: string,
  value: ScaleType,
  pick: (c: NonNullable<ReturnType<typeof epochResults>>) => unknown[],
  key: ScaleType = NetUid,
): StorageItemDef {
  return perSubnet(
    name,
    docs,
    value,
    [],
    (ctx, n) => {
      const r = epochResults(ctx, n);
      return r === null ? [] : pick(r);
    },
    { key },
  );
}
const epochResults = (ctx: StorageContext, n: number) => ctx.state.get(storage.EpochResults, n);

const ROW_FALLBACK: unknown[] = [];

function rowItem(name: string, item: typeof storage.Weights): StorageItemDef {
  return {
    name,
    docs: [`${name} row of one uid: (uid, value) pairs.`],
    modifier: 'Default',
    keys: [
      { hasher: 'Identity', type: NetUidStorageIndex },
      { hasher: 'Identity', type: T.u16 },
    ],
    value: T.vec(T.tuple(T.u16, T.u16)),
    fallback: ROW_FALLBACK,
    get: (ctx, [n, uid]) => {
      const row = ctx.state.get(item, [n as number, uid as number]);
      if (row === null || row.cols.length === 0) return undefined;
      return Array.from(row.cols, (c, i) => [c, row.vals[i] as number]);
    },
    keysOf: (ctx) => ctx.state.entries(item).map(([k]) => parts(k).map(Number)),
  };
}

/** A network-wide u16 limit on owners' setters: absent from storage while it has the default. */
function ownerLimit(name: string, doc: string, item: StorageValue<number>, fallback: number): StorageItemDef {
  return {
    name,
    docs: [doc],
    modifier: 'Default',
    keys: [],
    value: T.u16,
    fallback,
    get: (ctx) => {
      const v = ctx.state.value(item);
      return v === fallback ? undefined : v;
    },
  };
}

const accountMapKeys = (m: typeof storage.OwnedHotkeys) => (ctx: StorageContext) =>
  ctx.state.entries(m).map(([k]) => [acctBytes(k as AccountId)]);

const STORAGE: readonly StorageItemDef[] = [
  {
    name: 'TotalNetworks',
    docs: ['Number of subnets, the root subnet included.'],
    modifier: 'Default',
    keys: [],
    value: T.u16,
    fallback: 0,
    get: (ctx) => {
      const n = netuids(ctx).length;
      return n === 0 ? undefined : n;
    },
  },
  {
    name: 'NetworksAdded',
    docs: ['True for every netuid in use.'],
    modifier: 'Default',
    keys: [{ hasher: 'Identity', type: NetUid }],
    value: T.bool,
    fallback: false,
    get: (ctx, [n]) => (netuids(ctx).includes(n as number) ? true : undefined),
    keysOf: netuidKeys,
  },
  amountItem('SubnetTAO', 'TAO reserve of the subnet pool (rao).', storage.SubnetTao, TaoBalance),
  amountItem('SubnetAlphaIn', 'Alpha reserve of the subnet pool.', storage.SubnetAlphaIn, AlphaBalance),
  amountItem(
    'SubnetAlphaOut',
    'Alpha outside the pool (stake, pending emission).',
    storage.SubnetAlphaOut,
    AlphaBalance,
  ),
  amountItem('SubnetVolume', 'Cumulative TAO volume of the pool.', storage.SubnetVolume, T.u128),
  amountItem('SubnetLocked', 'TAO locked by the subnet registration.', storage.SubnetLocked, TaoBalance),
  amountItem('Burn', 'Current neuron registration price (rao).', storage.Burn, TaoBalance),
  amountItem('NetworkRegisteredAt', 'Block at which the subnet was registered.', storage.NetworkRegisteredAt),
  amountItem('BlocksSinceLastStep', 'Blocks since the last epoch.', storage.BlocksSinceLastStep),
  amountItem('LastEpochBlock', 'Block of the last epoch.', storage.LastEpochBlock),
  amountItem(
    'SubnetTaoInEmission',
    'TAO injected into the pool in the last block.',
    storage.SubnetTaoInEmission,
    TaoBalance,
  ),
  amountItem(
    'PendingServerEmission',
    'Alpha for miners waiting for the next epoch.',
    storage.PendingServerEmission,
    AlphaBalance,
  ),
  amountItem(
    'PendingValidatorEmission',
    'Alpha for validators waiting for the next epoch.',
    storage.PendingValidatorEmission,
    AlphaBalance,
  ),
  amountItem(
    'PendingRootAlphaDivs',
    'Alpha for root dividends waiting for the next epoch.',
    storage.PendingRootAlphaDivs,
    AlphaBalance,
  ),
  amountItem('PendingOwnerCut', 'Owner cut waiting for the next epoch.', storage.PendingOwnerCut, AlphaBalance),
  amountItem(
    'SubnetAlphaInEmission',
    'Alpha injected into the pool in the last block.',
    storage.SubnetAlphaInEmission,
    AlphaBalance,
  ),
  amountItem(
    'SubnetAlphaOutEmission',
    'Alpha emitted outside the pool in the last block.',
    storage.SubnetAlphaOutEmission,
    AlphaBalance,
  ),
  amountItem(
    'SubnetTaoFlow',
    'Net TAO staked into the subnet in the last block (rao, signed).',
    storage.SubnetTaoFlow,
    T.i64,
  ),
  amountItem(
    'RAORecycledForRegistration',
    'TAO spent on neuron registrations.',
    storage.RaoRecycledForRegistration,
    TaoBalance,
  ),
  // subtensor's spelling of the item name.
  amountItem('LastMechansimStepBlock', 'Block of the last mechanism step (epoch).', storage.LastMechanismStepBlock),
  perSubnet('SubnetMovingPrice', 'EMA of the alpha price (I96F32 bits).', I96F32, { bits: 0n }, (ctx, n) => ({
    bits: ctx.state.get(storage.MovingPrice, n),
  })),
  {
    ...perSubnet(
      'SubnetIdentitiesV3',
      'Name, links and description of a subnet.',
      SubnetIdentityV3,
      undefined,
      (ctx, n) => {
        const id = ctx.state.get(storage.Identity, n);
        if (id === null) return undefined;
        const b = (x: string) => new TextEncoder().encode(x);
        return {
          subnet_name: b(id.name),
          github_repo: b(id.github),
          subnet_contact: b(id.contact),
          subnet_url: b(id.url),
          discord: b(id.discord),
          description: b(id.description),
          logo_url: b(id.logoUrl),
          additional: b(id.additional),
        };
      },
      { hasher: 'Blake2128Concat' },
    ),
    modifier: 'Optional',
  },
  {
    ...perSubnet(
      'FirstEmissionBlockNumber',
      'Block from which the subnet emits (set by start_call).',
      T.u64,
      undefined,
      (ctx, n) => {
        const b = ctx.state.get(storage.FirstEmissionBlock, n);
        return b === 0n ? undefined : b;
      },
    ),
    modifier: 'Optional',
  },
  perSubnet('SubtokenEnabled', 'Whether staking is open on the subnet.', T.bool, false, (ctx, n) =>
    ctx.state.get(storage.SubtokenEnabled, n),
  ),
  perSubnet('SubnetMechanism', '0 = stable (root), 1 = dynamic pool.', T.u16, 0, (ctx, n) =>
    ctx.state.get(storage.Mechanism, n),
  ),
  perSubnet('MechanismCountCurrent', 'Mechanisms per subnet (Taonet: always 1).', MechId, 1, () => 1, {
    hasher: 'Twox64Concat',
  }),
  perSubnet('SubnetOwner', 'Coldkey owning the subnet.', AccountId32, ZERO_ACCOUNT, (ctx, n) => {
    const o = ctx.state.get(storage.SubnetOwner, n);
    return o === null ? ZERO_ACCOUNT : acctBytes(o);
  }),
  perSubnet('SubnetOwnerHotkey', 'Hotkey of the subnet owner.', AccountId32, ZERO_ACCOUNT, (ctx, n) => {
    const o = ctx.state.get(storage.SubnetOwnerHotkey, n);
    return o === null ? ZERO_ACCOUNT : acctBytes(o);
  }),
  perSubnet('TokenSymbol', 'The subnet token symbol (UTF-8).', Bytes, new Uint8Array(0), (ctx, n) =>
    new TextEncoder().encode(ctx.state.get(storage.TokenSymbol, n)),
  ),
  perSubnet(
    'SubnetworkN',
    'Number of neurons on the subnet.',
    T.u16,
    0,
    (ctx, n) => ctx.state.get(storage.Keys, n).length,
    { always: true },
  ),
  hyperItem('Tempo', 'tempo', T.u16),
  hyperItem('MaxAllowedUids', 'maxAllowedUids', T.u16),
  hyperItem('MinAllowedWeights', 'minAllowedWeights', T.u16),
  hyperItem('MaxWeightsLimit', 'maxWeightsLimit', T.u16),
  hyperItem('ImmunityPeriod', 'immunityPeriod', T.u16, (v) => Number(v)),
  hyperItem('WeightsSetRateLimit', 'weightsSetRateLimit', T.u64),
  hyperItem('WeightsVersionKey', 'weightsVersionKey', T.u64),
  hyperItem('CommitRevealWeightsEnabled', 'commitRevealEnabled', T.bool),
  hyperItem('ServingRateLimit', 'servingRateLimit', T.u64),
  hyperItem('MaxAllowedValidators', 'maxAllowedValidators', T.u16),
  hyperItem('Kappa', 'kappa', T.u16),
  hyperItem('NetworkRegistrationAllowed', 'registrationAllowed', T.bool),
  hyperItem('MinBurn', 'minBurn', TaoBalance),
  hyperItem('MaxBurn', 'maxBurn', TaoBalance),
  hyperItem('TransferToggle', 'transferEnabled', T.bool),
  {
    name: 'Uids',
    docs: ['Uid of a hotkey on a subnet.'],
    modifier: 'Optional',
    keys: [
      { hasher: 'Identity', type: NetUid },
      { hasher: 'Blake2128Concat', type: AccountId32 },
    ],
    value: T.u16,
    get: (ctx, [n, hk]) => ctx.state.get(storage.Uids, [n as number, acct(hk)]) ?? undefined,
    keysOf: (ctx) =>
      ctx.state.entries(storage.Uids).map(([k]) => {
        const [n, hk] = parts(k);
        return [Number(n), acctBytes(hk as AccountId)];
      }),
  },
  {
    name: 'Keys',
    docs: ['Hotkey at a uid of a subnet.'],
    modifier: 'Default',
    keys: [
      { hasher: 'Identity', type: NetUid },
      { hasher: 'Identity', type: T.u16 },
    ],
    value: AccountId32,
    fallback: ZERO_ACCOUNT,
    get: (ctx, [n, uid]) => {
      const hk = ctx.state.get(storage.Keys, n as number)[uid as number];
      return hk === undefined ? undefined : acctBytes(hk);
    },
    keysOf: (ctx) => ctx.state.entries(storage.Keys).flatMap(([n, hks]) => hks.map((_, uid) => [Number(n), uid])),
  },
  {
    name: 'BlockAtRegistration',
    docs: ['Block at which a uid was registered.'],
    modifier: 'Default',
    keys: [
      { hasher: 'Identity', type: NetUid },
      { hasher: 'Identity', type: T.u16 },
    ],
    value: T.u64,
    fallback: 0n,
    get: (ctx, [n, uid]) => {
      const b = ctx.state.get(storage.BlockAtRegistration, n as number)[uid as number];
      return b === undefined || b === 0n ? undefined : b;
    },
    keysOf: (ctx) =>
      ctx.state
        .entries(storage.BlockAtRegistration)
        .flatMap(([n, bs]) => bs.flatMap((b, uid) => (b === 0n ? [] : [[Number(n), uid]]))),
  },
  perMechanism('LastUpdate', 'Block of each uid’s last weights.', T.vec(T.u64), (ctx, i) =>
    ctx.state.get(storage.LastUpdate, i),
  ),
  epochColumn('Active', 'Whether each uid was active in the last epoch.', T.vec(T.bool), (c) => c.active),
  epochColumn('ValidatorPermit', 'Validator permits after the last epoch.', T.vec(T.bool), (c) => c.validatorPermit),
  epochColumn('Emission', 'Alpha emitted to each uid in the last epoch.', T.vec(AlphaBalance), (c) => c.emission),
  epochColumn('Consensus', 'Consensus of each uid (u16 proportion).', T.vec(T.u16), (c) => c.consensus),
  perMechanism('Incentive', 'Incentive of each uid (u16 proportion).', T.vec(T.u16), (ctx, i, mecid) =>
    mecid === 0 ? (epochResults(ctx, i)?.incentive ?? []) : ctx.state.get(storage.MechanismIncentive, i),
  ),
  epochColumn('Dividends', 'Dividends of each uid (u16 proportion).', T.vec(T.u16), (c) => c.dividends),
  epochColumn('ValidatorTrust', 'Validator trust of each uid (u16 proportion).', T.vec(T.u16), (c) => c.validatorTrust),
  rowItem('Weights', storage.Weights),
  rowItem('Bonds', storage.Bonds),
  {
    name: 'Axons',
    docs: ['Axon endpoint a hotkey serves on a subnet.'],
    modifier: 'Optional',
    keys: [
      { hasher: 'Identity', type: NetUid },
      { hasher: 'Blake2128Concat', type: AccountId32 },
    ],
    value: AxonInfo,
    get: (ctx, [n, hk]) => {
      const x = ctx.state.get(storage.Axons, [n as number, acct(hk)]);
      if (x === null) return undefined;
      return {
        block: x.block,
        version: x.version,
        ip: x.ip,
        port: x.port,
        ip_type: x.ipType,
        protocol: x.protocol,
        placeholder1: 0,
        placeholder2: 0,
      };
    },
    keysOf: (ctx) =>
      ctx.state.entries(storage.Axons).map(([k]) => {
        const [n, hk] = parts(k);
        return [Number(n), acctBytes(hk as AccountId)];
      }),
  },
  {
    name: 'Owner',
    docs: ['Coldkey owning a hotkey.'],
    modifier: 'Default',
    keys: [{ hasher: 'Blake2128Concat', type: AccountId32 }],
    value: AccountId32,
    fallback: ZERO_ACCOUNT,
    get: (ctx, [hk]) => {
      const o = ctx.state.get(storage.Owner, acct(hk));
      return o === null ? undefined : acctBytes(o);
    },
    keysOf: accountMapKeys(storage.Owner as never),
  },
  {
    name: 'OwnedHotkeys',
    docs: ['Hotkeys a coldkey owns.'],
    modifier: 'Default',
    keys: [{ hasher: 'Blake2128Concat', type: AccountId32 }],
    value: T.vec(AccountId32),
    fallback: [],
    get: (ctx, [ck]) => {
      const hs = ctx.state.get(storage.OwnedHotkeys, acct(ck));
      return hs.length === 0 ? undefined : hs.map(acctBytes);
    },
    keysOf: accountMapKeys(storage.OwnedHotkeys),
  },
  {
    name: 'StakingHotkeys',
    docs: ['Hotkeys a coldkey has stake on.'],
    modifier: 'Default',
    keys: [{ hasher: 'Blake2128Concat', type: AccountId32 }],
    value: T.vec(AccountId32),
    fallback: [],
    get: (ctx, [ck]) => {
      const hs = ctx.state.get(storage.StakingHotkeys, acct(ck));
      return hs.length === 0 ? undefined : hs.map(acctBytes);
    },
    keysOf: accountMapKeys(storage.StakingHotkeys),
  },
  {
    name: 'Delegates',
    docs: ['Take of a validator hotkey (u16 proportion); absent = the network default.'],
    modifier: 'Default',
    keys: [{ hasher: 'Blake2128Concat', type: AccountId32 }],
    value: T.u16,
    fallback: DEFAULT_NETWORK_PARAMS.defaultTake,
    get: (ctx, [hk]) => ctx.state.get(storage.DelegateTake, acct(hk)) ?? undefined,
    keysOf: (ctx) => ctx.state.entries(storage.DelegateTake).map(([k]) => [acctBytes(k as AccountId)]),
  },
  ...hotkeyNetuidItems(),
  ...alphaItems(),
  {
    name: 'RootClaimType',
    docs: ['How a coldkey takes root dividends: swapped to TAO or kept as alpha.'],
    modifier: 'Default',
    keys: [{ hasher: 'Blake2128Concat', type: AccountId32 }],
    value: RootClaimType,
    fallback: { tag: 'Swap', value: undefined },
    get: (ctx, [ck]) =>
      ctx.state.get(storage.RootClaimType, acct(ck)) === 'keep' ? { tag: 'Keep', value: undefined } : undefined,
    keysOf: (ctx) =>
      ctx.state.entries(storage.RootClaimType).flatMap(([k, v]) => (v === 'keep' ? [[acctBytes(k as AccountId)]] : [])),
  },
  {
    name: 'NetworkLastLockCost',
    docs: ['TAO locked by the last subnet registration (the base of the next lock cost).'],
    modifier: 'Default',
    keys: [],
    value: TaoBalance,
    fallback: 0n,
    get: (ctx) => {
      const v = ctx.state.value(storage.NetworkLastLockCost);
      return v === 0n ? undefined : v;
    },
  },
  {
    name: 'TotalStake',
    docs: ['TAO staked in all pools (rao).'],
    modifier: 'Default',
    keys: [],
    value: TaoBalance,
    fallback: 0n,
    get: (ctx) => {
      const v = ctx.state.value(storage.TotalStake);
      return v === 0n ? undefined : v;
    },
  },
  ownerLimit(
    'AdminFreezeWindow',
    'Blocks at the end of each tempo in which subnet owners may not change their subnet.',
    storage.AdminFreezeWindow,
    storage.DEFAULT_ADMIN_FREEZE_WINDOW,
  ),
  ownerLimit(
    'OwnerHyperparamRateLimit',
    'Tempos a subnet owner waits between two changes of one hyperparameter.',
    storage.OwnerHyperparamRateLimit,
    storage.DEFAULT_OWNER_HYPERPARAM_RATE_LIMIT,
  ),
  amountItem(
    'PendingEpochAt',
    'Block at which the next epoch of the subnet is due (0: none pending).',
    storage.PendingEpochAt,
  ),
  amountItem('SubnetEpochIndex', 'Epochs the subnet has run.', storage.SubnetEpochIndex),
  perSubnet(
    'RevealPeriodEpochs',
    'Epochs between a weight commit and its reveal.',
    T.u64,
    1n,
    (ctx, n) => BigInt(hyper(ctx, n)?.revealPeriodEpochs ?? 1),
    { hasher: 'Twox64Concat' },
  ),
  perSubnet(
    'AlphaValues',
    'Liquid-alpha (low, high) bounds.',
    T.tuple(T.u16, T.u16),
    ALPHA_VALUES_DEFAULT,
    (ctx, n) => {
      const h = hyper(ctx, n);
      return h === null ? undefined : [h.alphaLow, h.alphaHigh];
    },
  ),
  // Taonet's epochs always run Yuma Consensus and it locks no registration collateral.
  perSubnet('SubnetEpochConsensus', 'How the subnet’s epoch reaches consensus.', EpochConsensus, YUMA, () => YUMA),
  perSubnet('CollateralLockShare', 'Share of a registration locked as collateral (65535 = all).', T.u16, 0, () => 0),
  {
    ...perSubnet(
      'SubnetEmaTaoFlow',
      'Block of the last update and the EMA of the net TAO flow into the subnet (I64F64 bits).',
      T.tuple(T.u64, I64F64),
      undefined,
      (ctx, n) => [ctx.number, { bits: ctx.state.get(storage.FlowEma, n) }],
    ),
    modifier: 'Optional',
  },
  {
    name: 'IsNetworkMember',
    docs: ['Whether a hotkey is registered on a subnet.'],
    modifier: 'Default',
    keys: [
      { hasher: 'Blake2128Concat', type: AccountId32 },
      { hasher: 'Identity', type: NetUid },
    ],
    value: T.bool,
    fallback: false,
    get: (ctx, [hk, n]) => (ctx.state.get(storage.Uids, [n as number, acct(hk)]) === null ? undefined : true),
    keysOf: (ctx) =>
      ctx.state.entries(storage.Uids).map(([k]) => {
        const [n, hk] = parts(k);
        return [acctBytes(hk as AccountId), Number(n)];
      }),
  },
  childLinks('ChildKeys', 'Children of a hotkey on a subnet: (proportion of u64::MAX, child).', storage.ChildKeys),
  childLinks('ParentKeys', 'Parents of a hotkey on a subnet: (proportion of u64::MAX, parent).', storage.ParentKeys),
  ...operatorStorage(),
  ...neverPresent(),
  ...timelockedWeightItems(),
];

/** (B hotkey, I netuid) → Vec<(u64 proportion, account)>: a hotkey's child or parent links. */
function childLinks(name: string, doc: string, item: typeof storage.ChildKeys): StorageItemDef {
  return {
    name,
    docs: [doc],
    modifier: 'Default',
    keys: [
      { hasher: 'Blake2128Concat', type: AccountId32 },
      { hasher: 'Identity', type: NetUid },
    ],
    value: T.vec(T.tuple(T.u64, AccountId32)),
    fallback: [],
    get: (ctx, [hk, n]) => {
      const links = ctx.state.get(item, [acct(hk), n as number]);
      return links.length === 0 ? undefined : links.map((l) => [l.proportion, acctBytes(l.hotkey)]);
    },
    keysOf: (ctx) =>
      ctx.state.entries(item).flatMap(([k, links]) => {
        if (links.length === 0) return [];
        const [hk, n] = parts(k);
        return [[acctBytes(hk as AccountId), Number(n)]];
      }),
  };
}

/**
 * Items clients look up (so they must be in the metadata) for concepts Taonet does not have: stake
 * locks, per-mechanism emission splits, timelocked commits, PoW difficulty.
 * They are never present, so reads give None or subtensor's default.
 */
function neverPresent(): StorageItemDef[] {
  const none = { get: () => undefined, keysOf: () => [] };
  const netuidKey = [{ hasher: 'Identity' as const, type: NetUid }];
  const netuidHotkey = [
    { hasher: 'Identity' as const, type: NetUid },
    { hasher: 'Blake2128Concat' as const, type: AccountId32 },
  ];
  const opt = (name: string, doc: string, keys: StorageItemDef['keys'], value: ScaleType): StorageItemDef => ({
    name,
    docs: [doc],
    modifier: 'Optional',
    keys,
    value,
    ...none,
  });
  const plain = (name: string, doc: string, value: ScaleType, fallback: unknown): StorageItemDef => ({
    name,
    docs: [doc],
    modifier: 'Default',
    keys: [],
    value,
    fallback,
    get: () => undefined,
  });
  return [
    opt('HotkeyLock', 'Stake lock of a hotkey on a subnet (Taonet has no locks).', netuidHotkey, LockState),
    opt('DecayingHotkeyLock', 'Decaying stake lock of a hotkey on a subnet (none in Taonet).', netuidHotkey, LockState),
    opt('OwnerLock', 'Lock to the subnet owner hotkey (none in Taonet).', netuidKey, LockState),
    opt(
      'Lock',
      'Stake lock of a coldkey on a subnet, to a hotkey (none in Taonet).',
      [
        { hasher: 'Blake2128Concat', type: AccountId32 },
        { hasher: 'Identity', type: NetUid },
        { hasher: 'Blake2128Concat', type: AccountId32 },
      ],
      LockState,
    ),
    opt(
      'AutoStakeDestination',
      'Hotkey a coldkey auto-stakes its mining rewards to on a subnet (Taonet has no auto-stake).',
      [
        { hasher: 'Blake2128Concat', type: AccountId32 },
        { hasher: 'Identity', type: NetUid },
      ],
      AccountId32,
    ),
    opt(
      'DecayingLock',
      'Whether a coldkey’s lock on a subnet decays (none in Taonet).',
      [
        { hasher: 'Blake2128Concat', type: AccountId32 },
        { hasher: 'Identity', type: NetUid },
      ],
      T.bool,
    ),
    opt('DecayingOwnerLock', 'Decaying lock to the subnet owner hotkey (none in Taonet).', netuidKey, LockState),
    plain('UnlockRate', 'Unlock rate of decaying locks (subtensor’s default; unused by Taonet).', T.u64, 934_866n),
    plain('MaturityRate', 'Maturity rate of lock conviction (subtensor’s default; unused by Taonet).', T.u64, 934_866n),
    opt(
      'MechanismEmissionSplit',
      'Emission split between mechanisms (none: one mechanism per subnet).',
      [{ hasher: 'Twox64Concat', type: NetUid }],
      T.vec(T.u16),
    ),
    {
      name: 'Difficulty',
      docs: ['PoW registration difficulty (Taonet has no PoW registration: subtensor’s initial value).'],
      modifier: 'Default',
      keys: netuidKey,
      value: T.u64,
      fallback: views.SUBTENSOR_FRESH_CHAIN_VALUES.difficulty,
      ...none,
    },
  ];
}

/** (B hotkey, I netuid) items: the pool of a hotkey on a subnet. */
function hotkeyNetuidItems(): StorageItemDef[] {
  const keys = [
    { hasher: 'Blake2128Concat' as const, type: AccountId32 },
    { hasher: 'Identity' as const, type: NetUid },
  ];
  const keysOf = (m: { name: string }) => (ctx: StorageContext) =>
    ctx.state.entries(m as typeof storage.TotalHotkeyAlpha).map(([k]) => {
      const [hk, n] = parts(k);
      return [acctBytes(hk as AccountId), Number(n)];
    });
  const shares = (ctx: StorageContext, hk: unknown, n: unknown) =>
    ctx.state.get(storage.TotalHotkeyShares, [acct(hk), n as number]);
  return [
    {
      name: 'TotalHotkeyAlpha',
      docs: ['Alpha held by all nominators of a hotkey on a subnet.'],
      modifier: 'Default',
      keys,
      value: AlphaBalance,
      fallback: 0n,
      get: (ctx, [hk, n]) => {
        const v = ctx.state.get(storage.TotalHotkeyAlpha, [acct(hk), n as number]);
        return v === 0n ? undefined : v;
      },
      keysOf: keysOf(storage.TotalHotkeyAlpha),
    },
    {
      name: 'TotalHotkeyShares',
      docs: ['Total shares of that pool, as U64F64 bits.'],
      modifier: 'Default',
      keys,
      value: U64F64,
      fallback: { bits: 0n },
      get: (ctx, [hk, n]) => {
        const s = shares(ctx, hk, n);
        return s.mantissa === 0n ? undefined : { bits: safeFloatToU64F64(s) };
      },
      keysOf: keysOf(storage.TotalHotkeyShares),
    },
    {
      name: 'TotalHotkeySharesV2',
      docs: ['Total shares of that pool, as SafeFloat.'],
      modifier: 'Default',
      keys,
      value: SafeFloatType,
      fallback: { mantissa: 0n, exponent: 0n },
      get: (ctx, [hk, n]) => {
        const s = shares(ctx, hk, n);
        return s.mantissa === 0n ? undefined : { mantissa: s.mantissa, exponent: BigInt(s.exponent) };
      },
      keysOf: keysOf(storage.TotalHotkeyShares),
    },
  ];
}

/** Alpha / AlphaV2: (B hotkey, B coldkey, I netuid) → the coldkey's shares in the hotkey's pool. */
function alphaItems(): StorageItemDef[] {
  const keys = [
    { hasher: 'Blake2128Concat' as const, type: AccountId32 },
    { hasher: 'Blake2128Concat' as const, type: AccountId32 },
    { hasher: 'Identity' as const, type: NetUid },
  ];
  const get = (ctx: StorageContext, [hk, ck, n]: readonly unknown[]) =>
    ctx.state.get(storage.StakeShares, [acct(hk), acct(ck), n as number]);
  const keysOf = (ctx: StorageContext) =>
    ctx.state.entries(storage.StakeShares).map(([k]) => {
      const [hk, ck, n] = parts(k);
      return [acctBytes(hk as AccountId), acctBytes(ck as AccountId), Number(n)];
    });
  return [
    {
      name: 'Alpha',
      docs: ['A coldkey’s shares in a hotkey’s pool on a subnet, as U64F64 bits.'],
      modifier: 'Default',
      keys,
      value: U64F64,
      fallback: { bits: 0n },
      get: (ctx, k) => {
        const s = get(ctx, k);
        return s.mantissa === 0n ? undefined : { bits: safeFloatToU64F64(s) };
      },
      keysOf,
    },
    {
      name: 'AlphaV2',
      docs: ['The same shares as SafeFloat (mantissa · 10^exponent).'],
      modifier: 'Default',
      keys,
      value: SafeFloatType,
      fallback: { mantissa: 0n, exponent: 0n },
      get: (ctx, k) => {
        const s = get(ctx, k);
        return s.mantissa === 0n ? undefined : { mantissa: s.mantissa, exponent: BigInt(s.exponent) };
      },
      keysOf,
    },
  ];
}

export function subtensorModulePallet(): PalletDef {
  return {
    name: 'SubtensorModule',
    index: 7,
    docs: ['Subnets, neurons, stake, weights and emission.'],
    calls: CALLS,
    storage: STORAGE,
    events: SUBTENSOR_EVENTS,
    errors: SUBTENSOR_ERRORS,
    constants: [
      {
        name: 'InitialStartCallDelay',
        type: T.u64,
        value: DEFAULT_NETWORK_PARAMS.startCallDelay,
        docs: ['Blocks after registration before the owner may call start_call.'],
      },
    ],
  };
}
