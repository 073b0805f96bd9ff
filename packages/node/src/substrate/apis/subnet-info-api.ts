/**
 * SubnetInfoRuntimeApi: a subnet's pool and emission (DynamicInfo), its full metagraph (subtensor's
 * 72-field Metagraph, and SelectiveMetagraph by field index), its per-uid state, its
 * hyperparameters (v1, v2 and the named list v3) and SubnetInfo v1/v2. Numbers come from the
 * runtime's views (`dynamicInfo`, `metagraph`, `subtensorParams`); what Taonet has no concept of is
 * listed in `SUBTENSOR_FRESH_CHAIN_VALUES` there.
 */
import { type State, storage, views } from '@taonet/runtime';
import { acctBytes } from '../pallet.js';
import { AxonInfo, ChainIdentityV2, SubnetIdentityV3 } from '../pallets/subtensor-types.js';
import type { ApiContext, RuntimeApiDef } from '../runtime-apis.js';
import { fields, type ScaleType, T, unnamed } from '../scale-type.js';
import {
  AccountId32,
  AlphaBalance,
  Bytes,
  I32F32,
  I96F32,
  MechId,
  NetUid,
  option,
  TaoBalance,
  U64F64,
} from '../types.js';
import { acctOr0, axonInfo, NONE, optional, some, stateOf, subnetIdentity, text } from './api-values.js';

const C = T.compact;
const ACCOUNT_PARAM = [{ name: 'AccountId', type: AccountId32 }];
const u8s = T.vec(C(T.u8));

export const DynamicInfo = T.composite(
  'pallet_subtensor::rpc_info::dynamic_info::DynamicInfo',
  fields({
    netuid: C(NetUid),
    owner_hotkey: AccountId32,
    owner_coldkey: AccountId32,
    subnet_name: u8s,
    token_symbol: u8s,
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
  ACCOUNT_PARAM,
);

/** Subtensor's Metagraph fields in order; a SelectiveMetagraph index is a position in this list. */
const METAGRAPH_LAYOUT: readonly (readonly [string, ScaleType])[] = [
  ['netuid', C(NetUid)],
  ['name', u8s],
  ['symbol', u8s],
  ['identity', option(SubnetIdentityV3)],
  ['network_registered_at', C(T.u64)],
  ['owner_hotkey', AccountId32],
  ['owner_coldkey', AccountId32],
  ['block', C(T.u64)],
  ['tempo', C(T.u16)],
  ['last_step', C(T.u64)],
  ['blocks_since_last_step', C(T.u64)],
  ['subnet_emission', C(T.u64)],
  ['alpha_in', C(AlphaBalance)],
  ['alpha_out', C(AlphaBalance)],
  ['tao_in', C(TaoBalance)],
  ['alpha_out_emission', C(AlphaBalance)],
  ['alpha_in_emission', C(AlphaBalance)],
  ['tao_in_emission', C(TaoBalance)],
  ['pending_alpha_emission', C(AlphaBalance)],
  ['pending_root_emission', C(TaoBalance)],
  ['subnet_volume', C(T.u128)],
  ['moving_price', I96F32],
  ['rho', C(T.u16)],
  ['kappa', C(T.u16)],
  ['min_allowed_weights', C(T.u16)],
  ['max_weights_limit', C(T.u16)],
  ['weights_version', C(T.u64)],
  ['weights_rate_limit', C(T.u64)],
  ['activity_cutoff', C(T.u64)],
  ['max_validators', C(T.u16)],
  ['num_uids', C(T.u16)],
  ['max_uids', C(T.u16)],
  ['burn', C(TaoBalance)],
  ['difficulty', C(T.u64)],
  ['registration_allowed', T.bool],
  ['pow_registration_allowed', T.bool],
  ['immunity_period', C(T.u16)],
  ['min_difficulty', C(T.u64)],
  ['max_difficulty', C(T.u64)],
  ['min_burn', C(TaoBalance)],
  ['max_burn', C(TaoBalance)],
  ['adjustment_alpha', C(T.u64)],
  ['adjustment_interval', C(T.u16)],
  ['target_regs_per_interval', C(T.u16)],
  ['max_regs_per_block', C(T.u16)],
  ['serving_rate_limit', C(T.u64)],
  ['commit_reveal_weights_enabled', T.bool],
  ['commit_reveal_period', C(T.u64)],
  ['liquid_alpha_enabled', T.bool],
  ['alpha_high', C(T.u16)],
  ['alpha_low', C(T.u16)],
  ['bonds_moving_avg', C(T.u64)],
  ['hotkeys', T.vec(AccountId32)],
  ['coldkeys', T.vec(AccountId32)],
  ['identities', T.vec(option(ChainIdentityV2))],
  ['axons', T.vec(AxonInfo)],
  ['active', T.vec(T.bool)],
  ['validator_permit', T.vec(T.bool)],
  ['pruning_score', T.vec(C(T.u16))],
  ['last_update', T.vec(C(T.u64))],
  ['emission', T.vec(C(AlphaBalance))],
  ['dividends', T.vec(C(T.u16))],
  ['incentives', T.vec(C(T.u16))],
  ['consensus', T.vec(C(T.u16))],
  ['trust', T.vec(C(T.u16))],
  ['rank', T.vec(C(T.u16))],
  ['block_at_registration', T.vec(C(T.u64))],
  ['alpha_stake', T.vec(C(AlphaBalance))],
  ['tao_stake', T.vec(C(TaoBalance))],
  ['total_stake', T.vec(C(TaoBalance))],
  ['tao_dividends_per_hotkey', T.vec(T.tuple(AccountId32, C(TaoBalance)))],
  ['alpha_dividends_per_hotkey', T.vec(T.tuple(AccountId32, C(AlphaBalance)))],
];
/** SelectiveMetagraph's two extra fields, after the Metagraph ones. */
const SELECTIVE_EXTRA: readonly (readonly [string, ScaleType])[] = [
  ['validators', T.vec(C(T.u16))],
  ['commitments', T.vec(T.tuple(AccountId32, u8s))],
];

export const Metagraph = T.composite(
  'pallet_subtensor::rpc_info::metagraph::Metagraph',
  METAGRAPH_LAYOUT.map(([name, type]) => ({ name, type })),
  ACCOUNT_PARAM,
);

export const SelectiveMetagraph = T.composite(
  'pallet_subtensor::rpc_info::metagraph::SelectiveMetagraph',
  [...METAGRAPH_LAYOUT, ...SELECTIVE_EXTRA].map(([name, type], i) => ({
    name,
    type: i === 0 ? type : option(type),
  })),
  ACCOUNT_PARAM,
);

export const SubnetState = T.composite(
  'pallet_subtensor::rpc_info::show_subnet::SubnetState',
  fields({
    netuid: C(NetUid),
    hotkeys: T.vec(AccountId32),
    coldkeys: T.vec(AccountId32),
    active: T.vec(T.bool),
    validator_permit: T.vec(T.bool),
    pruning_score: T.vec(C(T.u16)),
    last_update: T.vec(C(T.u64)),
    emission: T.vec(C(AlphaBalance)),
    dividends: T.vec(C(T.u16)),
    incentives: T.vec(C(T.u16)),
    consensus: T.vec(C(T.u16)),
    trust: T.vec(C(T.u16)),
    rank: T.vec(C(T.u16)),
    block_at_registration: T.vec(C(T.u64)),
    alpha_stake: T.vec(C(AlphaBalance)),
    tao_stake: T.vec(C(TaoBalance)),
    total_stake: T.vec(C(TaoBalance)),
    emission_history: T.vec(T.vec(C(AlphaBalance))),
  }),
  ACCOUNT_PARAM,
);

/** The fields SubnetHyperparams (v1) has, in order; v2 adds the second list. */
const HYPERPARAMS_V1: Record<string, ScaleType> = {
  rho: C(T.u16),
  kappa: C(T.u16),
  immunity_period: C(T.u16),
  min_allowed_weights: C(T.u16),
  max_weights_limit: C(T.u16),
  tempo: C(T.u16),
  min_difficulty: C(T.u64),
  max_difficulty: C(T.u64),
  weights_version: C(T.u64),
  weights_rate_limit: C(T.u64),
  adjustment_interval: C(T.u16),
  activity_cutoff: C(T.u64),
  registration_allowed: T.bool,
  target_regs_per_interval: C(T.u16),
  min_burn: C(TaoBalance),
  max_burn: C(TaoBalance),
  bonds_moving_avg: C(T.u64),
  max_regs_per_block: C(T.u16),
  serving_rate_limit: C(T.u64),
  max_validators: C(T.u16),
  adjustment_alpha: C(T.u64),
  difficulty: C(T.u64),
  commit_reveal_period: C(T.u64),
  commit_reveal_weights_enabled: T.bool,
  alpha_high: C(T.u16),
  alpha_low: C(T.u16),
  liquid_alpha_enabled: T.bool,
};
const HYPERPARAMS_V2_EXTRA: Record<string, ScaleType> = {
  alpha_sigmoid_steepness: I32F32,
  yuma_version: C(T.u16),
  subnet_is_active: T.bool,
  transfers_enabled: T.bool,
  bonds_reset_enabled: T.bool,
  user_liquidity_enabled: T.bool,
};

export const SubnetHyperparams = T.composite(
  'pallet_subtensor::rpc_info::subnet_info::SubnetHyperparams',
  fields(HYPERPARAMS_V1),
);
export const SubnetHyperparamsV2 = T.composite(
  'pallet_subtensor::rpc_info::subnet_info::SubnetHyperparamsV2',
  fields({ ...HYPERPARAMS_V1, ...HYPERPARAMS_V2_EXTRA }),
);

export const HyperparamValue = T.variant('pallet_subtensor::rpc_info::subnet_info::HyperparamValue', [
  { name: 'Bool', index: 0, fields: unnamed(T.bool) },
  { name: 'U16', index: 1, fields: unnamed(C(T.u16)) },
  { name: 'U32', index: 2, fields: unnamed(C(T.u32)) },
  { name: 'U64', index: 3, fields: unnamed(C(T.u64)) },
  { name: 'U128', index: 4, fields: unnamed(C(T.u128)) },
  { name: 'TaoBalance', index: 5, fields: unnamed(C(TaoBalance)) },
  { name: 'I32F32', index: 6, fields: unnamed(I32F32) },
  { name: 'U64F64', index: 7, fields: unnamed(U64F64) },
]);
export const HyperparamEntry = T.composite(
  'pallet_subtensor::rpc_info::subnet_info::HyperparamEntry',
  fields({ name: Bytes, value: HyperparamValue }),
);

const SUBNET_INFO_FIELDS = (emissionName: string): Record<string, ScaleType> => ({
  netuid: C(NetUid),
  rho: C(T.u16),
  kappa: C(T.u16),
  difficulty: C(T.u64),
  immunity_period: C(T.u16),
  max_allowed_validators: C(T.u16),
  min_allowed_weights: C(T.u16),
  max_weights_limit: C(T.u16),
  scaling_law_power: C(T.u16),
  subnetwork_n: C(T.u16),
  max_allowed_uids: C(T.u16),
  blocks_since_last_step: C(T.u64),
  tempo: C(T.u16),
  network_modality: C(T.u16),
  network_connect: T.vec(T.array(2, T.u16)),
  [emissionName]: C(T.u64),
  burn: C(TaoBalance),
  owner: AccountId32,
});
export const SubnetInfo = T.composite(
  'pallet_subtensor::rpc_info::subnet_info::SubnetInfo',
  fields(SUBNET_INFO_FIELDS('emission_values')),
  ACCOUNT_PARAM,
);
export const SubnetInfoV2 = T.composite(
  'pallet_subtensor::rpc_info::subnet_info::SubnetInfov2',
  fields({ ...SUBNET_INFO_FIELDS('emission_value'), identity: option(SubnetIdentityV3) }),
  ACCOUNT_PARAM,
);

// ---- values ----------------------------------------------------------------------------------

const blocksSince = (ctx: ApiContext, last: bigint) => (ctx.storage.number > last ? ctx.storage.number - last : 0n);

function dynamicInfo(ctx: ApiContext, netuid: number): unknown {
  const s = stateOf(ctx);
  const d = views.dynamicInfo(s, netuid, ctx.storage.number);
  if (d === null) return NONE;
  const lastStep = s.get(storage.LastMechanismStepBlock, netuid);
  return some({
    netuid,
    owner_hotkey: acctOr0(d.ownerHotkey),
    owner_coldkey: acctOr0(d.owner),
    subnet_name: text(d.name),
    token_symbol: text(d.symbol),
    tempo: d.tempo,
    last_step: lastStep,
    blocks_since_last_step: blocksSince(ctx, lastStep),
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
    subnet_identity: subnetIdentity(s, netuid),
    moving_price: { bits: d.movingPrice },
  });
}

/** Hyperparameter values under subtensor's field names (v1 ∪ v2), from `views.subtensorParams`. */
function hyperparamRecord(p: views.SubtensorParams): Record<string, unknown> {
  return {
    rho: p.rho,
    kappa: p.kappa,
    immunity_period: p.immunityPeriod,
    min_allowed_weights: p.minAllowedWeights,
    max_weights_limit: p.maxWeightsLimit,
    tempo: p.tempo,
    min_difficulty: p.minDifficulty,
    max_difficulty: p.maxDifficulty,
    weights_version: p.weightsVersion,
    weights_rate_limit: p.weightsRateLimit,
    adjustment_interval: p.adjustmentInterval,
    activity_cutoff: p.activityCutoff,
    registration_allowed: p.registrationAllowed,
    target_regs_per_interval: p.targetRegsPerInterval,
    min_burn: p.minBurn,
    max_burn: p.maxBurn,
    bonds_moving_avg: p.bondsMovingAvg,
    max_regs_per_block: p.maxRegsPerBlock,
    serving_rate_limit: p.servingRateLimit,
    max_validators: p.maxValidators,
    adjustment_alpha: p.adjustmentAlpha,
    difficulty: p.difficulty,
    commit_reveal_period: p.commitRevealPeriod,
    commit_reveal_weights_enabled: p.commitRevealWeightsEnabled,
    alpha_high: p.alphaHigh,
    alpha_low: p.alphaLow,
    liquid_alpha_enabled: p.liquidAlphaEnabled,
    alpha_sigmoid_steepness: { bits: p.alphaSigmoidSteepness },
    yuma_version: p.yumaVersion,
    subnet_is_active: p.subnetIsActive,
    transfers_enabled: p.transfersEnabled,
    bonds_reset_enabled: p.bondsResetEnabled,
    user_liquidity_enabled: p.userLiquidityEnabled,
  };
}

/** subtensor's v3 list: names and value kinds in its order. */
function hyperparamsV3(p: views.SubtensorParams): unknown[] {
  const v = (tag: string, value: unknown) => ({ tag, value });
  const list: [string, { tag: string; value: unknown }][] = [
    ['kappa', v('U16', p.kappa)],
    ['immunity_period', v('U16', p.immunityPeriod)],
    ['min_allowed_weights', v('U16', p.minAllowedWeights)],
    ['max_weights_limit', v('U16', p.maxWeightsLimit)],
    ['tempo', v('U16', p.tempo)],
    ['weights_version', v('U64', p.weightsVersion)],
    ['weights_rate_limit', v('U64', p.weightsRateLimit)],
    ['activity_cutoff', v('U64', p.activityCutoff)],
    ['activity_cutoff_factor', v('U32', p.activityCutoffFactorMilli)],
    ['registration_allowed', v('Bool', p.registrationAllowed)],
    ['target_regs_per_interval', v('U16', p.targetRegsPerInterval)],
    ['min_burn', v('TaoBalance', p.minBurn)],
    ['max_burn', v('TaoBalance', p.maxBurn)],
    ['burn_half_life', v('U16', p.burnHalfLife)],
    ['burn_increase_mult', v('U64F64', { bits: p.burnIncreaseMult })],
    ['bonds_moving_avg', v('U64', p.bondsMovingAvg)],
    ['max_regs_per_block', v('U16', p.maxRegsPerBlock)],
    ['serving_rate_limit', v('U64', p.servingRateLimit)],
    ['max_validators', v('U16', p.maxValidators)],
    ['commit_reveal_period', v('U64', p.commitRevealPeriod)],
    ['commit_reveal_weights_enabled', v('Bool', p.commitRevealWeightsEnabled)],
    ['alpha_high', v('U16', p.alphaHigh)],
    ['alpha_low', v('U16', p.alphaLow)],
    ['liquid_alpha_enabled', v('Bool', p.liquidAlphaEnabled)],
    ['alpha_sigmoid_steepness', v('I32F32', { bits: p.alphaSigmoidSteepness })],
    ['yuma_version', v('U16', p.yumaVersion)],
    ['subnet_is_active', v('Bool', p.subnetIsActive)],
    ['transfers_enabled', v('Bool', p.transfersEnabled)],
    ['bonds_reset_enabled', v('Bool', p.bondsResetEnabled)],
    ['user_liquidity_enabled', v('Bool', p.userLiquidityEnabled)],
    ['owner_cut_enabled', v('Bool', p.ownerCutEnabled)],
    ['owner_cut_auto_lock_enabled', v('Bool', p.ownerCutAutoLockEnabled)],
    ['min_childkey_take', v('U16', p.minChildkeyTake)],
  ];
  const utf8 = new TextEncoder();
  return list.map(([name, value]) => ({ name: utf8.encode(name), value }));
}

function subnetInfo(s: State, ctx: ApiContext, netuid: number, v2: boolean): unknown {
  const p = views.subtensorParams(s, netuid);
  if (p === null) return NONE;
  const F = views.SUBTENSOR_FRESH_CHAIN_VALUES;
  return some({
    netuid,
    rho: p.rho,
    kappa: p.kappa,
    difficulty: p.difficulty,
    immunity_period: p.immunityPeriod,
    max_allowed_validators: p.maxValidators,
    min_allowed_weights: p.minAllowedWeights,
    max_weights_limit: p.maxWeightsLimit,
    scaling_law_power: F.scalingLawPower,
    subnetwork_n: p.subnetworkN,
    max_allowed_uids: p.maxAllowedUids,
    blocks_since_last_step: blocksSince(ctx, s.get(storage.LastMechanismStepBlock, netuid)),
    tempo: p.tempo,
    network_modality: F.networkModality,
    network_connect: [],
    // Emission is per pool now (DynamicInfo); subtensor reports 0 here too.
    [v2 ? 'emission_value' : 'emission_values']: 0n,
    burn: p.burn,
    owner: acctOr0(s.get(storage.SubnetOwner, netuid)),
    ...(v2 ? { identity: subnetIdentity(s, netuid) } : {}),
  });
}

/** The full Metagraph of a subnet as a record by field name, or null when it does not exist. */
function metagraphRecord(ctx: ApiContext, netuid: number): Record<string, unknown> | null {
  const s = stateOf(ctx);
  const d = views.dynamicInfo(s, netuid, ctx.storage.number);
  const p = views.subtensorParams(s, netuid);
  const mg = views.metagraph(s, netuid, views.DEFAULT_METAGRAPH_FIELDS);
  if (d === null || p === null || mg === null) return null;
  const hotkeys = mg.hotkeys ?? [];
  const lastStep = s.get(storage.LastMechanismStepBlock, netuid);
  const emission = mg.emission ?? [];
  const { rho, kappa, ...hp } = hyperparamRecord(p);
  return {
    netuid,
    name: text(d.name),
    symbol: text(d.symbol),
    identity: subnetIdentity(s, netuid),
    network_registered_at: d.registeredAt,
    owner_hotkey: acctOr0(d.ownerHotkey),
    owner_coldkey: acctOr0(d.owner),
    block: ctx.storage.number,
    tempo: d.tempo,
    last_step: lastStep,
    blocks_since_last_step: blocksSince(ctx, lastStep),
    subnet_emission: 0n,
    alpha_in: d.alphaIn,
    alpha_out: d.alphaOut,
    tao_in: d.taoIn,
    alpha_out_emission: d.alphaOutEmission,
    alpha_in_emission: d.alphaInEmission,
    tao_in_emission: s.get(storage.SubnetTaoInEmission, netuid),
    pending_alpha_emission: d.pendingServer + d.pendingValidator,
    pending_root_emission: 0n,
    subnet_volume: d.volume,
    moving_price: { bits: d.movingPrice },
    rho,
    kappa,
    min_allowed_weights: hp.min_allowed_weights,
    max_weights_limit: hp.max_weights_limit,
    weights_version: hp.weights_version,
    weights_rate_limit: hp.weights_rate_limit,
    activity_cutoff: hp.activity_cutoff,
    max_validators: hp.max_validators,
    num_uids: hotkeys.length,
    max_uids: p.maxAllowedUids,
    burn: p.burn,
    difficulty: hp.difficulty,
    registration_allowed: hp.registration_allowed,
    pow_registration_allowed: p.powRegistrationAllowed,
    immunity_period: hp.immunity_period,
    min_difficulty: hp.min_difficulty,
    max_difficulty: hp.max_difficulty,
    min_burn: hp.min_burn,
    max_burn: hp.max_burn,
    adjustment_alpha: hp.adjustment_alpha,
    adjustment_interval: hp.adjustment_interval,
    target_regs_per_interval: hp.target_regs_per_interval,
    max_regs_per_block: hp.max_regs_per_block,
    serving_rate_limit: hp.serving_rate_limit,
    commit_reveal_weights_enabled: hp.commit_reveal_weights_enabled,
    commit_reveal_period: hp.commit_reveal_period,
    liquid_alpha_enabled: hp.liquid_alpha_enabled,
    alpha_high: hp.alpha_high,
    alpha_low: hp.alpha_low,
    bonds_moving_avg: hp.bonds_moving_avg,
    hotkeys: hotkeys.map(acctBytes),
    coldkeys: (mg.coldkeys ?? []).map(acctOr0),
    // Taonet keeps no coldkey identities.
    identities: hotkeys.map(() => NONE),
    axons: hotkeys.map((hk) => axonInfo(s, netuid, hk)),
    active: mg.active ?? [],
    validator_permit: mg.validatorPermit ?? [],
    // No longer computed by subtensor: empty there too.
    pruning_score: [],
    last_update: mg.lastUpdate ?? [],
    emission,
    dividends: mg.dividends ?? [],
    incentives: mg.incentive ?? [],
    consensus: mg.consensus ?? [],
    trust: [],
    rank: [],
    block_at_registration: mg.blockAtRegistration ?? [],
    alpha_stake: mg.alphaStake ?? [],
    tao_stake: mg.rootStake ?? [],
    total_stake: mg.totalStake ?? [],
    // subtensor pays no TAO dividends any more; alpha dividends are the uid's last-epoch emission.
    tao_dividends_per_hotkey: hotkeys.map((hk) => [acctBytes(hk), 0n]),
    alpha_dividends_per_hotkey: hotkeys.map((hk, uid) => [acctBytes(hk), emission[uid] ?? 0n]),
  };
}

const metagraph = (ctx: ApiContext, netuid: number) => optional(metagraphRecord(ctx, netuid));

/** Uids with a validator permit and stake above the network threshold, by ascending stake. */
function validatorUids(ctx: ApiContext, netuid: number): number[] {
  const s = stateOf(ctx);
  const mg = views.metagraph(s, netuid, ['validatorPermit', 'totalStake']);
  const threshold = s.value(storage.Params).stakeThreshold;
  const stake = mg?.totalStake ?? [];
  return (mg?.validatorPermit ?? [])
    .flatMap((permit, uid) => (permit && (stake[uid] ?? 0n) > threshold ? [uid] : []))
    .sort((a, b) => {
      const d = (stake[a] ?? 0n) - (stake[b] ?? 0n);
      return d < 0n ? -1 : d > 0n ? 1 : a - b;
    });
}

/** SelectiveMetagraph: the fields at the given indexes are Some, the others None; netuid always set. */
function selective(ctx: ApiContext, netuid: number, indexes: readonly number[]): unknown {
  const full = metagraphRecord(ctx, netuid);
  if (full === null) return NONE;
  const out: Record<string, unknown> = { netuid };
  const names = [...METAGRAPH_LAYOUT, ...SELECTIVE_EXTRA].map(([n]) => n);
  for (const name of names.slice(1)) out[name] = NONE;
  for (const i of indexes) {
    const name = names[i];
    if (name === undefined || i === 0) continue;
    if (name === 'validators') out.validators = some(validatorUids(ctx, netuid));
    // Taonet has no commitments pallet.
    else if (name === 'commitments') out.commitments = some([]);
    else out[name] = some(full[name]);
  }
  return some(out);
}

function subnetState(ctx: ApiContext, netuid: number): unknown {
  const full = metagraphRecord(ctx, netuid);
  if (full === null) return NONE;
  const s = stateOf(ctx);
  const hotkeys = s.get(storage.Keys, netuid);
  // Per subnet, each hotkey's last emission there (its uid's last-epoch emission, 0 if none).
  const history = s.value(storage.Netuids).map((n) => hotkeys.map((hk) => views.hotkeyEpochEmission(s, hk, n)));
  const pick = (k: string) => full[k];
  return some({
    netuid,
    ...Object.fromEntries(
      [
        'hotkeys',
        'coldkeys',
        'active',
        'validator_permit',
        'pruning_score',
        'last_update',
        'emission',
        'dividends',
        'incentives',
        'consensus',
        'trust',
        'rank',
        'block_at_registration',
        'alpha_stake',
        'tao_stake',
        'total_stake',
      ].map((k) => [k, pick(k)]),
    ),
    emission_history: history,
  });
}

const params = (ctx: ApiContext, netuid: unknown) => views.subtensorParams(stateOf(ctx), netuid as number);
const netuids = (ctx: ApiContext) => stateOf(ctx).value(storage.Netuids);

export const SUBNET_INFO_API: RuntimeApiDef = {
  name: 'SubnetInfoRuntimeApi',
  // 2: get_subnet_hyperparams_v3 is served (the lean SDK checks the version).
  version: 2,
  docs: ['Subnet pools, prices, emission, identity, metagraphs and hyperparameters.'],
  methods: [
    {
      name: 'get_subnet_info',
      inputs: fields({ netuid: NetUid }),
      output: option(SubnetInfo),
      run: (ctx, [n]) => subnetInfo(stateOf(ctx), ctx, n as number, false),
    },
    {
      name: 'get_subnets_info',
      inputs: [],
      output: T.vec(option(SubnetInfo)),
      run: (ctx) => netuids(ctx).map((n) => subnetInfo(stateOf(ctx), ctx, n, false)),
    },
    {
      name: 'get_subnet_info_v2',
      inputs: fields({ netuid: NetUid }),
      output: option(SubnetInfoV2),
      run: (ctx, [n]) => subnetInfo(stateOf(ctx), ctx, n as number, true),
    },
    {
      name: 'get_subnets_info_v2',
      inputs: [],
      output: T.vec(option(SubnetInfoV2)),
      run: (ctx) => netuids(ctx).map((n) => subnetInfo(stateOf(ctx), ctx, n, true)),
    },
    {
      name: 'get_subnet_hyperparams',
      inputs: fields({ netuid: NetUid }),
      output: option(SubnetHyperparams),
      run: (ctx, [n]) => optional(params(ctx, n), hyperparamRecord),
    },
    {
      name: 'get_subnet_hyperparams_v2',
      inputs: fields({ netuid: NetUid }),
      output: option(SubnetHyperparamsV2),
      run: (ctx, [n]) => optional(params(ctx, n), hyperparamRecord),
    },
    {
      name: 'get_subnet_hyperparams_v3',
      inputs: fields({ netuid: NetUid }),
      output: option(T.vec(HyperparamEntry)),
      run: (ctx, [n]) => optional(params(ctx, n), hyperparamsV3),
    },
    {
      name: 'get_all_dynamic_info',
      inputs: [],
      output: T.vec(option(DynamicInfo)),
      // By netuid, no gaps in the list of existing subnets (btcli indexes it).
      run: (ctx) => netuids(ctx).map((n) => dynamicInfo(ctx, n)),
    },
    {
      name: 'get_all_metagraphs',
      inputs: [],
      output: T.vec(option(Metagraph)),
      run: (ctx) => netuids(ctx).map((n) => metagraph(ctx, n)),
    },
    {
      name: 'get_metagraph',
      inputs: fields({ netuid: NetUid }),
      output: option(Metagraph),
      run: (ctx, [n]) => metagraph(ctx, n as number),
    },
    {
      name: 'get_all_mechagraphs',
      inputs: [],
      output: T.vec(option(Metagraph)),
      // One mechanism (mecid 0) per subnet.
      run: (ctx) => netuids(ctx).map((n) => metagraph(ctx, n)),
    },
    {
      name: 'get_mechagraph',
      inputs: fields({ netuid: NetUid, mecid: MechId }),
      output: option(Metagraph),
      // Taonet has one mechanism per subnet: mecid 0 is the subnet, any other does not exist.
      run: (ctx, [n, mecid]) => (mecid === 0 ? metagraph(ctx, n as number) : NONE),
    },
    {
      name: 'get_dynamic_info',
      inputs: fields({ netuid: NetUid }),
      output: option(DynamicInfo),
      run: (ctx, [n]) => dynamicInfo(ctx, n as number),
    },
    {
      name: 'get_subnet_state',
      inputs: fields({ netuid: NetUid }),
      output: option(SubnetState),
      run: (ctx, [n]) => subnetState(ctx, n as number),
    },
    {
      name: 'get_selective_metagraph',
      inputs: fields({ netuid: NetUid, metagraph_indexes: T.vec(T.u16) }),
      output: option(SelectiveMetagraph),
      run: (ctx, [n, idx]) => selective(ctx, n as number, idx as number[]),
    },
    {
      name: 'get_coldkey_auto_stake_hotkey',
      inputs: fields({ coldkey: AccountId32, netuid: NetUid }),
      output: option(AccountId32),
      // Taonet has no auto-stake destinations: rewards stay where they are paid.
      run: () => NONE,
    },
    {
      name: 'get_selective_mechagraph',
      inputs: fields({ netuid: NetUid, subid: MechId, metagraph_indexes: T.vec(T.u16) }),
      output: option(SelectiveMetagraph),
      run: (ctx, [n, mecid, idx]) => (mecid === 0 ? selective(ctx, n as number, idx as number[]) : NONE),
    },
    {
      name: 'get_next_epoch_start_block',
      inputs: fields({ netuid: NetUid }),
      output: option(T.u64),
      run: (ctx, [n]) => optional(views.nextEpochStart(stateOf(ctx), n as number, ctx.storage.number)),
    },
  ],
};
