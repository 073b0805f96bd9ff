/** pallet_timestamp (2): the block's time, which Taonet keeps in its header (slot × block time). */
import { storage } from '@taonet/runtime';
import type { PalletDef } from '../pallet.js';
import { T } from '../scale-type.js';

export function timestampPallet(blockTimeMs: number): PalletDef {
  return {
    name: 'Timestamp',
    index: 2,
    docs: ['The time of the current block.'],
    storage: [
      {
        name: 'Now',
        docs: ['Milliseconds since the Unix epoch at this block.'],
        modifier: 'Default',
        keys: [],
        value: T.u64,
        fallback: 0n,
        get: (ctx) => {
          const t = ctx.state.value(storage.Timestamp);
          return t === 0n ? undefined : t;
        },
      },
    ],
    constants: [
      {
        name: 'MinimumPeriod',
        type: T.u64,
        value: BigInt(Math.floor(blockTimeMs / 2)),
        docs: ['Half the slot duration, as Aura derives it.'],
      },
    ],
  };
}
