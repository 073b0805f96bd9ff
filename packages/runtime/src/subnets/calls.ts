/** Subnet calls: create, start, identity, symbol, hyperparameters; and the admin's network calls and owner limits. */
import { account, type Args, bool, netuid, str, u16 } from '../system/args.js';
import { defineCall } from '../system/call.js';
import { ensure, fail } from '../errors.js';
import { DEFAULT_NETWORK_PARAMS, type NetworkParams } from '../params/network-params.js';
import { NewSubnetHyperparameters, Params } from '../params/storage.js';
import { isAdmin } from '../system/admin-origin.js';
import {
  HYPERPARAMETER_SPECS,
  type HyperparameterName,
  type SubnetHyperparameters,
} from '../params/hyperparameters.js';
import { event } from '../system/events.js';
import { dissolveNetwork } from '../subnet-lifecycle/dissolve-network.js';
import { checkHyperparameterSet, checkHyperparameterValue, setHyperparameter } from './hyperparameter-update.js';
import { IDENTITY_LIMITS, registerNetwork, validateIdentity } from '../subnet-lifecycle/register-network.js';
import { startCall } from './start-call.js';
import {
  AdminFreezeWindow,
  EmissionEnabled,
  Hyperparameters,
  OwnerHyperparamRateLimit,
  Netuids,
  SubnetOwner,
  TokenSymbol,
  Identity,
  type SubnetIdentity,
} from './storage.js';
import { SUBNET_SYMBOLS } from './symbols.js';

function identityArg(a: Args): SubnetIdentity | null {
  const v = a.identity;
  if (v === undefined || v === null) return null;
  if (typeof v !== 'object' || Array.isArray(v)) fail('InvalidArgument', "'identity' must be an object");
  const o = v as Args;
  const out: Record<string, string> = {};
  for (const k of Object.keys(IDENTITY_LIMITS)) out[k] = o[k] === undefined ? '' : str(o, k, 1 << 16);
  return out as unknown as SubnetIdentity;
}

/** Network parameters that are fixed-point proportions: above their one, the arithmetic breaks. */
const NETWORK_PARAM_MAX: Readonly<Record<string, bigint>> = {
  subnetOwnerCut: 65_535n,
  defaultTake: 65_535n,
  minDelegateTake: 65_535n,
  maxDelegateTake: 65_535n,
  taoWeight: (1n << 64n) - 1n,
  flowEmaSmoothingFactor: (1n << 63n) - 1n,
};

function value(a: Args): unknown {
  const v = a.value;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || typeof v === 'string') return v;
  return fail('InvalidArgument', "'value' must be a number, bigint, boolean or string");
}

export const subnetCalls = [
  defineCall({
    name: 'register_network',
    signer: 'coldkey',
    pays: true,
    description: 'Create a subnet by locking TAO; the hotkey becomes the owner neuron (uid 0).',
    parse: (a) => ({ hotkey: account(a, 'hotkey'), identity: identityArg(a) }),
    run: (ctx, who, a) => {
      registerNetwork(ctx, who, a.hotkey, a.identity);
    },
  }),
  defineCall({
    name: 'start_call',
    signer: 'coldkey',
    pays: true,
    description: 'Start the subnet: emission begins next block and staking opens (owner only).',
    parse: (a) => ({ netuid: netuid(a) }),
    run: (ctx, who, a) => startCall(ctx, who, a.netuid),
  }),
  defineCall({
    name: 'set_subnet_identity',
    signer: 'coldkey',
    pays: true,
    description: 'Set the subnet name, links and description (owner only).',
    parse: (a) => ({ netuid: netuid(a), identity: identityArg(a) }),
    run: (ctx, who, a) => {
      const owner = ctx.state.get(SubnetOwner, a.netuid);
      if (owner === null) fail('SubnetNotExists', `no subnet ${a.netuid}`);
      ensure(owner === who, 'NotSubnetOwner');
      if (a.identity === null) ctx.state.remove(Identity, a.netuid);
      else {
        validateIdentity(a.identity);
        ctx.state.set(Identity, a.netuid, a.identity);
      }
      ctx.emit(event('SubnetIdentitySet', { netuid: a.netuid }));
    },
  }),
  defineCall({
    name: 'update_symbol',
    signer: 'coldkey',
    pays: true,
    root: true,
    description: 'Change the subnet token symbol to a free one from the list (owner only).',
    parse: (a) => ({ netuid: netuid(a), symbol: str(a, 'symbol', 16) }),
    run: (ctx, who, a) => {
      const s = ctx.state;
      const owner = s.get(SubnetOwner, a.netuid);
      if (owner === null) fail('SubnetNotExists');
      // The owner or the admin account (§9.6).
      ensure(owner === who || isAdmin(ctx, who), 'NotSubnetOwner', `subnet ${a.netuid} belongs to ${owner}`);
      ensure(SUBNET_SYMBOLS.includes(a.symbol), 'SymbolDoesNotExist', 'pick a symbol from the subnet symbol list');
      const holder = s.value(Netuids).find((n) => n !== a.netuid && s.get(TokenSymbol, n) === a.symbol);
      ensure(holder === undefined, 'SymbolAlreadyInUse', () => `subnet ${holder} uses ${a.symbol}`);
      s.set(TokenSymbol, a.netuid, a.symbol);
      ctx.emit(event('SymbolUpdated', { netuid: a.netuid, symbol: a.symbol }));
    },
  }),
  defineCall({
    name: 'set_hyperparameter',
    signer: 'coldkey',
    pays: true,
    root: true,
    description: 'Change a subnet hyperparameter (the owner within bounds, or the admin account).',
    parse: (a) => ({ netuid: netuid(a), name: str(a, 'name', 64), value: value(a) }),
    run: (ctx, who, a) => setHyperparameter(ctx, who, a.netuid, a.name, a.value),
  }),
  defineCall({
    name: 'sudo_set_network_param',
    signer: 'admin',
    pays: false,
    description: 'Change a network-wide parameter (admin only).',
    parse: (a) => ({ name: str(a, 'name', 64), value: value(a) }),
    run: (ctx, _who, a) => {
      const s = ctx.state;
      if (!Object.hasOwn(DEFAULT_NETWORK_PARAMS, a.name))
        fail('InvalidArgument', `unknown network parameter '${a.name}'`);
      const sample = DEFAULT_NETWORK_PARAMS[a.name as keyof NetworkParams];
      ensure(typeof a.value === typeof sample, 'InvalidArgument', `${a.name} takes a ${typeof sample}`);
      if (a.name === 'emissionPolicy') {
        ensure(a.value === 'taoflow' || a.value === 'ema-price', 'InvalidArgument', "use 'taoflow' or 'ema-price'");
      }
      if (typeof a.value === 'bigint') ensure(a.value >= 0n, 'InvalidArgument', `${a.name} must not be negative`);
      // Counts and proportions: a fraction or a negative number would break the integer arithmetic.
      if (typeof a.value === 'number') {
        ensure(
          Number.isSafeInteger(a.value) && a.value >= 0,
          'InvalidArgument',
          `${a.name} must be a non-negative integer`,
        );
      }
      const max = NETWORK_PARAM_MAX[a.name];
      if (max !== undefined)
        ensure(BigInt(a.value as number | bigint) <= max, 'InvalidArgument', `${a.name} must be at most ${max}`);
      s.put(Params, { ...s.value(Params), [a.name]: a.value });
      ctx.emit(event('NetworkParamSet', { name: a.name, value: a.value }));
    },
  }),
  defineCall({
    name: 'sudo_set_default_hyperparameter',
    signer: 'admin',
    pays: false,
    description: 'Change a hyperparameter default for subnets created from now on (admin only).',
    parse: (a) => ({ name: str(a, 'name', 64), value: value(a) }),
    run: (ctx, _who, a) => {
      const s = ctx.state;
      if (!Object.hasOwn(HYPERPARAMETER_SPECS, a.name)) fail('InvalidArgument', `unknown hyperparameter '${a.name}'`);
      const cur = s.value(NewSubnetHyperparameters);
      checkHyperparameterValue(a.name as HyperparameterName, a.value, cur);
      const next = { ...cur, [a.name]: a.value } as SubnetHyperparameters;
      checkHyperparameterSet(next);
      s.put(NewSubnetHyperparameters, next);
      ctx.emit(event('DefaultHyperparameterSet', { name: a.name, value: a.value }));
    },
  }),
  defineCall({
    name: 'sudo_set_emission_enabled',
    signer: 'admin',
    pays: false,
    description: 'Turn a subnet’s TAO emission on or off (admin only).',
    parse: (a) => ({ netuid: netuid(a), enabled: bool(a, 'enabled') }),
    run: (ctx, _who, a) => {
      if (ctx.state.get(Hyperparameters, a.netuid) === null) fail('SubnetNotExists');
      ctx.state.set(EmissionEnabled, a.netuid, a.enabled);
      ctx.emit(event('EmissionEnabledSet', { netuid: a.netuid, enabled: a.enabled }));
    },
  }),
  defineCall({
    name: 'sudo_set_admin_freeze_window',
    signer: 'admin',
    pays: false,
    description: 'Set how many blocks before each epoch subnet owners may not change their subnet (admin only).',
    parse: (a) => ({ window: u16(a, 'window') }),
    run: (ctx, _who, a) => {
      ctx.state.put(AdminFreezeWindow, a.window);
      ctx.emit(event('AdminFreezeWindowSet', { window: a.window }));
    },
  }),
  defineCall({
    name: 'sudo_set_owner_hparam_rate_limit',
    signer: 'admin',
    pays: false,
    description: 'Set how many tempos an owner waits between two changes of one hyperparameter (admin only).',
    parse: (a) => ({ epochs: u16(a, 'epochs') }),
    run: (ctx, _who, a) => {
      ctx.state.put(OwnerHyperparamRateLimit, a.epochs);
      ctx.emit(event('OwnerHyperparamRateLimitSet', { epochs: a.epochs }));
    },
  }),
  defineCall({
    name: 'sudo_dissolve_network',
    signer: 'admin',
    pays: false,
    description: 'Dissolve a subnet, paying its TAO reserve out to its stakers (admin only).',
    parse: (a) => ({ netuid: netuid(a) }),
    run: (ctx, _who, a) => dissolveNetwork(ctx, a.netuid),
  }),
];
