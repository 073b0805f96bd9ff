/**
 * What the Python clients (async-substrate-interface with cyscale, bittensor 11's core) need from
 * the metadata beyond the other clients: every field's type named (scalecodec converts a call
 * argument's typeName while decoding a block), and Substrate's DigestItem declared under its path
 * (every header log of a receipt's block is decoded with it), through System.Digest.
 */
import { decAnyMetadata, type V15 } from '@polkadot-api/substrate-bindings';
import { describe, expect, it } from 'vitest';
import { SubstrateFace } from '../src/substrate/substrate-face.js';
import { typeNameOf } from '../src/substrate/type-registry.js';
import { T } from '../src/substrate/scale-type.js';

const face = new SubstrateFace(250);
const v15 = decAnyMetadata(face.metadata.v15).metadata.value as V15;

describe('metadata for the Python clients', () => {
  it('names the type of every call argument, event field and struct field', () => {
    const unnamed: string[] = [];
    for (const t of v15.lookup) {
      const fieldsOf =
        t.def.tag === 'composite' ? [t.def.value] : t.def.tag === 'variant' ? t.def.value.map((v) => v.fields) : [];
      for (const fs of fieldsOf)
        for (const f of fs) if (f.typeName === undefined) unnamed.push(`${t.path.join('::')}.${f.name ?? '_'}`);
    }
    expect(unnamed).toEqual([]);
    const setWeights = v15.lookup.find((t) => t.path.join('::') === 'pallet_subtensor::pallet::Call')?.def as {
      tag: 'variant';
      value: { name: string; fields: { name?: string; typeName?: string }[] }[];
    };
    const args = setWeights.value.find((v) => v.name === 'set_weights')?.fields;
    expect(args?.map((a) => [a.name, a.typeName])).toEqual([
      ['netuid', 'NetUid'],
      ['dests', 'Vec<u16>'],
      ['weights', 'Vec<u16>'],
      ['version_key', 'u64'],
    ]);
  });

  it('renders Rust-style type names', () => {
    expect(typeNameOf(T.compact(T.u64))).toBe('Compact<u64>');
    expect(typeNameOf(T.tuple(T.u16, T.vec(T.u8)))).toBe('(u16, Vec<u8>)');
    expect(typeNameOf(T.array(32, T.u8))).toBe('[u8; 32]');
  });

  it('declares sp_runtime DigestItem with Substrate indices, reached from System.Digest', () => {
    const item = v15.lookup.find((t) => t.path.join('::') === 'sp_runtime::generic::digest::DigestItem');
    if (item === undefined) throw new Error('no DigestItem type');
    expect(item.def.tag).toBe('variant');
    const variants = (item.def as { value: { name: string; index: number }[] }).value;
    expect(Object.fromEntries(variants.map((v) => [v.name, v.index]))).toEqual({
      Other: 0,
      Consensus: 4,
      Seal: 5,
      PreRuntime: 6,
      RuntimeEnvironmentUpdated: 8,
    });
    const system = v15.pallets.find((p) => p.name === 'System');
    expect(system?.storage?.items.map((i) => i.name)).toContain('Digest');
  });
});
