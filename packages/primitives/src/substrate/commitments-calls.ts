/**
 * Commitments (18): what a hotkey publishes per subnet (an endpoint, a model id, a hash), as
 * subtensor's `Data` items — `Raw<n>` for n ≤ 128 bytes at index n + 1, the four 32-byte hashes,
 * TimelockEncrypted (a tlock ciphertext the chain reveals at its beacon round), ResetBondsFlag,
 * BigRaw — and the admin's space limit.
 */
import { CallTranslationError, type FromRuntime, type PalletCalls } from './call-def.js';
import { hashBytes, hashHex, num } from './call-values.js';
import { fields, type ScaleType, T, type VariantDef } from './scale-type.js';
import { NetUid } from './types.js';

const HASHES = [
  ['BlakeTwo256', 'blakeTwo256', 130],
  ['Sha256', 'sha256', 131],
  ['Keccak256', 'keccak256', 132],
  ['ShaThree256', 'shaThree256', 133],
] as const;

export const CommitmentData: ScaleType = T.variant('pallet_commitments::types::Data', () => {
  const vs: VariantDef[] = [{ name: 'None', index: 0, fields: [] }];
  for (let n = 0; n <= 128; n++) vs.push({ name: `Raw${n}`, index: n + 1, fields: [{ type: T.array(n, T.u8) }] });
  for (const [name, , index] of HASHES) vs.push({ name, index, fields: [{ type: T.array(32, T.u8) }] });
  vs.push({
    name: 'TimelockEncrypted',
    index: 134,
    fields: fields({ encrypted: T.vec(T.u8), reveal_round: T.u64 }),
  });
  vs.push({ name: 'ResetBondsFlag', index: 135, fields: [] });
  vs.push({ name: 'BigRaw', index: 136, fields: [{ type: T.vec(T.u8) }] });
  return vs;
});

/**
 * `BoundedVec<Data, MaxFields>` as subtensor's metadata has it: a composite around the Vec (same
 * bytes). Clients build values from that shape: the Python SDK sends `{"fields": [[…]]}`.
 */
const BoundedFields = T.composite(
  'bounded_collections::bounded_vec::BoundedVec',
  [{ type: T.vec(CommitmentData), typeName: 'Vec<T>' }],
  [
    { name: 'T', type: CommitmentData },
    { name: 'S', type: null },
  ],
);

export const CommitmentInfo = T.composite('pallet_commitments::types::CommitmentInfo', [
  { name: 'fields', type: BoundedFields, typeName: 'BoundedVec<Data, FieldLimit>' },
]);

type Field = { kind: string; data?: string; revealRound?: bigint };

function fieldToRuntime(v: unknown): Field {
  const o = v as { tag: string; value?: unknown };
  if (o.tag === 'None') return { kind: 'none' };
  if (o.tag === 'ResetBondsFlag') return { kind: 'resetBondsFlag' };
  if (o.tag.startsWith('Raw')) return { kind: 'raw', data: hashHex(o.value) };
  if (o.tag === 'BigRaw') return { kind: 'bigRaw', data: hashHex(o.value) };
  const h = HASHES.find(([name]) => name === o.tag);
  if (h !== undefined) return { kind: h[1], data: hashHex(o.value) };
  if (o.tag === 'TimelockEncrypted') {
    const x = o.value as { encrypted: unknown; reveal_round: unknown };
    return { kind: 'timelockEncrypted', data: hashHex(x.encrypted), revealRound: BigInt(x.reveal_round as bigint) };
  }
  throw new CallTranslationError(`unknown commitment field '${o.tag}'`, 'use one of the Data variants');
}

/** A runtime commitment field as the SCALE `Data` value (also how the node serves CommitmentOf). */
export function commitmentFieldToScale(f: Field): { tag: string; value?: unknown } {
  if (f.kind === 'none') return { tag: 'None' };
  if (f.kind === 'resetBondsFlag') return { tag: 'ResetBondsFlag' };
  const bytes = hashBytes(f.data ?? '0x');
  if (f.kind === 'raw') return { tag: `Raw${bytes.length}`, value: bytes };
  if (f.kind === 'bigRaw') return { tag: 'BigRaw', value: bytes };
  if (f.kind === 'timelockEncrypted')
    return { tag: 'TimelockEncrypted', value: { encrypted: bytes, reveal_round: f.revealRound ?? 0n } };
  const h = HASHES.find(([, kind]) => kind === f.kind);
  return { tag: h?.[0] ?? 'None', value: bytes };
}

export const COMMITMENTS_CALLS: PalletCalls = {
  pallet: 'Commitments',
  index: 18,
  calls: [
    {
      index: 0,
      name: 'set_commitment',
      args: [
        { name: 'netuid', type: NetUid },
        { name: 'info', type: CommitmentInfo, typeName: 'Box<CommitmentInfo<T::MaxFields>>' },
      ],
      docs: ['Publish this hotkey’s commitment on a subnet (up to 3 fields).'],
      toRuntime: (x) => ({
        method: 'set_commitment',
        args: { netuid: num(x.netuid), fields: ((x.info as { fields: unknown[] }).fields ?? []).map(fieldToRuntime) },
      }),
    },
    {
      index: 2,
      name: 'set_max_space',
      args: [{ name: 'new_limit', type: T.u32 }],
      docs: ['The bytes a hotkey may commit per subnet per epoch (admin only).'],
      toRuntime: (x) => ({ method: 'set_max_space', args: { newLimit: num(x.new_limit) } }),
    },
  ],
};

export const COMMITMENTS_FROM_RUNTIME: Readonly<Record<string, FromRuntime>> = {
  set_commitment: (x) => ({
    pallet: 'Commitments',
    call: 'set_commitment',
    args: { netuid: x.netuid, info: { fields: (x.fields as Field[]).map(commitmentFieldToScale) } },
  }),
  set_max_space: (x) => ({ pallet: 'Commitments', call: 'set_max_space', args: { new_limit: x.newLimit } }),
};
