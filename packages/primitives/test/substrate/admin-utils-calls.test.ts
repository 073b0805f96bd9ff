/**
 * The AdminUtils call table: every call carries a runtime call through SCALE bytes and back
 * unchanged, and runtime calls no AdminUtils call can express exactly are refused (null).
 */
import { describe, expect, it } from 'vitest';
import { ADMIN_UTILS_CALLS, ADMIN_UTILS_FROM_RUNTIME } from '../../src/substrate/admin-utils-calls.js';
import { CallTranslationError, type RuntimeCall, type SubstrateCallDef } from '../../src/substrate/call-def.js';
import { codecOf, T } from '../../src/substrate/scale-type.js';
import { toHex } from '../../src/index.js';

const U64_MAX = (1n << 64n) - 1n;
const hp = (netuid: number, name: string, value: unknown): RuntimeCall => ({
  method: 'set_hyperparameter',
  args: { netuid, name, value },
});
const np = (name: string, value: unknown): RuntimeCall => ({ method: 'sudo_set_network_param', args: { name, value } });

/** At least one runtime call per table entry, with the edges of each value's range. */
const SAMPLES: readonly RuntimeCall[] = [
  hp(1, 'servingRateLimit', 50n),
  hp(1, 'servingRateLimit', U64_MAX),
  hp(2, 'weightsVersionKey', 0n),
  hp(3, 'weightsSetRateLimit', 100n),
  hp(1, 'immunityPeriod', 5000n),
  hp(1, 'immunityPeriod', 65_535n),
  hp(1, 'minAllowedWeights', 1),
  hp(1, 'maxAllowedUids', 4096),
  hp(65_535, 'kappa', 32_767),
  hp(1, 'registrationAllowed', false),
  hp(1, 'registrationAllowed', true),
  hp(1, 'minBurn', 500_000n),
  hp(1, 'maxBurn', 100_000_000_000n),
  hp(1, 'maxAllowedValidators', 64),
  hp(1, 'bondsMovingAverage', 975_000n),
  hp(0, 'tempo', 360),
  hp(1, 'tempo', 65_535),
  hp(1, 'commitRevealEnabled', true),
  hp(1, 'liquidAlphaEnabled', true),
  hp(1, 'revealPeriodEpochs', 1),
  hp(1, 'revealPeriodEpochs', Number.MAX_SAFE_INTEGER),
  hp(1, 'bondsPenalty', 65_535),
  hp(1, 'transferEnabled', false),
  hp(1, 'alphaSigmoidSteepness', 1000),
  hp(1, 'alphaSigmoidSteepness', -32_768),
  hp(1, 'yuma3Enabled', true),
  hp(1, 'recycleOrBurn', 'burn'),
  hp(1, 'recycleOrBurn', 'recycle'),
  hp(1, 'minNonImmuneUids', 10),
  hp(1, 'burnHalfLife', 360),
  hp(1, 'burnIncreaseMult', 23_242_897_532_874_035_200n),
  hp(1, 'burnIncreaseMult', (1n << 128n) - 1n),
  hp(1, 'ownerCutEnabled', false),
  { method: 'sudo_set_mechanism_count', args: { netuid: 3, mechanismCount: 2 } },
  { method: 'sudo_set_mechanism_emission_split', args: { netuid: 3, maybeSplit: [30000, 35535] } },
  { method: 'sudo_set_mechanism_emission_split', args: { netuid: 3, maybeSplit: null } },
  { method: 'sudo_set_max_mechanism_count', args: { maxMechanismCount: 4 } },
  np('maxDelegateTake', 11_796),
  np('subnetOwnerCut', 0),
  np('networkRateLimit', 7200n),
  np('networkImmunityPeriod', 1_296_000n),
  np('networkMinLockCost', 1_000_000_000_000n),
  np('subnetLimit', 128),
  np('networkLockReductionInterval', 100_800n),
  np('stakeThreshold', 0n),
  np('txDelegateTakeRateLimit', 216_000n),
  np('minDelegateTake', 65_535),
  np('subnetMovingAlpha', 12_885n),
  np('subnetMovingAlpha', -(1n << 127n)),
  np('flowNormExponent', 1),
  np('flowNormExponent', 2),
  np('flowEmaSmoothingFactor', 29_597_889_189_277n),
  np('startCallDelay', 0n),
  np('netTaoFlowEnabled', true),
  np('maxEpochsPerBlock', 255),
  { method: 'sudo_set_childkey_param', args: { name: 'ckBurn', value: U64_MAX } },
  { method: 'sudo_set_childkey_param', args: { name: 'minChildkeyTake', value: 1000, netuid: 4 } },
  { method: 'sudo_set_emission_enabled', args: { netuid: 7, enabled: false } },
  { method: 'sudo_set_emission_enabled', args: { netuid: 7, enabled: true } },
  { method: 'sudo_set_admin_freeze_window', args: { window: 0 } },
  { method: 'sudo_set_admin_freeze_window', args: { window: 65_535 } },
  { method: 'sudo_set_owner_hparam_rate_limit', args: { epochs: 2 } },
];

const defByName = new Map(ADMIN_UTILS_CALLS.calls.map((c) => [c.name, c]));
const argsCodec = (def: SubstrateCallDef) => codecOf(T.composite('AdminUtilsCallArgs', def.args));

/** runtime → AdminUtils call → SCALE bytes → decoded → runtime. */
function roundTrip(call: RuntimeCall): { def: SubstrateCallDef; bytes: Uint8Array; back: RuntimeCall } {
  const from = ADMIN_UTILS_FROM_RUNTIME[call.method];
  if (from === undefined) throw new Error(`no FromRuntime for ${call.method}`);
  const sub = from(call.args);
  if (sub === null)
    throw new Error(`${call.method} ${JSON.stringify(call.args, (_, v) => String(v))} has no AdminUtils form`);
  expect(sub.pallet).toBe('AdminUtils');
  const def = defByName.get(sub.call);
  if (def === undefined) throw new Error(`FromRuntime named ${sub.call}, which is not in the table`);
  const codec = argsCodec(def);
  const bytes = codec.enc(sub.args);
  const decoded = codec.dec(bytes) as Record<string, unknown>;
  return { def, bytes, back: def.toRuntime(decoded) };
}

describe('AdminUtils call table', () => {
  it('is pallet 19 with unique call indices and names, each a subtensor sudo_* call', () => {
    expect(ADMIN_UTILS_CALLS.pallet).toBe('AdminUtils');
    expect(ADMIN_UTILS_CALLS.index).toBe(19);
    const indices = ADMIN_UTILS_CALLS.calls.map((c) => c.index);
    expect(new Set(indices).size).toBe(indices.length);
    expect(defByName.size).toBe(indices.length);
    for (const c of ADMIN_UTILS_CALLS.calls) {
      expect(c.name).toMatch(/^sudo_set_[a-z0-9_]+$/);
      expect(c.index).toBeGreaterThanOrEqual(0);
      expect(c.index).toBeLessThan(256);
      for (const a of c.args) expect(a.name).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });

  it('carries every runtime call through SCALE and back unchanged, covering every call', () => {
    const covered = new Set<string>();
    for (const call of SAMPLES) {
      const { def, back } = roundTrip(call);
      expect(back, `${def.name} for ${String(call.args.name ?? call.method)}`).toEqual(call);
      covered.add(def.name);
    }
    expect([...defByName.keys()].filter((n) => !covered.has(n))).toEqual([]);
  });

  it("encodes with subtensor's layouts: NetUid as u16, TaoBalance as u64, fixed point as bits", () => {
    expect(toHex(roundTrip(hp(1, 'tempo', 360)).bytes)).toBe('0x01006801');
    expect(toHex(roundTrip(hp(2, 'minBurn', 500_000n)).bytes)).toBe('0x020020a1070000000000');
    expect(toHex(roundTrip(hp(1, 'recycleOrBurn', 'recycle')).bytes)).toBe('0x010001');
    expect(toHex(roundTrip(hp(1, 'alphaSigmoidSteepness', -2)).bytes)).toBe('0x0100feff');
    // 1 in U64F64 is 2^64: sixteen bytes, little-endian.
    expect(toHex(roundTrip(np('flowNormExponent', 1)).bytes)).toBe(`0x${'00'.repeat(8)}01${'00'.repeat(7)}`);
    expect(toHex(roundTrip(np('subnetMovingAlpha', 12_885n)).bytes)).toBe(`0x5532${'00'.repeat(14)}`);
    expect(roundTrip(hp(1, 'immunityPeriod', 7200n)).def.args.map((a) => a.typeName)).toEqual(['NetUid', 'u16']);
    // subtensor's AdminUtils 74 and 75 take one u16 each.
    const window = roundTrip({ method: 'sudo_set_admin_freeze_window', args: { window: 10 } });
    expect([window.def.index, toHex(window.bytes)]).toEqual([74, '0x0a00']);
    const epochs = roundTrip({ method: 'sudo_set_owner_hparam_rate_limit', args: { epochs: 2 } });
    expect([epochs.def.index, epochs.def.args[0]?.name, toHex(epochs.bytes)]).toEqual([75, 'epochs', '0x0200']);
  });

  it('gives null for runtime calls no AdminUtils call expresses exactly', () => {
    const none: RuntimeCall[] = [
      // No AdminUtils call for these parameters.
      hp(1, 'maxWeightsLimit', 65_535),
      hp(1, 'feeRate', 33),
      hp(1, 'activityCutoffFactorMilli', 13_889),
      np('defaultTake', 11_796),
      np('taoWeight', 1n),
      np('emaPriceHalvingBlocks', 201_600n),
      // One of the pair sudo_set_alpha_values sets together.
      hp(1, 'alphaLow', 45_875),
      hp(1, 'alphaHigh', 58_982),
      // Values subtensor's argument type cannot hold.
      hp(1, 'immunityPeriod', 65_536n),
      hp(1, 'tempo', 65_536),
      hp(1, 'tempo', 1.5),
      hp(1, 'tempo', -1),
      hp(1, 'servingRateLimit', 1n << 64n),
      hp(1, 'servingRateLimit', -1n),
      hp(1, 'alphaSigmoidSteepness', 32_768),
      hp(1, 'burnIncreaseMult', 1n << 128n),
      np('maxEpochsPerBlock', 256),
      np('flowNormExponent', 1.5),
      np('subnetMovingAlpha', 1n << 127n),
      // The wrong type for the parameter, a bad netuid, an unknown name.
      hp(1, 'tempo', 360n),
      hp(1, 'servingRateLimit', 50),
      hp(1, 'registrationAllowed', 1),
      hp(1, 'recycleOrBurn', 'keep'),
      hp(65_536, 'tempo', 360),
      hp(-1, 'tempo', 360),
      hp(1, 'nope', 1),
      np('nope', 1n),
      { method: 'sudo_set_emission_enabled', args: { netuid: 1, enabled: 'yes' } },
      { method: 'sudo_set_emission_enabled', args: { netuid: 70_000, enabled: true } },
      // Childkey parameters: only ckBurn network-wide and minChildkeyTake per subnet have calls.
      { method: 'sudo_set_childkey_param', args: { name: 'pendingCooldown', value: 10n } },
      { method: 'sudo_set_childkey_param', args: { name: 'minChildkeyTake', value: 10 } },
      { method: 'sudo_set_childkey_param', args: { name: 'ckBurn', value: 10n, netuid: 1 } },
      { method: 'sudo_set_childkey_param', args: { name: 'minChildkeyTake', value: 65_536, netuid: 1 } },
      { method: 'sudo_set_admin_freeze_window', args: { window: 65_536 } },
      { method: 'sudo_set_owner_hparam_rate_limit', args: { epochs: -1 } },
      { method: 'sudo_set_owner_hparam_rate_limit', args: { epochs: 1.5 } },
    ];
    for (const call of none) {
      const from = ADMIN_UTILS_FROM_RUNTIME[call.method];
      expect(from, call.method).toBeDefined();
      expect(from?.(call.args), `${call.method} ${String(call.args.name)}=${String(call.args.value)}`).toBeNull();
    }
    expect(ADMIN_UTILS_FROM_RUNTIME.sudo_dissolve_network).toBeUndefined();
    expect(ADMIN_UTILS_FROM_RUNTIME.sudo_set_default_hyperparameter).toBeUndefined();
  });

  it('refuses SCALE values with no runtime meaning with a CallTranslationError', () => {
    const exponent = defByName.get('sudo_set_tao_flow_normalization_exponent') as SubstrateCallDef;
    const half = (1n << 64n) + (1n << 63n);
    expect(() => exponent.toRuntime({ exponent: { bits: half } })).toThrow(CallTranslationError);
    expect(() => exponent.toRuntime({ exponent: { bits: half } })).toThrow(/whole number/);
    const interval = defByName.get('sudo_set_commit_reveal_weights_interval') as SubstrateCallDef;
    expect(() => interval.toRuntime({ netuid: 1, interval: 1n << 60n })).toThrow(CallTranslationError);
    expect(interval.toRuntime({ netuid: 1, interval: 3n })).toEqual(hp(1, 'revealPeriodEpochs', 3));
  });
});
