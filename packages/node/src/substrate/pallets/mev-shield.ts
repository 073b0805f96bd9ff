/**
 * MevShield (30): encrypted transactions (shared/spec/mev-shield.md). Every block's bare
 * `announce_next_key` inherent rotates the keys; clients encrypt to `NextKey` and send
 * `submit_encrypted`, which the block author opens and runs right after the carrier. The keys
 * come from the runtime's state; the calls from primitives' shield-calls.ts. The items subtensor
 * keeps for its retired stored-extrinsic path are declared with their defaults.
 */
import { type AccountId, accountToBytes } from '@taonet/primitives';
import { SHIELD_CALLS } from '@taonet/primitives/substrate';
import { storage } from '@taonet/runtime';
import { acct, type PalletDef, type StorageItemDef } from '../pallet.js';
import { fields, T } from '../scale-type.js';
import { AccountId32, DispatchError, H256 } from '../types.js';

/** ML-KEM-768 public key bytes (BoundedVec<u8, 2048>). */
const ShieldEncKey = T.vec(T.u8);

type Keys = ReturnType<typeof keysOf>;
const keysOf = (ctx: Parameters<StorageItemDef['get']>[0]) => ctx.state.value(storage.ShieldKeyState);

const key = (name: string, value: typeof ShieldEncKey, docs: string, read: (k: Keys) => unknown): StorageItemDef => ({
  name,
  docs: [docs],
  modifier: 'Optional',
  keys: [],
  value,
  get: (ctx) => read(keysOf(ctx)),
});

const constant = (name: string, type: typeof ShieldEncKey, fallback: unknown, docs: string): StorageItemDef => ({
  name,
  docs: [docs],
  modifier: 'Default',
  keys: [],
  value: type,
  fallback,
  get: () => undefined,
});

const index = fields({ index: T.u32 });

export function mevShieldPallet(): PalletDef {
  return {
    name: 'MevShield',
    index: 30,
    docs: ['Encrypted transactions: carriers the block author opens and runs right after themselves.'],
    calls: SHIELD_CALLS.calls,
    storage: [
      key('CurrentKey', ShieldEncKey, 'The key of the current block author.', (k) => k.currentKey),
      key('PendingKey', ShieldEncKey, 'The key of the next block author.', (k) => k.pendingKey),
      key('NextKey', ShieldEncKey, 'The key clients encrypt to (the author two slots ahead).', (k) => k.nextKey),
      {
        name: 'AuthorKeys',
        docs: ['Each Aura authority’s last announced key.'],
        modifier: 'Optional',
        keys: [{ hasher: 'Twox64Concat', type: AccountId32 }],
        value: ShieldEncKey,
        get: (ctx, [who]) => ctx.state.get(storage.ShieldAuthorKeys, acct(who)) ?? undefined,
        keysOf: (ctx) => ctx.state.entries(storage.ShieldAuthorKeys).map(([k]) => [accountToBytes(k as AccountId)]),
      },
      key(
        'PendingKeyExpiresAt',
        T.u32,
        'Block before which PendingKey is meant to be used.',
        (k) => k.pendingKeyExpiresAt,
      ),
      key('NextKeyExpiresAt', T.u32, 'Block before which NextKey is meant to be used.', (k) => k.nextKeyExpiresAt),
      constant('MaxPendingExtrinsicsLimit', T.u32, 100, 'Retired stored-extrinsic path: its limit (unused).'),
      constant('ExtrinsicLifetime', T.u32, 10, 'Retired stored-extrinsic path: lifetime in blocks (unused).'),
      constant('OnInitializeWeight', T.u64, 500_000_000_000n, 'Retired stored-extrinsic path (unused).'),
      constant('MaxExtrinsicWeight', T.u64, 50_000_000_000n, 'Retired stored-extrinsic path (unused).'),
      constant('NextPendingExtrinsicIndex', T.u32, 0, 'Retired stored-extrinsic path (unused).'),
    ],
    events: [
      { name: 'EncryptedSubmitted', index: 0, fields: fields({ id: H256, who: AccountId32 }) },
      { name: 'ExtrinsicStored', index: 1, fields: fields({ index: T.u32, who: AccountId32 }) },
      { name: 'ExtrinsicDecodeFailed', index: 2, fields: index },
      { name: 'ExtrinsicDispatchFailed', index: 3, fields: fields({ index: T.u32, error: DispatchError }) },
      { name: 'ExtrinsicDispatched', index: 4, fields: index },
      { name: 'ExtrinsicExpired', index: 5, fields: index },
      { name: 'ExtrinsicPostponed', index: 6, fields: index },
      { name: 'MaxPendingExtrinsicsNumberSet', index: 7, fields: fields({ value: T.u32 }) },
      { name: 'OnInitializeWeightSet', index: 8, fields: fields({ value: T.u64 }) },
      { name: 'ExtrinsicLifetimeSet', index: 9, fields: fields({ value: T.u32 }) },
      { name: 'MaxExtrinsicWeightSet', index: 10, fields: fields({ value: T.u64 }) },
      { name: 'ExtrinsicWeightExceeded', index: 11, fields: index },
    ],
    errors: [
      ['BadEncKeyLen', 'the announced key does not have the ML-KEM-768 length'],
      ['Unreachable', 'an internal invariant failed'],
      ['TooManyPendingExtrinsics', 'too many encrypted extrinsics are waiting'],
      ['WeightExceedsAbsoluteMax', 'the weight is above the absolute maximum'],
    ].map(([name, doc], i) => ({ name: name as string, index: i, fields: [], docs: [doc as string] })),
    constants: [],
  };
}
