/**
 * pallet_commitments (18): the per-subnet commitments neurons publish. Taonet has no commitments,
 * but the lean SDK's metagraph and identity reads query these two maps by name and abort when they
 * are missing from the metadata; they are declared with subtensor's types and are never present.
 */
import { COMMITMENTS_CALLS } from '@taonet/primitives/substrate';
import type { PalletDef } from '../pallet.js';
import { fields, T, unnamed, type VariantDef } from '../scale-type.js';
import { AccountId32, Bytes, NetUid } from '../types.js';

const hash32 = unnamed(T.array(32, T.u8));

/** subtensor's Data: None, Raw0…Raw128 (the length is in the index), hashes, timelocked, flags, BigRaw. */
export const CommitmentData = T.variant('pallet_commitments::types::Data', () => {
  const vs: VariantDef[] = [{ name: 'None', index: 0, fields: [] }];
  for (let n = 0; n <= 128; n++) vs.push({ name: `Raw${n}`, index: n + 1, fields: unnamed(T.array(n, T.u8)) });
  vs.push(
    { name: 'BlakeTwo256', index: 130, fields: hash32 },
    { name: 'Sha256', index: 131, fields: hash32 },
    { name: 'Keccak256', index: 132, fields: hash32 },
    { name: 'ShaThree256', index: 133, fields: hash32 },
    { name: 'TimelockEncrypted', index: 134, fields: fields({ encrypted: Bytes, reveal_round: T.u64 }) },
    { name: 'ResetBondsFlag', index: 135, fields: [] },
    { name: 'BigRaw', index: 136, fields: unnamed(Bytes) },
  );
  return vs;
});

export const CommitmentInfo = T.composite(
  'pallet_commitments::types::CommitmentInfo',
  fields({ fields: T.vec(CommitmentData) }),
);

export const Registration = T.composite(
  'pallet_commitments::types::Registration',
  fields({ deposit: T.u64, block: T.u32, info: CommitmentInfo }),
);

const netuidAccount = [
  { hasher: 'Identity' as const, type: NetUid },
  { hasher: 'Twox64Concat' as const, type: AccountId32 },
];

export function commitmentsPallet(): PalletDef {
  return {
    name: 'Commitments',
    index: 18,
    docs: ['Commitments published by neurons (endpoints, model ids, hashes), per subnet and hotkey.'],
    calls: COMMITMENTS_CALLS.calls,
    storage: [
      {
        name: 'CommitmentOf',
        docs: ['The commitment of an account on a subnet (never present in Taonet).'],
        modifier: 'Optional',
        keys: netuidAccount,
        value: Registration,
        get: () => undefined,
        keysOf: () => [],
      },
      {
        name: 'RevealedCommitments',
        docs: ['Revealed timelocked commitments and their reveal blocks (never present in Taonet).'],
        modifier: 'Optional',
        keys: netuidAccount,
        value: T.vec(T.tuple(Bytes, T.u64)),
        get: () => undefined,
        keysOf: () => [],
      },
    ],
  };
}
