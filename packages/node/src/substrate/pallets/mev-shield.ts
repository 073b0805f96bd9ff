/**
 * MevShield (30): declared so that clients which look it up find it. Taonet has no encrypted
 * mempool, so no shield key is ever announced: the key items are always None, which 11.x clients
 * read as "submit unshielded". Its calls are absent because Taonet does not implement them
 * (shared/spec/mev-shield.md has the design for when it does).
 */
import type { PalletDef, StorageItemDef } from '../pallet.js';
import { fields, T } from '../scale-type.js';
import { AccountId32, DispatchError, H256 } from '../types.js';

/** ML-KEM-768 public key bytes (BoundedVec<u8, 2048>). */
const ShieldEncKey = T.vec(T.u8);

const none = (name: string, value: typeof ShieldEncKey, docs: string): StorageItemDef => ({
  name,
  docs: [docs],
  modifier: 'Optional',
  keys: [],
  value,
  get: () => undefined,
});

const index = fields({ index: T.u32 });

export function mevShieldPallet(): PalletDef {
  return {
    name: 'MevShield',
    index: 30,
    docs: ['Encrypted transactions (not offered by Taonet: no key is ever announced).'],
    storage: [
      none('CurrentKey', ShieldEncKey, 'The key of the current block author (always None on Taonet).'),
      none('PendingKey', ShieldEncKey, 'The key of the next block author (always None on Taonet).'),
      none('NextKey', ShieldEncKey, 'The key clients encrypt to (always None on Taonet: submit unshielded).'),
      none('PendingKeyExpiresAt', T.u32, 'Block at which PendingKey expires (always None on Taonet).'),
      none('NextKeyExpiresAt', T.u32, 'Block at which NextKey expires (always None on Taonet).'),
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
