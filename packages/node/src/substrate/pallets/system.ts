/** frame_system (pallet 0): accounts, block number and hashes, the runtime version constant. */
import { storage } from '@taonet/runtime';
import { type PalletDef, acct, acctBytes } from '../pallet.js';
import type { RuntimeVersion } from '../runtime-version.js';
import { RuntimeVersionType } from '../runtime-version.js';
import { type ErrorIndex, eventRecords } from '../event-records.js';
import type { DigestItem as PrimitiveDigestItem } from '@taonet/primitives/substrate';
import { fields, type ScaleType, T, unnamed } from '../scale-type.js';
import { AccountId32, DispatchError, DispatchInfo, H256 } from '../types.js';

/** subtensor's balances are u64 (rao). */
export const AccountData = T.composite(
  'pallet_balances::types::AccountData',
  fields({
    free: T.u64,
    reserved: T.u64,
    frozen: T.u64,
    flags: T.composite('pallet_balances::types::ExtraFlags', [{ type: T.u128 }]),
  }),
  [{ name: 'Balance', type: T.u64 }],
);

export const AccountInfo = T.composite(
  'frame_system::AccountInfo',
  fields({ nonce: T.u32, consumers: T.u32, providers: T.u32, sufficients: T.u32, data: AccountData }),
  [
    { name: 'Nonce', type: T.u32 },
    { name: 'AccountData', type: AccountData },
  ],
);

const EngineId = T.array(4, T.u8);

/** Substrate's digest item; clients decode every log of a block header with it (by this path). */
export const DigestItem = T.variant('sp_runtime::generic::digest::DigestItem', [
  { name: 'PreRuntime', index: 6, fields: unnamed(EngineId, T.vec(T.u8)) },
  { name: 'Consensus', index: 4, fields: unnamed(EngineId, T.vec(T.u8)) },
  { name: 'Seal', index: 5, fields: unnamed(EngineId, T.vec(T.u8)) },
  { name: 'Other', index: 0, fields: unnamed(T.vec(T.u8)) },
  { name: 'RuntimeEnvironmentUpdated', index: 8, fields: [] },
]);

const Digest = T.composite('sp_runtime::generic::digest::Digest', fields({ logs: T.vec(DigestItem) }));

const digestValue = (d: PrimitiveDigestItem): { tag: string; value: unknown } => {
  switch (d.type) {
    case 'RuntimeEnvironmentUpdated':
      return { tag: d.type, value: undefined };
    case 'Other':
      return { tag: d.type, value: d.data };
    default:
      return { tag: d.type, value: [new TextEncoder().encode(d.engine), d.data] };
  }
};

/** Set on every account by Substrate's current balances logic ("new logic" flag). */
const NEW_LOGIC_FLAG = 1n << 127n;

export function systemPallet(
  version: RuntimeVersion,
  blockHashCount: number,
  eventRecord: ScaleType,
  errors: ErrorIndex,
): PalletDef {
  return {
    name: 'System',
    index: 0,
    docs: ['Accounts, nonces, block numbers and hashes.'],
    storage: [
      {
        name: 'Account',
        docs: ['Nonce and balances of an account.'],
        modifier: 'Default',
        keys: [{ hasher: 'Blake2128Concat', type: AccountId32 }],
        value: AccountInfo,
        fallback: {
          nonce: 0,
          consumers: 0,
          providers: 0,
          sufficients: 0,
          data: { free: 0n, reserved: 0n, frozen: 0n, flags: 0n },
        },
        get: (ctx, [who]) => {
          const a = ctx.state.get(storage.Accounts, acct(who));
          const reserved = ctx.state.get(storage.Reserved, acct(who));
          if (a === null && reserved === 0n) return undefined;
          return {
            nonce: Number(a?.nonce ?? 0n),
            consumers: 0,
            providers: 1,
            sufficients: 0,
            data: { free: a?.free ?? 0n, reserved, frozen: 0n, flags: NEW_LOGIC_FLAG },
          };
        },
        keysOf: (ctx) => ctx.state.entries(storage.Accounts).map(([k]) => [acctBytes(k as never)]),
      },
      {
        name: 'Number',
        docs: ['The current block number.'],
        modifier: 'Default',
        keys: [],
        value: T.u32,
        fallback: 0,
        get: (ctx) => (ctx.number === 0n ? undefined : Number(ctx.number)),
      },
      {
        name: 'Digest',
        docs: ['The digest of the block so far: its pre-runtime logs (the seal is added after).'],
        modifier: 'Default',
        keys: [],
        value: Digest,
        fallback: { logs: [] },
        get: (ctx) => {
          const logs = ctx.blockDigest(ctx.number);
          return logs.length === 0 ? undefined : { logs: logs.map(digestValue) };
        },
      },
      {
        name: 'Events',
        docs: ['The events of this block, each with its phase (System.Events is per block, like Substrate’s).'],
        modifier: 'Default',
        keys: [],
        value: T.vec(eventRecord),
        fallback: [],
        get: (ctx) => {
          const b = ctx.number === 0n ? null : ctx.blockEvents(ctx.number);
          if (b === null) return undefined;
          const records = eventRecords(b, errors);
          return records.length === 0 ? undefined : records;
        },
      },
      {
        name: 'BlockHash',
        docs: ['Hashes of the last BlockHashCount blocks (and of the genesis block).'],
        modifier: 'Default',
        keys: [{ hasher: 'Twox64Concat', type: T.u32 }],
        value: H256,
        fallback: new Uint8Array(32),
        get: (ctx, [n]) => {
          const num = BigInt(n as number);
          if (num > ctx.number || (num !== 0n && num + BigInt(blockHashCount) <= ctx.number)) return undefined;
          return ctx.blockHash(num) ?? undefined;
        },
        keysOf: (ctx) => {
          const out: unknown[][] = [[0]];
          const from = ctx.number >= BigInt(blockHashCount) ? ctx.number - BigInt(blockHashCount) + 1n : 1n;
          for (let n = from; n <= ctx.number; n++) out.push([Number(n)]);
          return out;
        },
      },
    ],
    events: [
      { name: 'ExtrinsicSuccess', index: 0, fields: fields({ dispatch_info: DispatchInfo }) },
      {
        name: 'ExtrinsicFailed',
        index: 1,
        fields: fields({ dispatch_error: DispatchError, dispatch_info: DispatchInfo }),
      },
      { name: 'CodeUpdated', index: 2, fields: [] },
      { name: 'NewAccount', index: 3, fields: fields({ account: AccountId32 }) },
      { name: 'KilledAccount', index: 4, fields: fields({ account: AccountId32 }) },
    ],
    errors: [
      'InvalidSpecName',
      'SpecVersionNeedsToIncrease',
      'FailedToExtractRuntimeVersion',
      'NonDefaultComposite',
      'NonZeroRefCount',
      'CallFiltered',
    ].map((name, index) => ({
      name,
      index,
      fields: [],
      docs: [`${name}: a runtime upgrade or account-lifecycle error.`],
    })),
    constants: [
      { name: 'BlockHashCount', type: T.u32, value: blockHashCount, docs: ['Block hashes kept in BlockHash.'] },
      { name: 'Version', type: RuntimeVersionType, value: version.scale, docs: ['The runtime version.'] },
      { name: 'SS58Prefix', type: T.u16, value: 42, docs: ['The SS58 address prefix (42, generic Substrate).'] },
    ],
  };
}
