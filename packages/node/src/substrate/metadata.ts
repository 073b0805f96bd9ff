/**
 * Metadata V14 and V15 from the runtime description, over one type registry (so type ids agree
 * between the two versions), encoded by @polkadot-api/substrate-bindings' metadata codec.
 */
import { metadata as metadataCodec, type V14, type V15 } from '@polkadot-api/substrate-bindings';
import { toHex } from '@taonet/primitives';
import type { PalletDef, StorageItemDef } from './pallet.js';
import { palletEnum, type RuntimeDescription } from './runtime-description.js';
import { codecOf, T } from './scale-type.js';
import { TypeRegistry } from './type-registry.js';
import { AccountId32 } from './types.js';

/** "meta" as a little-endian u32. */
const MAGIC = 0x6174656d;

export const METADATA_VERSIONS = [14, 15] as const;

export interface BuiltMetadata {
  /** magic ‖ version byte ‖ body, per version. */
  readonly v14: Uint8Array;
  readonly v15: Uint8Array;
}

type Pallet14 = V14['pallets'][number];

function storageEntry(reg: TypeRegistry, item: StorageItemDef): NonNullable<Pallet14['storage']>['items'][number] {
  const valueId = reg.id(item.value);
  const fallback = item.modifier === 'Optional' ? new Uint8Array([0]) : codecOf(item.value).enc(item.fallback as never);
  const type =
    item.keys.length === 0
      ? { tag: 'plain' as const, value: valueId }
      : {
          tag: 'map' as const,
          value: {
            hashers: item.keys.map((k) => ({ tag: k.hasher, value: undefined })),
            key: reg.id(
              item.keys.length === 1 ? (item.keys[0]?.type ?? T.u8) : T.tuple(...item.keys.map((k) => k.type)),
            ),
            value: valueId,
          },
        };
  return {
    name: item.name,
    modifier: item.modifier === 'Optional' ? 0 : 1,
    type,
    fallback: toHex(fallback),
    docs: [...item.docs],
  };
}

function pallet(reg: TypeRegistry, p: PalletDef): Pallet14 {
  return {
    name: p.name,
    storage:
      p.storage === undefined || p.storage.length === 0
        ? undefined
        : { prefix: p.name, items: p.storage.map((i) => storageEntry(reg, i)) },
    calls: (p.calls?.length ?? 0) > 0 ? reg.id(palletEnum('Call', p)) : undefined,
    events: (p.events?.length ?? 0) > 0 ? reg.id(palletEnum('Event', p)) : undefined,
    constants: (p.constants ?? []).map((c) => ({
      name: c.name,
      type: reg.id(c.type),
      value: toHex(codecOf(c.type).enc(c.value as never)),
      docs: [...(c.docs ?? [])],
    })),
    errors: (p.errors?.length ?? 0) > 0 ? reg.id(palletEnum('Error', p)) : undefined,
    index: p.index,
    docs: [...(p.docs ?? [])],
  };
}

export function buildMetadata(rt: RuntimeDescription): BuiltMetadata {
  const reg = new TypeRegistry();
  // Type id 0 must be the account id (ASI 1.x reads `scale_info::0` as an SS58 account).
  if (reg.id(AccountId32) !== 0) throw new Error('AccountId32 must be type 0');
  const pallets = rt.pallets.map((p) => pallet(reg, p));
  const signedExtensions = rt.extensions.map((e) => ({
    identifier: e.identifier,
    type: reg.id(e.type),
    additionalSigned: reg.id(e.additionalSigned),
  }));
  const extrinsicTy = reg.id(rt.extrinsicType);
  const runtimeTy = reg.id(rt.runtimeType);
  const outerEnums = {
    call: reg.id(rt.runtimeCall),
    event: reg.id(rt.runtimeEvent),
    error: reg.id(rt.runtimeError),
  };
  const apis = rt.apis.map((api) => ({
    name: `${api.name}`,
    methods: api.methods.map((m) => ({
      name: m.name,
      inputs: m.inputs.map((f, i) => ({ name: f.name ?? `arg${i}`, type: reg.id(f.type) })),
      output: reg.id(m.output),
      docs: [...(m.docs ?? [])],
    })),
    docs: [...(api.docs ?? [])],
  }));
  const extrinsic15 = {
    version: 4,
    address: reg.id(rt.address),
    call: reg.id(rt.runtimeCall),
    signature: reg.id(rt.signature),
    extra: reg.id(rt.extra),
    signedExtensions,
  };
  const lookup = reg.lookup();
  const v14: V14 = {
    lookup,
    pallets: pallets.map((p) => ({ ...p, docs: [] })),
    extrinsic: { type: extrinsicTy, version: 4, signedExtensions },
    type: runtimeTy,
    apis: [],
  };
  const v15 = {
    lookup,
    pallets,
    extrinsic: extrinsic15,
    type: runtimeTy,
    apis,
    outerEnums,
    custom: [],
  } as unknown as V15;
  return {
    v14: metadataCodec.enc({ magicNumber: MAGIC, metadata: { tag: 'v14', value: v14 } }),
    v15: metadataCodec.enc({ magicNumber: MAGIC, metadata: { tag: 'v15', value: v15 } }),
  };
}
