/**
 * The runtime version: what `state_getRuntimeVersion` and `Core_version` answer and what the
 * System.Version constant holds (papi signs with the constant, so all three come from here).
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { toHex } from '@taonet/primitives';
import { fields, T } from './scale-type.js';

/**
 * Bumped whenever the metadata changes: clients cache metadata by (genesis, specVersion).
 * Taonet's own numbering, independent of subtensor's.
 */
export const SPEC_VERSION = 11;
export const TRANSACTION_VERSION = 1;

export const RuntimeVersionType = T.composite(
  'sp_version::RuntimeVersion',
  fields({
    spec_name: T.str,
    impl_name: T.str,
    authoring_version: T.u32,
    spec_version: T.u32,
    impl_version: T.u32,
    apis: T.vec(T.tuple(T.array(8, T.u8), T.u32)),
    transaction_version: T.u32,
    system_version: T.u8,
  }),
);

/** A runtime API's id: blake2b of its name with an 8-byte output (Substrate's blake2_64). */
export function apiId(name: string): Uint8Array {
  return blake2b(new TextEncoder().encode(name), { dkLen: 8 });
}

export interface RuntimeVersion {
  /** The JSON shape of `state_getRuntimeVersion`. */
  readonly json: Record<string, unknown>;
  /** The value for `RuntimeVersionType`'s codec. */
  readonly scale: Record<string, unknown>;
}

export function runtimeVersion(apis: readonly { name: string; version: number }[]): RuntimeVersion {
  const base = {
    specName: 'node-subtensor',
    implName: 'node-subtensor',
    authoringVersion: 1,
    specVersion: SPEC_VERSION,
    implVersion: 1,
    transactionVersion: TRANSACTION_VERSION,
    systemVersion: 1,
  };
  return {
    json: { ...base, apis: apis.map((a) => [toHex(apiId(a.name)), a.version]) },
    scale: {
      spec_name: base.specName,
      impl_name: base.implName,
      authoring_version: base.authoringVersion,
      spec_version: base.specVersion,
      impl_version: base.implVersion,
      apis: apis.map((a) => [apiId(a.name), a.version]),
      transaction_version: base.transactionVersion,
      system_version: base.systemVersion,
    },
  };
}
