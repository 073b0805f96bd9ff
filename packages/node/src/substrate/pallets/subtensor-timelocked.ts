/**
 * SubtensorModule's timelocked weight commits (commit-reveal v4): the pending queues the chain
 * reveals itself at the beacon round (runtime `weights/timelocked-*.ts`), keyed as subtensor keys
 * them (Twox64Concat mechanism storage index, Twox64Concat commit epoch), and the commit-reveal
 * version every commit must carry.
 */
import { accountToBytes } from '@taonet/primitives';
import { storage } from '@taonet/runtime';
import type { StorageItemDef } from '../pallet.js';
import { T } from '../scale-type.js';
import { AccountId32, Bytes, NetUidStorageIndex } from '../types.js';

/** The version subtensor's clients send (runtime `COMMIT_REVEAL_WEIGHTS_VERSION`). */
const COMMIT_REVEAL_WEIGHTS_VERSION = 4;

export function timelockedWeightItems(): StorageItemDef[] {
  return [
    {
      name: 'TimelockedWeightCommits',
      docs: ['Timelocked weight commits by (mechanism storage index, commit epoch): (who, block, ciphertext, round).'],
      modifier: 'Default',
      keys: [
        { hasher: 'Twox64Concat', type: NetUidStorageIndex },
        { hasher: 'Twox64Concat', type: T.u64 },
      ],
      value: T.vec(T.tuple(AccountId32, T.u64, Bytes, T.u64)),
      fallback: [],
      get: (ctx, [index, epoch]) => {
        const q = ctx.state.get(storage.TimelockedWeightCommits, [Number(index), BigInt(epoch as bigint)]);
        if (q.length === 0) return undefined;
        return q.map((c) => [accountToBytes(c.hotkey), c.commitBlock, c.ciphertext, c.revealRound]);
      },
      keysOf: (ctx) =>
        ctx.state
          .entries(storage.TimelockedWeightCommits)
          .filter(([, q]) => q.length > 0)
          .map(([k]) => {
            const [i, e] = k.split('/');
            return [Number(i), BigInt(e as string)];
          }),
    },
    {
      name: 'CommitRevealWeightsVersion',
      docs: ['The commit-reveal version a timelocked commit must carry.'],
      modifier: 'Default',
      keys: [],
      value: T.u16,
      fallback: COMMIT_REVEAL_WEIGHTS_VERSION,
      get: () => undefined,
    },
  ];
}
