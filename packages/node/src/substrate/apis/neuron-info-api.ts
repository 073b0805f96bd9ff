/**
 * NeuronInfoRuntimeApi: the neurons of a subnet in subtensor's NeuronInfo (with weights and bonds)
 * and NeuronInfoLite, from `views.metagraph`. Rank, trust and pruning score are no longer computed
 * by subtensor either (0, 0 and u16::MAX there).
 */
import { views } from '@taonet/runtime';
import { acctBytes } from '../pallet.js';
import { AxonInfo } from '../pallets/subtensor-types.js';
import type { ApiContext, RuntimeApiDef } from '../runtime-apis.js';
import { fields, type ScaleType, T } from '../scale-type.js';
import { AccountId32, AlphaBalance, NetUid, option } from '../types.js';
import { acctOr0, axonInfo, NO_PROMETHEUS, optional, stateOf } from './api-values.js';

const C = T.compact;

export const PrometheusInfo = T.composite(
  'pallet_subtensor::PrometheusInfo',
  fields({ block: T.u64, version: T.u32, ip: T.u128, port: T.u16, ip_type: T.u8 }),
);

const head = {
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
};
const pairs: ScaleType = T.vec(T.tuple(C(T.u16), C(T.u16)));

export const NeuronInfoLite = T.composite(
  'pallet_subtensor::rpc_info::neuron_info::NeuronInfoLite',
  fields({ ...head, pruning_score: C(T.u16) }),
  [{ name: 'AccountId', type: AccountId32 }],
);

export const NeuronInfo = T.composite(
  'pallet_subtensor::rpc_info::neuron_info::NeuronInfo',
  fields({ ...head, weights: pairs, bonds: pairs, pruning_score: C(T.u16) }),
  [{ name: 'AccountId', type: AccountId32 }],
);

const LITE_FIELDS: views.MetagraphField[] = [
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
];

/** The neurons of a subnet (empty when it does not exist); with weights and bonds when `full`. */
function neurons(ctx: ApiContext, netuid: number, full: boolean): Record<string, unknown>[] {
  const s = stateOf(ctx);
  const mg = views.metagraph(s, netuid, full ? [...LITE_FIELDS, 'weights', 'bonds'] : LITE_FIELDS);
  if (mg === null) return [];
  // subtensor leaves out zero entries of the weight and bond rows.
  const nonZero = (row: [number, number][] | undefined) => (row ?? []).filter(([, v]) => v > 0);
  return (mg.hotkeys ?? []).map((hk, uid) => {
    const ck = acctOr0(mg.coldkeys?.[uid]);
    const n: Record<string, unknown> = {
      hotkey: acctBytes(hk),
      coldkey: ck,
      uid,
      netuid,
      active: mg.active?.[uid] ?? false,
      axon_info: axonInfo(s, netuid, hk),
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
      pruning_score: 0xffff,
    };
    if (full) {
      n.weights = nonZero(mg.weights?.[uid]);
      n.bonds = nonZero(mg.bonds?.[uid]);
    }
    return n;
  });
}

export const NEURON_INFO_API: RuntimeApiDef = {
  name: 'NeuronInfoRuntimeApi',
  version: 1,
  docs: ['Neurons of a subnet, with or without their weights and bonds.'],
  methods: [
    {
      name: 'get_neurons',
      inputs: fields({ netuid: NetUid }),
      output: T.vec(NeuronInfo),
      run: (ctx, [n]) => neurons(ctx, n as number, true),
    },
    {
      name: 'get_neuron',
      inputs: fields({ netuid: NetUid, uid: T.u16 }),
      output: option(NeuronInfo),
      run: (ctx, [n, uid]) => optional(neurons(ctx, n as number, true)[uid as number]),
    },
    {
      name: 'get_neurons_lite',
      inputs: fields({ netuid: NetUid }),
      output: T.vec(NeuronInfoLite),
      run: (ctx, [n]) => neurons(ctx, n as number, false),
    },
    {
      name: 'get_neuron_lite',
      inputs: fields({ netuid: NetUid, uid: T.u16 }),
      output: option(NeuronInfoLite),
      run: (ctx, [n, uid]) => optional(neurons(ctx, n as number, false)[uid as number]),
    },
  ],
};
