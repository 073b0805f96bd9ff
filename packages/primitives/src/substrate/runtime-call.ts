/**
 * The runtime call enum (pallet index ‖ call index ‖ arguments): every pallet's call table in
 * one place, and the two translations the chain's edge needs — SCALE call bytes to the runtime's
 * `{method, args}` (the node, decoding any client's extrinsic) and back (the SDK, encoding).
 */
import { ADMIN_UTILS_CALLS, ADMIN_UTILS_FROM_RUNTIME } from './admin-utils-calls.js';
import { BALANCES_CALLS, BALANCES_FROM_RUNTIME } from './balances-calls.js';
import { CallTranslationError, type FromRuntime, type PalletCalls, type RuntimeCall } from './call-def.js';
import { ScaleDecodeError } from './compact.js';
import { callValueOf, registerCallTables, RUNTIME_CALL } from './call-enum.js';
import { codecOf } from './scale-type.js';
import { COMMITMENTS_CALLS, COMMITMENTS_FROM_RUNTIME } from './commitments-calls.js';
import { SHIELD_CALLS, SHIELD_FROM_RUNTIME } from './shield-calls.js';
import { DRAND_CALLS, DRAND_FROM_RUNTIME } from './drand-calls.js';
import { PROXY_CALLS, PROXY_FROM_RUNTIME, UTILITY_CALLS, UTILITY_FROM_RUNTIME } from './utility-proxy-calls.js';
import { SUBTENSOR_CALLS, SUBTENSOR_FROM_RUNTIME } from './subtensor-calls.js';
import { SUDO_CALLS, SUDO_FROM_RUNTIME } from './sudo-calls.js';
import { TAONET_ADMIN_CALLS, TAONET_ADMIN_FROM_RUNTIME } from './taonet-admin-calls.js';

/** The pallets with calls, by index. */
export const CALL_PALLETS: readonly PalletCalls[] = [
  BALANCES_CALLS,
  SUBTENSOR_CALLS,
  UTILITY_CALLS,
  SUDO_CALLS,
  PROXY_CALLS,
  COMMITMENTS_CALLS,
  ADMIN_UTILS_CALLS,
  DRAND_CALLS,
  SHIELD_CALLS,
  TAONET_ADMIN_CALLS,
];

/** Per runtime method, the Substrate forms to try in order (the first that fits is used). */
const FROM_RUNTIME: readonly Readonly<Record<string, FromRuntime>>[] = [
  BALANCES_FROM_RUNTIME,
  SUBTENSOR_FROM_RUNTIME,
  UTILITY_FROM_RUNTIME,
  SUDO_FROM_RUNTIME,
  PROXY_FROM_RUNTIME,
  COMMITMENTS_FROM_RUNTIME,
  // subtensor's AdminUtils call where one expresses the change, else Taonet's own admin call.
  ADMIN_UTILS_FROM_RUNTIME,
  TAONET_ADMIN_FROM_RUNTIME,
  SHIELD_FROM_RUNTIME,
  DRAND_FROM_RUNTIME,
];

registerCallTables(CALL_PALLETS, FROM_RUNTIME);

const codec = codecOf(RUNTIME_CALL);

const byName = new Map(CALL_PALLETS.map((p) => [p.pallet, new Map(p.calls.map((c) => [c.name, c]))]));

export interface DecodedCall {
  readonly pallet: string;
  readonly call: string;
  readonly runtime: RuntimeCall;
}

/** SCALE call bytes → the runtime call. Throws ScaleDecodeError (bytes) or CallTranslationError (meaning). */
export function decodeRuntimeCall(bytes: Uint8Array): DecodedCall {
  const p = bytes[0];
  const pallet = CALL_PALLETS.find((x) => x.index === p);
  if (pallet === undefined) throw new ScaleDecodeError(`no pallet with calls at index ${p}`);
  const c = pallet.calls.find((x) => x.index === bytes[1]);
  if (c === undefined) throw new ScaleDecodeError(`${pallet.pallet} has no call at index ${bytes[1]}`);
  let v: { tag: string; value: { tag: string; value: unknown } };
  try {
    v = codec.dec(new Uint8Array(bytes)) as typeof v;
    if (codec.enc(v as never).length !== bytes.length) throw new Error('trailing or missing bytes');
  } catch (e) {
    throw new ScaleDecodeError(`${pallet.pallet}.${c.name}: the arguments do not decode (${(e as Error).message})`);
  }
  const args = (v.value.value ?? {}) as Record<string, unknown>;
  return { pallet: pallet.pallet, call: c.name, runtime: c.toRuntime(args) };
}

/** Encodes a Substrate call given by pallet and call name with SCALE argument values. */
export function encodeSubstrateCall(pallet: string, call: string, args: Readonly<Record<string, unknown>>): Uint8Array {
  const c = byName.get(pallet)?.get(call);
  if (c === undefined) throw new CallTranslationError(`unknown call ${pallet}.${call}`);
  return codec.enc({ tag: pallet, value: { tag: call, value: c.args.length === 0 ? undefined : args } } as never);
}

/** The runtime call as SCALE call bytes (the form this chain's metadata declares for it). */
export function encodeRuntimeCall(call: RuntimeCall): Uint8Array {
  return codec.enc(callValueOf(call) as never);
}
