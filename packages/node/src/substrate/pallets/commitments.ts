/**
 * pallet_commitments (18): the per-subnet commitments neurons publish, read from the runtime's
 * commitments state at subtensor's names, hashers and types (the Python SDK's get_commitment and
 * the lean SDK's metagraph read CommitmentOf; btcli reads LastBondsReset; RevealedCommitments
 * holds the plaintexts of timelocked fields the chain revealed).
 */
import { type AccountId, fromHex as hexBytes } from '@taonet/primitives';
import {
  COMMITMENTS_CALLS,
  CommitmentData,
  CommitmentInfo,
  commitmentFieldToScale,
} from '@taonet/primitives/substrate';
import { storage } from '@taonet/runtime';
import { acct, acctBytes, type PalletDef, parts, type StorageContext, type StorageItemDef } from '../pallet.js';
import { fields, T } from '../scale-type.js';
import { AccountId32, Bytes, NetUid } from '../types.js';

/** One Data and CommitmentInfo type for the calls and the storage (primitives' commitments-calls.ts). */
export { CommitmentData, CommitmentInfo };

export const Registration = T.composite(
  'pallet_commitments::types::Registration',
  fields({ deposit: T.u64, block: T.u32, info: CommitmentInfo }),
);

export const UsageTracker = T.composite(
  'pallet_commitments::types::UsageTracker',
  fields({ last_epoch: T.u64, used_space: T.u64 }),
);

const netuidAccount = [
  { hasher: 'Identity' as const, type: NetUid },
  { hasher: 'Twox64Concat' as const, type: AccountId32 },
];

/** (netuid, hotkey) state keys → [netuid, account bytes], for key iteration (a netuid prefix too). */
const netuidAccountKeys =
  (item: { name: string }) =>
  (ctx: StorageContext): unknown[][] =>
    ctx.state.entries(item as typeof storage.LastCommitment).map(([k]) => {
      const [n, hk] = parts(k);
      return [Number(n), acctBytes(hk as AccountId)];
    });

/** A (netuid, hotkey) → block item, absent while the hotkey never did it. */
function blockOf(name: string, doc: string, item: typeof storage.LastCommitment): StorageItemDef {
  return {
    name,
    docs: [doc],
    modifier: 'Optional',
    keys: netuidAccount,
    value: T.u32,
    get: (ctx, [n, hk]) => {
      const b = ctx.state.get(item, [n as number, acct(hk)]);
      return b === 0n ? undefined : Number(b);
    },
    keysOf: netuidAccountKeys(item),
  };
}

export function commitmentsPallet(): PalletDef {
  return {
    name: 'Commitments',
    index: 18,
    docs: ['Commitments published by neurons (endpoints, model ids, hashes), per subnet and hotkey.'],
    calls: COMMITMENTS_CALLS.calls,
    storage: [
      {
        name: 'CommitmentOf',
        docs: ['The commitment of a hotkey on a subnet: its deposit, block and fields.'],
        modifier: 'Optional',
        keys: netuidAccount,
        value: Registration,
        get: (ctx, [n, hk]) => {
          const c = ctx.state.get(storage.CommitmentOf, [n as number, acct(hk)]);
          if (c === null) return undefined;
          return { deposit: c.deposit, block: Number(c.block), info: { fields: c.fields.map(commitmentFieldToScale) } };
        },
        keysOf: netuidAccountKeys(storage.CommitmentOf),
      },
      blockOf('LastCommitment', 'Block of a hotkey’s last commitment on a subnet.', storage.LastCommitment),
      blockOf(
        'LastBondsReset',
        'Block of a hotkey’s last commitment that carried the bonds-reset flag.',
        storage.LastBondsReset,
      ),
      {
        name: 'UsedSpaceOf',
        docs: ['Bytes a hotkey has committed on a subnet in the current epoch (and that epoch).'],
        modifier: 'Optional',
        keys: netuidAccount,
        value: UsageTracker,
        get: (ctx, [n, hk]) => {
          const u = ctx.state.get(storage.UsedSpaceOf, [n as number, acct(hk)]);
          return u === null ? undefined : { last_epoch: u.lastEpoch, used_space: u.usedSpace };
        },
        keysOf: netuidAccountKeys(storage.UsedSpaceOf),
      },
      {
        name: 'MaxSpace',
        docs: ['Bytes a hotkey may commit per subnet per epoch.'],
        modifier: 'Default',
        keys: [],
        value: T.u32,
        fallback: 3100,
        get: (ctx) => ctx.state.value(storage.MaxSpace),
      },
      {
        name: 'RevealedCommitments',
        docs: ['Plaintexts of a hotkey’s revealed timelocked fields with their reveal blocks, oldest first.'],
        modifier: 'Optional',
        keys: netuidAccount,
        value: T.vec(T.tuple(Bytes, T.u64)),
        get: (ctx, [n, hk]) => {
          const list = ctx.state.get(storage.RevealedCommitments, [n as number, acct(hk)]);
          return list.length === 0 ? undefined : list.map((r) => [hexBytes(r.data), r.block]);
        },
        keysOf: netuidAccountKeys(storage.RevealedCommitments),
      },
    ],
    events: [
      { name: 'Commitment', index: 0, fields: fields({ netuid: NetUid, who: AccountId32 }) },
      {
        name: 'TimelockCommitment',
        index: 1,
        fields: fields({ netuid: NetUid, who: AccountId32, reveal_round: T.u64 }),
      },
      { name: 'CommitmentRevealed', index: 2, fields: fields({ netuid: NetUid, who: AccountId32 }) },
    ],
  };
}
