/**
 * AdminUtils (pallet 19): subtensor's `sudo_set_*` calls for the hyperparameters and network
 * parameters Taonet keeps, each translated to the runtime's own admin call (`set_hyperparameter`,
 * `sudo_set_network_param`, `sudo_set_emission_enabled`, `sudo_set_childkey_param`, and the
 * same-named setters of the owner limits and mechanisms) and back.
 *
 * Indices, call names, argument names and types are subtensor's (pallets/admin-utils). Who may
 * send a call is the runtime's business, not this table's: the runtime checks the signer (owner
 * within bounds, or the admin) exactly as for its own calls.
 *
 * Left out on purpose:
 * - calls for state Taonet does not have (difficulty, rho, adjustment, PoW, EVM, mechanisms, …);
 * - `sudo_set_alpha_values` sets alpha_low and alpha_high together, and the runtime only sets one
 *   hyperparameter per call: which one must go first to keep low ≤ high depends on the state;
 * - `sudo_set_activity_cutoff` takes blocks, Taonet keeps a factor of the tempo (the exact form is
 *   SubtensorModule's `set_activity_cutoff_factor`);
 * - `sudo_set_ema_price_halving_period` is per subnet, Taonet's `emaPriceHalvingBlocks` network-wide;
 * - `sudo_set_nominator_min_required_stake` also clears small nominations and is not Taonet's
 *   `defaultMinStake`.
 */
import {
  CallTranslationError,
  type FromRuntime,
  type PalletCalls,
  type RuntimeCall,
  type SubstrateCallDef,
} from './call-def.js';
import { type ScaleType, T } from './scale-type.js';
import { I96F32, MechId, NetUid, option, TaoBalance, U64F64 } from './types.js';

export const ADMIN_UTILS_PALLET = 'AdminUtils';
export const ADMIN_UTILS_INDEX = 19;

/** subtensor's choice for what happens to the owner hotkey's miner emission. */
export const RecycleOrBurnEnum = T.variant('pallet_subtensor::RecycleOrBurnEnum', [
  { name: 'Burn', index: 0, fields: [] },
  { name: 'Recycle', index: 1, fields: [] },
]);

/**
 * How one parameter's value travels: its SCALE type, and the exact conversion between the decoded
 * SCALE value and the runtime's value. `fromRuntime` gives null for a runtime value the SCALE type
 * cannot hold exactly (then no AdminUtils call expresses that runtime call).
 */
interface ValueForm {
  readonly type: ScaleType;
  readonly typeName: string;
  readonly toRuntime: (v: unknown, arg: string) => unknown;
  readonly fromRuntime: (v: unknown) => unknown | null;
}

const U64_LIMIT = 1n << 64n;
const ONE_U64F64 = 1n << 64n;

const isUint = (v: unknown, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
const isBigUint = (v: unknown, limit: bigint): v is bigint => typeof v === 'bigint' && v >= 0n && v < limit;

/** An unsigned integer below 2^32 that the runtime keeps as a JS number. */
const uintNumber = (type: ScaleType, typeName: string, max: number): ValueForm => ({
  type,
  typeName,
  toRuntime: (v) => v as number,
  fromRuntime: (v) => (isUint(v, max) ? v : null),
});

const u8 = uintNumber(T.u8, 'u8', 0xff);
const u16 = uintNumber(T.u16, 'u16', 0xffff);

const i16: ValueForm = {
  type: T.i16,
  typeName: 'i16',
  toRuntime: (v) => v as number,
  fromRuntime: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= -0x8000 && v <= 0x7fff ? v : null),
};

const bool: ValueForm = {
  type: T.bool,
  typeName: 'bool',
  toRuntime: (v) => v as boolean,
  fromRuntime: (v) => (typeof v === 'boolean' ? v : null),
};

/** A u64 (or a u64 newtype such as TaoBalance) that the runtime keeps as a bigint. */
const u64Bigint = (type: ScaleType, typeName: string): ValueForm => ({
  type,
  typeName,
  toRuntime: (v) => v as bigint,
  fromRuntime: (v) => (isBigUint(v, U64_LIMIT) ? v : null),
});

const u64 = u64Bigint(T.u64, 'u64');
const taoBalance = u64Bigint(TaoBalance, 'TaoBalance');

/** subtensor's u16 for a value Taonet keeps as a bigint (Taonet's range is wider). */
const u16AsBigint: ValueForm = {
  type: T.u16,
  typeName: 'u16',
  toRuntime: (v) => BigInt(v as number),
  fromRuntime: (v) => (isBigUint(v, 0x1_0000n) ? Number(v) : null),
};

/** subtensor's u64 for a count Taonet keeps as a JS number: beyond 2^53 it has no runtime value. */
const u64AsNumber: ValueForm = {
  type: T.u64,
  typeName: 'u64',
  toRuntime: (v, arg) => {
    const b = v as bigint;
    if (b > BigInt(Number.MAX_SAFE_INTEGER))
      throw new CallTranslationError(`${arg} ${b} is larger than any value this parameter can hold`);
    return Number(b);
  },
  fromRuntime: (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? BigInt(v) : null),
};

/** Fixed-point values travel as their raw bits, which is what the runtime stores. */
const fixedBits = (type: ScaleType, typeName: string, lo: bigint, hi: bigint): ValueForm => ({
  type,
  typeName,
  toRuntime: (v) => (v as { bits: bigint }).bits,
  fromRuntime: (v) => (typeof v === 'bigint' && v >= lo && v <= hi ? { bits: v } : null),
});

const u64f64Bits = fixedBits(U64F64, 'U64F64', 0n, (1n << 128n) - 1n);
const i96f32Bits = fixedBits(I96F32, 'I96F32', -(1n << 127n), (1n << 127n) - 1n);

/**
 * subtensor's U64F64 for a value Taonet keeps as a whole number (the TaoFlow exponent): a whole
 * number converts exactly, a fraction has no runtime meaning and is refused.
 */
const u64f64Integer: ValueForm = {
  type: U64F64,
  typeName: 'U64F64',
  toRuntime: (v, arg) => {
    const bits = (v as { bits: bigint }).bits;
    const whole = bits / ONE_U64F64;
    if (bits % ONE_U64F64 !== 0n || whole > BigInt(Number.MAX_SAFE_INTEGER))
      throw new CallTranslationError(
        `${arg} must be a whole number on this chain`,
        'send a U64F64 whose fractional bits are zero (n · 2^64)',
      );
    return Number(whole);
  },
  fromRuntime: (v) =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? { bits: BigInt(v) * ONE_U64F64 } : null,
};

/** subtensor's enum against Taonet's string. */
const recycleOrBurn: ValueForm = {
  type: RecycleOrBurnEnum,
  typeName: 'RecycleOrBurnEnum',
  toRuntime: (v) => ((v as { tag: string }).tag === 'Recycle' ? 'recycle' : 'burn'),
  fromRuntime: (v) => (v === 'burn' ? { tag: 'Burn' } : v === 'recycle' ? { tag: 'Recycle' } : null),
};

const netuidArg = { name: 'netuid', type: NetUid, typeName: 'NetUid' };
const isNetuid = (v: unknown): v is number => isUint(v, 0xffff);

/** A call that sets one parameter: where it lands in the runtime, and its value's form. */
interface ParamCall {
  readonly index: number;
  readonly call: string;
  readonly arg: string;
  readonly form: ValueForm;
  /** The runtime's parameter name. */
  readonly param: string;
}

const pc = (index: number, call: string, arg: string, form: ValueForm, param: string): ParamCall => ({
  index,
  call,
  arg,
  form,
  param,
});

/** Per-subnet: AdminUtils `sudo_set_x(netuid, value)` ↔ runtime `set_hyperparameter`. */
const HYPERPARAMETER_CALLS: readonly ParamCall[] = [
  pc(3, 'sudo_set_serving_rate_limit', 'serving_rate_limit', u64, 'servingRateLimit'),
  pc(6, 'sudo_set_weights_version_key', 'weights_version_key', u64, 'weightsVersionKey'),
  pc(7, 'sudo_set_weights_set_rate_limit', 'weights_set_rate_limit', u64, 'weightsSetRateLimit'),
  pc(13, 'sudo_set_immunity_period', 'immunity_period', u16AsBigint, 'immunityPeriod'),
  pc(14, 'sudo_set_min_allowed_weights', 'min_allowed_weights', u16, 'minAllowedWeights'),
  pc(15, 'sudo_set_max_allowed_uids', 'max_allowed_uids', u16, 'maxAllowedUids'),
  pc(16, 'sudo_set_kappa', 'kappa', u16, 'kappa'),
  pc(19, 'sudo_set_network_registration_allowed', 'registration_allowed', bool, 'registrationAllowed'),
  pc(22, 'sudo_set_min_burn', 'min_burn', taoBalance, 'minBurn'),
  pc(23, 'sudo_set_max_burn', 'max_burn', taoBalance, 'maxBurn'),
  pc(25, 'sudo_set_max_allowed_validators', 'max_allowed_validators', u16, 'maxAllowedValidators'),
  // Both count millionths: subtensor's owner ceiling 975000 is Taonet's too.
  pc(26, 'sudo_set_bonds_moving_average', 'bonds_moving_average', u64, 'bondsMovingAverage'),
  pc(30, 'sudo_set_tempo', 'tempo', u16, 'tempo'),
  pc(49, 'sudo_set_commit_reveal_weights_enabled', 'enabled', bool, 'commitRevealEnabled'),
  pc(50, 'sudo_set_liquid_alpha_enabled', 'enabled', bool, 'liquidAlphaEnabled'),
  // subtensor's "interval" is the reveal period in epochs, Taonet's revealPeriodEpochs.
  pc(57, 'sudo_set_commit_reveal_weights_interval', 'interval', u64AsNumber, 'revealPeriodEpochs'),
  pc(60, 'sudo_set_bonds_penalty', 'bonds_penalty', u16, 'bondsPenalty'),
  pc(61, 'sudo_set_toggle_transfer', 'toggle', bool, 'transferEnabled'),
  pc(68, 'sudo_set_alpha_sigmoid_steepness', 'steepness', i16, 'alphaSigmoidSteepness'),
  pc(69, 'sudo_set_yuma3_enabled', 'enabled', bool, 'yuma3Enabled'),
  pc(80, 'sudo_set_recycle_or_burn', 'recycle_or_burn', recycleOrBurn, 'recycleOrBurn'),
  pc(84, 'sudo_set_min_non_immune_uids', 'min', u16, 'minNonImmuneUids'),
  pc(89, 'sudo_set_burn_half_life', 'burn_half_life', u16, 'burnHalfLife'),
  pc(90, 'sudo_set_burn_increase_mult', 'burn_increase_mult', u64f64Bits, 'burnIncreaseMult'),
  pc(92, 'sudo_set_owner_cut_enabled', 'enabled', bool, 'ownerCutEnabled'),
];

/** Network-wide: AdminUtils `sudo_set_x(value)` ↔ runtime `sudo_set_network_param`. */
const NETWORK_PARAM_CALLS: readonly ParamCall[] = [
  // subtensor's "default take" call writes MaxDelegateTake; the take a new delegate starts with is
  // a constant there, so it is Taonet's maxDelegateTake that this call changes.
  pc(1, 'sudo_set_default_take', 'default_take', u16, 'maxDelegateTake'),
  pc(28, 'sudo_set_subnet_owner_cut', 'subnet_owner_cut', u16, 'subnetOwnerCut'),
  pc(29, 'sudo_set_network_rate_limit', 'rate_limit', u64, 'networkRateLimit'),
  pc(35, 'sudo_set_network_immunity_period', 'immunity_period', u64, 'networkImmunityPeriod'),
  pc(36, 'sudo_set_network_min_lock_cost', 'lock_cost', taoBalance, 'networkMinLockCost'),
  pc(37, 'sudo_set_subnet_limit', 'max_subnets', u16, 'subnetLimit'),
  pc(38, 'sudo_set_lock_reduction_interval', 'interval', u64, 'networkLockReductionInterval'),
  pc(42, 'sudo_set_stake_threshold', 'min_stake', u64, 'stakeThreshold'),
  pc(45, 'sudo_set_tx_delegate_take_rate_limit', 'tx_rate_limit', u64, 'txDelegateTakeRateLimit'),
  pc(46, 'sudo_set_min_delegate_take', 'take', u16, 'minDelegateTake'),
  pc(63, 'sudo_set_subnet_moving_alpha', 'alpha', i96f32Bits, 'subnetMovingAlpha'),
  pc(82, 'sudo_set_tao_flow_normalization_exponent', 'exponent', u64f64Integer, 'flowNormExponent'),
  // Both are parts of i64::MAX (subtensor divides the stored u64 by 2^63 − 1 as well).
  pc(83, 'sudo_set_tao_flow_smoothing_factor', 'smoothing_factor', u64, 'flowEmaSmoothingFactor'),
  pc(85, 'sudo_set_start_call_delay', 'delay', u64, 'startCallDelay'),
  pc(91, 'sudo_set_net_tao_flow_enabled', 'enabled', bool, 'netTaoFlowEnabled'),
  pc(96, 'sudo_set_max_epochs_per_block', 'max_epochs_per_block', u8, 'maxEpochsPerBlock'),
];

/** Child hotkey parameters: AdminUtils ↔ runtime `sudo_set_childkey_param`. */
const CK_BURN = pc(73, 'sudo_set_ck_burn', 'burn', u64, 'ckBurn');
const MIN_CHILDKEY_TAKE_PER_SUBNET = pc(93, 'sudo_set_min_childkey_take_per_subnet', 'take', u16, 'minChildkeyTake');

const EMISSION_ENABLED = { index: 94, call: 'sudo_set_subnet_emission_enabled' } as const;

/** The limits on owners' setters (subtensor's 74 and 75): root-only, one u16 each, same names as the runtime's calls. */
const OWNER_LIMIT_CALLS = [
  { index: 74, call: 'sudo_set_admin_freeze_window', arg: 'window' },
  { index: 75, call: 'sudo_set_owner_hparam_rate_limit', arg: 'epochs' },
] as const;

const valueArg = (p: ParamCall) => ({ name: p.arg, type: p.form.type, typeName: p.form.typeName });

function hyperparameterDef(p: ParamCall): SubstrateCallDef {
  return {
    index: p.index,
    name: p.call,
    args: [netuidArg, valueArg(p)],
    toRuntime: (a): RuntimeCall => ({
      method: 'set_hyperparameter',
      args: { netuid: a.netuid, name: p.param, value: p.form.toRuntime(a[p.arg], p.arg) },
    }),
  };
}

function networkParamDef(p: ParamCall): SubstrateCallDef {
  return {
    index: p.index,
    name: p.call,
    args: [valueArg(p)],
    toRuntime: (a): RuntimeCall => ({
      method: 'sudo_set_network_param',
      args: { name: p.param, value: p.form.toRuntime(a[p.arg], p.arg) },
    }),
  };
}

const UNSORTED: SubstrateCallDef[] = [
  ...HYPERPARAMETER_CALLS.map(hyperparameterDef),
  ...NETWORK_PARAM_CALLS.map(networkParamDef),
  {
    index: CK_BURN.index,
    name: CK_BURN.call,
    args: [valueArg(CK_BURN)],
    toRuntime: (a) => ({
      method: 'sudo_set_childkey_param',
      args: { name: CK_BURN.param, value: CK_BURN.form.toRuntime(a[CK_BURN.arg], CK_BURN.arg) },
    }),
  },
  {
    index: MIN_CHILDKEY_TAKE_PER_SUBNET.index,
    name: MIN_CHILDKEY_TAKE_PER_SUBNET.call,
    args: [netuidArg, valueArg(MIN_CHILDKEY_TAKE_PER_SUBNET)],
    toRuntime: (a) => ({
      method: 'sudo_set_childkey_param',
      args: {
        name: MIN_CHILDKEY_TAKE_PER_SUBNET.param,
        value: MIN_CHILDKEY_TAKE_PER_SUBNET.form.toRuntime(a.take, 'take'),
        netuid: a.netuid,
      },
    }),
  },
  {
    index: EMISSION_ENABLED.index,
    name: EMISSION_ENABLED.call,
    args: [netuidArg, { name: 'enabled', type: T.bool, typeName: 'bool' }],
    toRuntime: (a) => ({ method: 'sudo_set_emission_enabled', args: { netuid: a.netuid, enabled: a.enabled } }),
  },
];
const OWNER_LIMIT_DEFS: SubstrateCallDef[] = OWNER_LIMIT_CALLS.map((c) => ({
  index: c.index,
  name: c.call,
  args: [{ name: c.arg, type: T.u16, typeName: 'u16' }],
  toRuntime: (a) => ({ method: c.call, args: { [c.arg]: a[c.arg] } }),
}));

/** Subnet mechanisms (subtensor's AdminUtils 76, 77, 88): count and emission split per subnet, the cap. */
const MECHANISM_CALLS: SubstrateCallDef[] = [
  {
    index: 76,
    name: 'sudo_set_mechanism_count',
    args: [netuidArg, { name: 'mechanism_count', type: MechId, typeName: 'MechId' }],
    toRuntime: (a) => ({
      method: 'sudo_set_mechanism_count',
      args: { netuid: a.netuid, mechanismCount: a.mechanism_count },
    }),
  },
  {
    index: 77,
    name: 'sudo_set_mechanism_emission_split',
    args: [netuidArg, { name: 'maybe_split', type: option(T.vec(T.u16)), typeName: 'Option<Vec<u16>>' }],
    toRuntime: (a) => {
      const o = a.maybe_split as { tag: string; value?: number[] };
      return {
        method: 'sudo_set_mechanism_emission_split',
        args: { netuid: a.netuid, maybeSplit: o.tag === 'Some' ? [...(o.value ?? [])] : null },
      };
    },
  },
  {
    index: 88,
    name: 'sudo_set_max_mechanism_count',
    args: [{ name: 'max_mechanism_count', type: MechId, typeName: 'MechId' }],
    toRuntime: (a) => ({ method: 'sudo_set_max_mechanism_count', args: { maxMechanismCount: a.max_mechanism_count } }),
  },
];

const CALLS = [...UNSORTED, ...OWNER_LIMIT_DEFS, ...MECHANISM_CALLS].sort((x, y) => x.index - y.index);

export const ADMIN_UTILS_CALLS: PalletCalls = {
  pallet: ADMIN_UTILS_PALLET,
  index: ADMIN_UTILS_INDEX,
  calls: CALLS,
};

const byParam = (list: readonly ParamCall[]): ReadonlyMap<string, ParamCall> => new Map(list.map((p) => [p.param, p]));
const HYPERPARAMETER_BY_NAME = byParam(HYPERPARAMETER_CALLS);
const NETWORK_PARAM_BY_NAME = byParam(NETWORK_PARAM_CALLS);

const adminUtils = (call: string, args: Readonly<Record<string, unknown>>) => ({
  pallet: ADMIN_UTILS_PALLET,
  call,
  args,
});

const ownerLimitFromRuntime =
  (c: (typeof OWNER_LIMIT_CALLS)[number]): FromRuntime =>
  (a) =>
    isUint(a[c.arg], 0xffff) ? adminUtils(c.call, { [c.arg]: a[c.arg] }) : null;

export const ADMIN_UTILS_FROM_RUNTIME: Readonly<Record<string, FromRuntime>> = {
  ...Object.fromEntries(OWNER_LIMIT_CALLS.map((c) => [c.call, ownerLimitFromRuntime(c)])),
  sudo_set_mechanism_count: (a) =>
    adminUtils('sudo_set_mechanism_count', { netuid: a.netuid, mechanism_count: a.mechanismCount }),
  sudo_set_mechanism_emission_split: (a) =>
    adminUtils('sudo_set_mechanism_emission_split', {
      netuid: a.netuid,
      maybe_split:
        a.maybeSplit === null || a.maybeSplit === undefined
          ? { tag: 'None', value: undefined }
          : { tag: 'Some', value: a.maybeSplit },
    }),
  sudo_set_max_mechanism_count: (a) =>
    adminUtils('sudo_set_max_mechanism_count', { max_mechanism_count: a.maxMechanismCount }),
  set_hyperparameter: (a) => {
    const p = typeof a.name === 'string' ? HYPERPARAMETER_BY_NAME.get(a.name) : undefined;
    if (p === undefined || !isNetuid(a.netuid)) return null;
    const value = p.form.fromRuntime(a.value);
    return value === null ? null : adminUtils(p.call, { netuid: a.netuid, [p.arg]: value });
  },
  sudo_set_network_param: (a) => {
    const p = typeof a.name === 'string' ? NETWORK_PARAM_BY_NAME.get(a.name) : undefined;
    if (p === undefined) return null;
    const value = p.form.fromRuntime(a.value);
    return value === null ? null : adminUtils(p.call, { [p.arg]: value });
  },
  sudo_set_emission_enabled: (a) =>
    isNetuid(a.netuid) && typeof a.enabled === 'boolean'
      ? adminUtils(EMISSION_ENABLED.call, { netuid: a.netuid, enabled: a.enabled })
      : null,
  sudo_set_childkey_param: (a) => {
    const perSubnet = a.netuid !== undefined && a.netuid !== null;
    const p = perSubnet ? MIN_CHILDKEY_TAKE_PER_SUBNET : CK_BURN;
    if (a.name !== p.param || (perSubnet && !isNetuid(a.netuid))) return null;
    const value = p.form.fromRuntime(a.value);
    if (value === null) return null;
    return adminUtils(p.call, perSubnet ? { netuid: a.netuid, [p.arg]: value } : { [p.arg]: value });
  },
};
