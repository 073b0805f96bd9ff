/**
 * The AdminUtils call table (primitives' Substrate face) against the runtime it translates to:
 * every parameter name it produces exists with the value type the runtime keeps, and every call,
 * carried through its SCALE bytes, is accepted by a real block and lands in the state.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN_UTILS_CALLS, ADMIN_UTILS_FROM_RUNTIME } from '@taonet/primitives/substrate/admin-utils-calls';
import type { RuntimeCall, SubstrateCallDef } from '@taonet/primitives/substrate/call-def';
import { codecOf, type ScaleType, T } from '@taonet/primitives/substrate/scale-type';
import {
  callDef,
  DEFAULT_HYPERPARAMETERS,
  DEFAULT_NETWORK_PARAMS,
  HYPERPARAMETER_SPECS,
  storage,
} from '../src/index.js';
import { childKeyParams } from '../src/children/state-graph.js';
import { DEFAULT_CHILD_KEY_PARAMS } from '../src/children/storage.js';
import { TestChain } from './utils/chain.js';

/** A decoded SCALE value of the type, as `codecOf` gives it (fixed point as whole numbers). */
function sample(t: ScaleType): unknown {
  switch (t.kind) {
    case 'primitive':
      if (t.prim === 'bool') return true;
      if (t.prim === 'u8' || t.prim === 'u16' || t.prim === 'i16') return 7;
      if (t.prim === 'u64') return 7n;
      if (t.prim === 'u128' || t.prim === 'i128') return 7n << 64n;
      throw new Error(`no sample for ${t.prim}`);
    case 'composite': {
      const only = t.fields.length === 1 ? t.fields[0] : undefined;
      if (only !== undefined && only.name === undefined) return sample(only.type);
      return Object.fromEntries(t.fields.map((f) => [f.name, sample(f.type)]));
    }
    case 'variant':
      return { tag: t.variants()[0]?.name, value: undefined };
    default:
      throw new Error(`no sample for ${t.kind}`);
  }
}

const sampleArgs = (def: SubstrateCallDef) =>
  Object.fromEntries(def.args.map((a) => [a.name as string, sample(a.type)]));

/** The runtime's own record of a parameter's value type, per admin method. */
function runtimeSample(call: RuntimeCall): unknown {
  const name = call.args.name as string;
  switch (call.method) {
    case 'set_hyperparameter':
      expect(Object.hasOwn(HYPERPARAMETER_SPECS, name), `hyperparameter ${name}`).toBe(true);
      return DEFAULT_HYPERPARAMETERS[name as keyof typeof DEFAULT_HYPERPARAMETERS];
    case 'sudo_set_network_param':
      expect(Object.hasOwn(DEFAULT_NETWORK_PARAMS, name), `network param ${name}`).toBe(true);
      return DEFAULT_NETWORK_PARAMS[name as keyof typeof DEFAULT_NETWORK_PARAMS];
    case 'sudo_set_childkey_param':
      expect(Object.hasOwn(DEFAULT_CHILD_KEY_PARAMS, name), `childkey param ${name}`).toBe(true);
      return DEFAULT_CHILD_KEY_PARAMS[name as keyof typeof DEFAULT_CHILD_KEY_PARAMS];
    case 'sudo_set_emission_enabled':
      return false;
    case 'sudo_set_admin_freeze_window':
      return storage.DEFAULT_ADMIN_FREEZE_WINDOW;
    case 'sudo_set_owner_hparam_rate_limit':
      return storage.DEFAULT_OWNER_HYPERPARAM_RATE_LIMIT;
    default:
      throw new Error(`the table produced ${call.method}, which this test does not know`);
  }
}

describe('AdminUtils call table against the runtime', () => {
  it('produces only runtime methods and parameter names that exist, with their value types', () => {
    for (const def of ADMIN_UTILS_CALLS.calls) {
      const call = def.toRuntime(sampleArgs(def));
      expect(() => callDef(call.method), def.name).not.toThrow();
      // The mechanism calls carry their own arguments (runtime/test/mechanisms.test.ts covers them).
      if (call.method.includes('mechanism')) continue;
      const value = valueSet(call);
      expect(typeof value, `${def.name} → ${String(call.args.name ?? call.method)}`).toBe(typeof runtimeSample(call));
      if (def.args.some((a) => a.name === 'netuid')) expect(call.args.netuid, def.name).toBe(7);
    }
  });

  it('every call, sent as SCALE bytes by the admin, is applied by a real block', () => {
    const chain = new TestChain();
    const netuid = chain.subnet('bob');
    const hp = () => chain.state.get(storage.Hyperparameters, netuid);
    const params = () => chain.state.value(storage.Params);
    // Each runtime call sets a value the chain does not have yet (a flipped flag, a changed number
    // inside the bounds), so an arrival in the state cannot be a leftover.
    const cur = hp();
    if (cur === null) throw new Error('no subnet');
    const p = params();
    const changes: { call: RuntimeCall; read: () => unknown }[] = [];
    const setHp = (name: keyof typeof cur, value: unknown) =>
      changes.push({
        call: { method: 'set_hyperparameter', args: { netuid, name, value } },
        read: () => hp()?.[name],
      });
    const setNp = (name: keyof typeof p, value: unknown) =>
      changes.push({ call: { method: 'sudo_set_network_param', args: { name, value } }, read: () => params()[name] });
    for (const def of ADMIN_UTILS_CALLS.calls) {
      const call = def.toRuntime(sampleArgs(def));
      const name = call.args.name as string;
      if (call.method === 'set_hyperparameter') {
        const now = cur[name as keyof typeof cur];
        setHp(name as keyof typeof cur, next(name, now));
      } else if (call.method === 'sudo_set_network_param') {
        setNp(name as keyof typeof p, next(name, p[name as keyof typeof p]));
      }
    }
    changes.push({
      call: { method: 'sudo_set_childkey_param', args: { name: 'ckBurn', value: 1n << 62n } },
      read: () => childKeyParams(chain.state).ckBurn,
    });
    changes.push({
      call: { method: 'sudo_set_childkey_param', args: { name: 'minChildkeyTake', value: 1000, netuid } },
      read: () => chain.state.get(storage.MinChildkeyTakePerSubnet, netuid),
    });
    const enabled = chain.state.get(storage.EmissionEnabled, netuid);
    changes.push({
      call: { method: 'sudo_set_emission_enabled', args: { netuid, enabled: !enabled } },
      read: () => chain.state.get(storage.EmissionEnabled, netuid),
    });

    changes.push({
      call: { method: 'sudo_set_admin_freeze_window', args: { window: 0 } },
      read: () => chain.state.value(storage.AdminFreezeWindow),
    });
    changes.push({
      call: { method: 'sudo_set_owner_hparam_rate_limit', args: { epochs: 7 } },
      read: () => chain.state.value(storage.OwnerHyperparamRateLimit),
    });

    const sent = new Set<string>();
    for (const { call, read } of changes) {
      const sub = ADMIN_UTILS_FROM_RUNTIME[call.method]?.(call.args);
      if (sub === null || sub === undefined)
        throw new Error(
          `no AdminUtils form for ${JSON.stringify(call.args, (_, v) => (typeof v === 'bigint' ? `${v}n` : v))}`,
        );
      const def = ADMIN_UTILS_CALLS.calls.find((c) => c.name === sub.call) as SubstrateCallDef;
      const codec = codecOf(T.composite('AdminUtilsCallArgs', def.args));
      const back = def.toRuntime(codec.dec(codec.enc(sub.args)) as Record<string, unknown>);
      const value = valueSet(call);
      expect(read(), `${def.name} changes something`).not.toEqual(value);
      chain.ok('alice', back.method, back.args);
      expect(read(), def.name).toEqual(value);
      sent.add(def.name);
    }
    // The mechanism calls need subnets shaped for them (runtime/test/mechanisms.test.ts applies them).
    const rest = ADMIN_UTILS_CALLS.calls.map((c) => c.name).filter((n) => !n.includes('mechanism'));
    expect(rest.filter((n) => !sent.has(n))).toEqual([]);
  });
});

/** The value a runtime admin call sets, whatever its argument is called. */
function valueSet(call: RuntimeCall): unknown {
  switch (call.method) {
    case 'sudo_set_emission_enabled':
      return call.args.enabled;
    case 'sudo_set_admin_freeze_window':
      return call.args.window;
    case 'sudo_set_owner_hparam_rate_limit':
      return call.args.epochs;
    default:
      return call.args.value;
  }
}

/**
 * A value other than the current one that the admin may set: flags flip, the rest move by one
 * step inside the runtime's bounds (and the pairs the runtime keeps ordered stay ordered).
 */
function next(name: string, now: unknown): unknown {
  if (typeof now === 'boolean') return !now;
  if (name === 'recycleOrBurn') return now === 'burn' ? 'recycle' : 'burn';
  if (name === 'burnIncreaseMult') return (now as bigint) + (1n << 62n);
  if (name === 'flowNormExponent') return (now as number) === 1 ? 2 : 1;
  // maxAllowedUids goes down: raising it past 256 would exceed what one mechanism may hold.
  const down = new Set([
    'maxAllowedUids',
    'maxBurn',
    'maxAllowedValidators',
    'minNonImmuneUids',
    'bondsMovingAverage',
    'bondsPenalty',
  ]);
  const step = down.has(name) ? -1 : 1;
  return typeof now === 'bigint' ? now + BigInt(step) : (now as number) + step;
}
