/** pallet_aura (3): only its slot duration, which clients read to know the block time. */
import type { PalletDef } from '../pallet.js';
import { T } from '../scale-type.js';

export function auraPallet(blockTimeMs: number): PalletDef {
  return {
    name: 'Aura',
    index: 3,
    constants: [
      {
        name: 'SlotDuration',
        type: T.u64,
        value: BigInt(blockTimeMs),
        docs: ['Milliseconds per slot (one block per slot).'],
      },
    ],
  };
}
