/**
 * The runtime call enum as a type: pallet index ‖ call index ‖ arguments, over every pallet's call
 * table. Tables are registered by runtime-call.ts; the type is lazy so that calls which carry calls
 * (Utility's batches, Proxy's proxy) can name it before the tables exist. The node's metadata uses
 * these very type objects, so its registry and the encoder cannot disagree.
 */
import { CallTranslationError, type FromRuntime, type PalletCalls, type RuntimeCall } from './call-def.js';
import type { ScaleType } from './scale-type.js';
import { T } from './scale-type.js';

const PALLETS: PalletCalls[] = [];
const FROM: Readonly<Record<string, FromRuntime>>[] = [];
const ENUMS = new Map<string, ScaleType>();

export function registerCallTables(
  pallets: readonly PalletCalls[],
  from: readonly Readonly<Record<string, FromRuntime>>[],
): void {
  PALLETS.push(...pallets);
  FROM.push(...from);
}

export const registeredPallets = (): readonly PalletCalls[] => PALLETS;

const snake = (s: string): string =>
  s === 'SubtensorModule' ? 'subtensor' : s.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();

/** A pallet's call enum, with the path scale-info gives it (`pallet_<name>::pallet::Call`). */
export function palletCallEnum(p: PalletCalls): ScaleType {
  let t = ENUMS.get(p.pallet);
  if (t === undefined) {
    t = T.variant(
      `pallet_${snake(p.pallet)}::pallet::Call`,
      p.calls.map((c) => ({ name: c.name, index: c.index, fields: c.args, docs: c.docs ?? [] })),
      [{ name: 'T', type: null }],
    );
    ENUMS.set(p.pallet, t);
  }
  return t;
}

/** `RuntimeCall`: one variant per pallet with calls, holding that pallet's call enum. */
export const RUNTIME_CALL: ScaleType = T.variant('node_subtensor_runtime::RuntimeCall', () =>
  PALLETS.map((p) => ({ name: p.pallet, index: p.index, fields: [{ type: palletCallEnum(p) }] })),
);

type CallValue = { readonly tag: string; readonly value: { readonly tag: string; readonly value: unknown } };

/** A decoded `RuntimeCall` value → the runtime's call (for calls nested in batches and proxies). */
export function runtimeCallOf(v: unknown): RuntimeCall {
  const o = v as CallValue;
  const p = PALLETS.find((x) => x.pallet === o.tag);
  const c = p?.calls.find((x) => x.name === o.value.tag);
  if (c === undefined) throw new CallTranslationError(`unknown call ${o.tag}.${o.value?.tag}`);
  return c.toRuntime((o.value.value ?? {}) as Record<string, unknown>);
}

/** The runtime's call → its `RuntimeCall` value (the Substrate form this chain declares for it). */
export function callValueOf(call: RuntimeCall): CallValue {
  for (const table of FROM) {
    const f = table[call.method];
    if (f === undefined) continue;
    const s = f(call.args);
    if (s !== null) {
      const def = PALLETS.find((p) => p.pallet === s.pallet)?.calls.find((c) => c.name === s.call);
      return { tag: s.pallet, value: { tag: s.call, value: def?.args.length === 0 ? undefined : s.args } };
    }
  }
  throw new CallTranslationError(
    `the call '${call.method}' with these arguments has no Substrate form on this chain`,
    'see taonet_calls for the calls and their arguments',
  );
}
