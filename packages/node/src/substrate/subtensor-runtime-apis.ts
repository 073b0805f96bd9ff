/**
 * subtensor's own runtime APIs, in subtensor's struct layouts, answered from the runtime's views
 * (`views.dynamicInfo`, `views.metagraph`): SubnetInfoRuntimeApi (dynamic info) and
 * NeuronInfoRuntimeApi (neurons lite). The node only reshapes; every number comes from a view or a
 * storage item the view reads.
 */
import type { AccountId } from '@taonet/primitives';
import { type State, storage, views } from '@taonet/runtime';
import { acctBytes } from './pallet.js';
import { AxonInfo, SubnetIdentityV3 } from './pallets/subtensor-types.js';
import type { ApiContext, RuntimeApiDef } from './runtime-apis.js';
import { fields, T } from './scale-type.js';
import { AccountId32, AlphaBalance, I96F32, NetUid, option, TaoBalance } from './types.js';

const C = T.compact;
const utf8 = new TextEncoder();
const ZERO = new Uint8Array(32);

export const DynamicInfo = T.composite(
  'pallet_subtensor::rpc_info::dynamic_info::DynamicInfo',
  fields({
    netuid: C(NetUid),
    owner_hotkey: AccountId32,
    owner_coldkey: AccountId32,
    subnet_name: T.vec(C(T.u8)),
    token_symbol: T.vec(C(T.u8)),
    tempo: C(T.u16),
    last_step: C(T.u64),
    blocks_since_last_step: C(T.u64),
    emission: C(T.u64),
    alpha_in: C(AlphaBalance),
    alpha_out: C(AlphaBalance),
    tao_in: C(TaoBalance),
    alpha_out_emission: C(AlphaBalance),
    alpha_in_emission: C(AlphaBalance),
    tao_in_emission: C(TaoBalance),
    pending_alpha_emission: C(AlphaBalance),
    pending_root_emission: C(TaoBalance),
    subnet_volume: C(T.u128),
    network_registered_at: C(T.u64),
    subnet_identity: option(SubnetIdentityV3),
    moving_price: I96F32,
  }),
  [{ name: 'AccountId', type: AccountId32 }],
);

export const PrometheusInfo = T.composite(
  'pallet_subtensor::PrometheusInfo',
  fields({ block: T.u64, version: T.u32, ip: T.u128, port: T.u16, ip_type: T.u8 }),
);

export const NeuronInfoLite = T.composite(
  'pallet_subtensor::rpc_info::neuron_info::NeuronInfoLite',
  fields({
    hotkey: AccountId32,
    coldkey: AccountId32,
    uid: C(T.u16),
    netuid: C(NetUid),
    active: T.bool,
    axon_info: AxonInfo,
    prometheus_info: PrometheusInfo,
    stake: T.vec(T.tuple(AccountId32, C(AlphaBalance))),
    rank: C(T.u16),
    emission: C(AlphaBalance),
    incentive: C(T.u16),
    consensus: C(T.u16),
    trust: C(T.u16),
    validator_trust: C(T.u16),
    dividends: C(T.u16),
    last_update: C(T.u64),
    validator_permit: T.bool,
    pruning_score: C(T.u16),
  }),
  [{ name: 'AccountId', type: AccountId32 }],
);

/** The runtime's views take a State; a past block's read-only view offers the same reads. */
const stateOf = (ctx: ApiContext): State => ctx.storage.state as State;
const acctOr0 = (a: AccountId | null): Uint8Array => (a === null ? ZERO : acctBytes(a));
const text = (s: string): number[] => [...utf8.encode(s)];

function dynamicInfo(ctx: ApiContext, netuid: number): unknown {
  const s = stateOf(ctx);
  const d = views.dynamicInfo(s, netuid, ctx.storage.number);
  if (d === null) return { tag: 'None', value: undefined };
  const lastStep = s.get(storage.LastMechanismStepBlock, netuid);
  const id = d.identity;
  return {
    tag: 'Some',
    value: {
      netuid,
      owner_hotkey: acctOr0(d.ownerHotkey),
      owner_coldkey: acctOr0(d.owner),
      subnet_name: text(d.name),
      token_symbol: text(d.symbol),
      tempo: d.tempo,
      last_step: lastStep,
      blocks_since_last_step: ctx.storage.number > lastStep ? ctx.storage.number - lastStep : 0n,
      // subtensor reports 0 here too (emission is per pool now: the *_emission fields).
      emission: 0n,
      alpha_in: d.alphaIn,
      alpha_out: d.alphaOut,
      tao_in: d.taoIn,
      alpha_out_emission: d.alphaOutEmission,
      alpha_in_emission: d.alphaInEmission,
      tao_in_emission: s.get(storage.SubnetTaoInEmission, netuid),
      pending_alpha_emission: d.pendingServer + d.pendingValidator,
      pending_root_emission: 0n,
      subnet_volume: d.volume,
      network_registered_at: d.registeredAt,
      subnet_identity:
        id === null
          ? { tag: 'None', value: undefined }
          : {
              tag: 'Some',
              value: {
                subnet_name: utf8.encode(id.name),
                github_repo: utf8.encode(id.github),
                subnet_contact: utf8.encode(id.contact),
                subnet_url: utf8.encode(id.url),
                discord: utf8.encode(id.discord),
                description: utf8.encode(id.description),
                logo_url: utf8.encode(id.logoUrl),
                additional: utf8.encode(id.additional),
              },
            },
      moving_price: { bits: d.movingPrice },
    },
  };
}

const NO_AXON = { block: 0n, version: 0, ip: 0n, port: 0, ip_type: 0, protocol: 0, placeholder1: 0, placeholder2: 0 };
const NO_PROMETHEUS = { block: 0n, version: 0, ip: 0n, port: 0, ip_type: 0 };

function neuronsLite(ctx: ApiContext, netuid: number): unknown[] {
  const s = stateOf(ctx);
  const mg = views.metagraph(s, netuid, [
    'hotkeys',
    'coldkeys',
    'alphaStake',
    'active',
    'validatorPermit',
    'emission',
    'consensus',
    'incentive',
    'dividends',
    'validatorTrust',
    'lastUpdate',
  ]);
  if (mg === null) return [];
  return (mg.hotkeys ?? []).map((hk, uid) => {
    const ck = acctOr0(mg.coldkeys?.[uid] ?? null);
    const axon = s.get(storage.Axons, [netuid, hk]);
    return {
      hotkey: acctBytes(hk),
      coldkey: ck,
      uid,
      netuid,
      active: mg.active?.[uid] ?? false,
      axon_info:
        axon === null
          ? NO_AXON
          : {
              block: axon.block,
              version: axon.version,
              ip: axon.ip,
              port: axon.port,
              ip_type: axon.ipType,
              protocol: axon.protocol,
              placeholder1: 0,
              placeholder2: 0,
            },
      prometheus_info: NO_PROMETHEUS,
      stake: [[ck, mg.alphaStake?.[uid] ?? 0n]],
      rank: 0,
      emission: mg.emission?.[uid] ?? 0n,
      incentive: mg.incentive?.[uid] ?? 0,
      consensus: mg.consensus?.[uid] ?? 0,
      trust: 0,
      validator_trust: mg.validatorTrust?.[uid] ?? 0,
      dividends: mg.dividends?.[uid] ?? 0,
      last_update: mg.lastUpdate?.[uid] ?? 0n,
      validator_permit: mg.validatorPermit?.[uid] ?? false,
      // Deprecated in subtensor, which reports u16::MAX.
      pruning_score: 0xffff,
    };
  });
}

export const SubnetPrice = T.composite(
  'subtensor_swap_runtime_api::SubnetPrice',
  fields({ netuid: NetUid, price: T.u64 }),
);

const U64_MAX = (1n << 64n) - 1n;
const RAO = 1_000_000_000n;

/** subtensor's price unit: rao of TAO per whole alpha, ⌊price · 10^9⌋ (0 for a subnet that does not exist). */
function alphaPriceRao(ctx: ApiContext, netuid: number): bigint {
  const d = views.dynamicInfo(stateOf(ctx), netuid, ctx.storage.number);
  if (d === null) return 0n;
  const p = (d.price * RAO) >> 64n;
  return p > U64_MAX ? U64_MAX : p;
}

export const SUBTENSOR_RUNTIME_APIS: readonly RuntimeApiDef[] = [
  {
    name: 'SubnetInfoRuntimeApi',
    version: 1,
    docs: ['Subnet pools, prices, emission and identity.'],
    methods: [
      {
        name: 'get_dynamic_info',
        inputs: fields({ netuid: NetUid }),
        output: option(DynamicInfo),
        run: (ctx, [n]) => dynamicInfo(ctx, n as number),
      },
      {
        name: 'get_all_dynamic_info',
        inputs: [],
        output: T.vec(option(DynamicInfo)),
        // By netuid, no gaps in the list of existing subnets (btcli indexes it).
        run: (ctx) =>
          stateOf(ctx)
            .value(storage.Netuids)
            .map((n) => dynamicInfo(ctx, n)),
      },
    ],
  },
  {
    name: 'NeuronInfoRuntimeApi',
    version: 1,
    docs: ['Neurons of a subnet without their weights and bonds.'],
    methods: [
      {
        name: 'get_neurons_lite',
        inputs: fields({ netuid: NetUid }),
        output: T.vec(NeuronInfoLite),
        run: (ctx, [n]) => neuronsLite(ctx, n as number),
      },
      {
        name: 'get_neuron_lite',
        inputs: fields({ netuid: NetUid, uid: T.u16 }),
        output: option(NeuronInfoLite),
        run: (ctx, [n, uid]) => {
          const one = neuronsLite(ctx, n as number)[uid as number];
          return one === undefined ? { tag: 'None', value: undefined } : { tag: 'Some', value: one };
        },
      },
    ],
  },
  {
    name: 'SubnetRegistrationRuntimeApi',
    version: 1,
    docs: ['What creating a subnet costs now.'],
    methods: [
      {
        name: 'get_network_registration_cost',
        inputs: [],
        output: TaoBalance,
        run: (ctx) => views.registrationPrices(stateOf(ctx), ctx.storage.number).network,
      },
    ],
  },
  {
    name: 'SwapRuntimeApi',
    version: 1,
    docs: ['Spot prices of the subnet pools.'],
    methods: [
      {
        name: 'current_alpha_price',
        inputs: fields({ netuid: NetUid }),
        output: T.u64,
        run: (ctx, [n]) => alphaPriceRao(ctx, n as number),
      },
      {
        name: 'current_alpha_price_all',
        inputs: [],
        output: T.vec(SubnetPrice),
        run: (ctx) =>
          stateOf(ctx)
            .value(storage.Netuids)
            .map((netuid) => ({ netuid, price: alphaPriceRao(ctx, netuid) })),
      },
    ],
  },
];
