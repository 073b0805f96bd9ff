/**
 * TaonetAdmin (200): Taonet's own administration calls that no subtensor call expresses (a
 * network-wide default, an emission switch, the generic hyperparameter setter for parameters
 * subtensor's AdminUtils has no call for). Its index is far from subtensor's pallets so that it
 * never takes one of theirs.
 */
import { CallTranslationError, type FromRuntime, type PalletCalls, type RuntimeCall } from './call-def.js';
import { defined, num, optionOf, some, none } from './call-values.js';
import { T } from './scale-type.js';
import { NetUid, option } from './types.js';

/** A parameter value as the runtime keeps it: a boolean, a small integer, a large integer or text. */
export const ParamValue = T.variant('taonet_runtime::ParamValue', [
  { name: 'Bool', index: 0, fields: [{ type: T.bool }] },
  { name: 'Int', index: 1, fields: [{ type: T.i64 }] },
  { name: 'Big', index: 2, fields: [{ type: T.u128 }] },
  { name: 'Text', index: 3, fields: [{ type: T.str }] },
]);

function valueToRuntime(v: unknown): boolean | number | bigint | string {
  const o = v as { tag: string; value: unknown };
  if (o.tag === 'Int') {
    const n = BigInt(o.value as bigint);
    if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER))
      throw new CallTranslationError('Int parameter values must be safe integers', 'send large values as Big');
    return Number(n);
  }
  return o.value as boolean | bigint | string;
}

function valueFromRuntime(v: unknown): { tag: string; value: unknown } {
  if (typeof v === 'boolean') return { tag: 'Bool', value: v };
  if (typeof v === 'number') return { tag: 'Int', value: BigInt(v) };
  if (typeof v === 'bigint') return { tag: 'Big', value: v };
  return { tag: 'Text', value: String(v) };
}

const name = { name: 'name', type: T.str };
const value = { name: 'value', type: ParamValue };
const netuid = { name: 'netuid', type: NetUid };
const call = (method: string, args: Record<string, unknown>): RuntimeCall => ({ method, args: defined(args) });

export const TAONET_ADMIN_CALLS: PalletCalls = {
  pallet: 'TaonetAdmin',
  index: 200,
  calls: [
    {
      index: 0,
      name: 'set_hyperparameter',
      args: [netuid, name, value],
      docs: ['Change a subnet hyperparameter by its Taonet name (the owner within bounds, or the admin).'],
      toRuntime: (x) =>
        call('set_hyperparameter', { netuid: num(x.netuid), name: x.name, value: valueToRuntime(x.value) }),
    },
    {
      index: 1,
      name: 'set_network_param',
      args: [name, value],
      docs: ['Change a network-wide parameter (admin only).'],
      toRuntime: (x) => call('sudo_set_network_param', { name: x.name, value: valueToRuntime(x.value) }),
    },
    {
      index: 2,
      name: 'set_default_hyperparameter',
      args: [name, value],
      docs: ['Change the hyperparameter new subnets start with (admin only).'],
      toRuntime: (x) => call('sudo_set_default_hyperparameter', { name: x.name, value: valueToRuntime(x.value) }),
    },
    {
      index: 3,
      name: 'set_emission_enabled',
      args: [netuid, { name: 'enabled', type: T.bool }],
      docs: ['Switch a subnet’s emission on or off (admin only).'],
      toRuntime: (x) => call('sudo_set_emission_enabled', { netuid: num(x.netuid), enabled: x.enabled }),
    },
    {
      index: 4,
      name: 'set_childkey_param',
      args: [name, value, { name: 'netuid', type: option(NetUid) }],
      docs: ['Change a child-hotkey parameter, network-wide or for one subnet (admin only).'],
      toRuntime: (x) => {
        const n = optionOf(x.netuid);
        return call('sudo_set_childkey_param', {
          name: x.name,
          value: valueToRuntime(x.value),
          netuid: n === undefined ? undefined : num(n),
        });
      },
    },
  ],
};

const admin = (c: string, args: Record<string, unknown>) => ({ pallet: 'TaonetAdmin', call: c, args });

export const TAONET_ADMIN_FROM_RUNTIME: Readonly<Record<string, FromRuntime>> = {
  set_hyperparameter: (x) =>
    admin('set_hyperparameter', { netuid: x.netuid, name: x.name, value: valueFromRuntime(x.value) }),
  sudo_set_network_param: (x) => admin('set_network_param', { name: x.name, value: valueFromRuntime(x.value) }),
  sudo_set_default_hyperparameter: (x) =>
    admin('set_default_hyperparameter', { name: x.name, value: valueFromRuntime(x.value) }),
  sudo_set_emission_enabled: (x) => admin('set_emission_enabled', { netuid: x.netuid, enabled: x.enabled }),
  sudo_set_childkey_param: (x) =>
    admin('set_childkey_param', {
      name: x.name,
      value: valueFromRuntime(x.value),
      netuid: x.netuid === undefined || x.netuid === null ? none : some(x.netuid),
    }),
};
