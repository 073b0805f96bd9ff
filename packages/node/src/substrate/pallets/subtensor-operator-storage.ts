/**
 * SubtensorModule's operator items (child hotkeys, coldkey identities, coldkey swaps) at
 * subtensor's names, hashers and types, read from the runtime's state. ChildKeys and ParentKeys
 * sit with the other per-hotkey items in subtensor-module.ts.
 */
import type { AccountId } from '@taonet/primitives';
import { fromHex } from '@taonet/primitives';
import { storage } from '@taonet/runtime';
import { acct, acctBytes, parts, type StorageContext, type StorageItemDef } from '../pallet.js';
import { T } from '../scale-type.js';
import { AccountId32, H256, NetUid } from '../types.js';
import { ChainIdentityV2 } from './subtensor-types.js';

const utf8 = new TextEncoder();
const link = (l: { proportion: bigint; hotkey: AccountId }) => [l.proportion, acctBytes(l.hotkey)];
const params = (ctx: StorageContext) => ctx.state.value(storage.Params);

/** (hotkey, netuid) state keys → [account bytes, netuid] for key iteration. */
const hotkeyNetuidKeys =
  (item: { name: string }) =>
  (ctx: StorageContext): unknown[][] =>
    ctx.state.entries(item as typeof storage.ChildkeyTake).map(([k]) => {
      const [hk, n] = parts(k);
      return [acctBytes(hk as AccountId), Number(n)];
    });

/** Coldkey-keyed maps (Twox64Concat / Blake2128Concat AccountId) → [account bytes]. */
const accountKeys =
  (item: { name: string }) =>
  (ctx: StorageContext): unknown[][] =>
    ctx.state.entries(item as typeof storage.Identities).map(([k]) => [acctBytes(k as AccountId)]);

const blockNumber = (name: string, doc: string, read: (ctx: StorageContext) => bigint): StorageItemDef => ({
  name,
  docs: [doc],
  modifier: 'Default',
  keys: [],
  value: T.u32,
  fallback: 0,
  get: (ctx) => Number(read(ctx)),
});

export function operatorStorage(): StorageItemDef[] {
  return [
    {
      name: 'PendingChildKeys',
      docs: ['A scheduled children list of a parent on a subnet and the block after which it applies.'],
      modifier: 'Default',
      keys: [
        { hasher: 'Identity', type: NetUid },
        { hasher: 'Blake2128Concat', type: AccountId32 },
      ],
      value: T.tuple(T.vec(T.tuple(T.u64, AccountId32)), T.u64),
      fallback: [[], 0n],
      get: (ctx, [n, hk]) => {
        const p = ctx.state.get(storage.PendingChildKeys, [n as number, acct(hk)]);
        return p === null ? undefined : [p.children.map(link), p.cooldownBlock];
      },
      keysOf: (ctx) =>
        ctx.state.entries(storage.PendingChildKeys).map(([k]) => {
          const [n, hk] = parts(k);
          return [Number(n), acctBytes(hk as AccountId)];
        }),
    },
    {
      name: 'ChildkeyTake',
      docs: ['The share a child hotkey keeps of what its parents earn through it on a subnet (u16 parts).'],
      modifier: 'Default',
      keys: [
        { hasher: 'Blake2128Concat', type: AccountId32 },
        { hasher: 'Identity', type: NetUid },
      ],
      value: T.u16,
      fallback: 0,
      get: (ctx, [hk, n]) => {
        const take = ctx.state.get(storage.ChildkeyTake, [acct(hk), n as number]);
        return take === 0 ? undefined : take;
      },
      keysOf: hotkeyNetuidKeys(storage.ChildkeyTake),
    },
    {
      name: 'MinChildkeyTakePerSubnet',
      docs: ['A subnet’s floor on childkey takes (u16 parts).'],
      modifier: 'Default',
      keys: [{ hasher: 'Identity', type: NetUid }],
      value: T.u16,
      fallback: 0,
      get: (ctx, [n]) => {
        const v = ctx.state.get(storage.MinChildkeyTakePerSubnet, n as number);
        return v === 0 ? undefined : v;
      },
      keysOf: (ctx) => ctx.state.entries(storage.MinChildkeyTakePerSubnet).map(([k]) => [Number(k)]),
    },
    {
      name: 'IdentitiesV2',
      docs: ['On-chain identity of a coldkey.'],
      modifier: 'Optional',
      keys: [{ hasher: 'Blake2128Concat', type: AccountId32 }],
      value: ChainIdentityV2,
      get: (ctx, [ck]) => {
        const id = ctx.state.get(storage.Identities, acct(ck));
        if (id === null) return undefined;
        return {
          name: utf8.encode(id.name),
          url: utf8.encode(id.url),
          github_repo: utf8.encode(id.githubRepo),
          image: utf8.encode(id.image),
          discord: utf8.encode(id.discord),
          description: utf8.encode(id.description),
          additional: utf8.encode(id.additional),
        };
      },
      keysOf: accountKeys(storage.Identities),
    },
    blockNumber(
      'ColdkeySwapAnnouncementDelay',
      'Blocks an announced coldkey swap waits before it may run.',
      (ctx) => params(ctx).coldkeySwapAnnouncementDelay,
    ),
    blockNumber(
      'ColdkeySwapReannouncementDelay',
      'Blocks after an announcement’s delay before it may be announced again or reset.',
      (ctx) => params(ctx).coldkeySwapReannouncementDelay,
    ),
    {
      name: 'ColdkeySwapAnnouncements',
      docs: ['A coldkey’s announced swap: the first block it may run and the hash of the new coldkey.'],
      modifier: 'Optional',
      keys: [{ hasher: 'Twox64Concat', type: AccountId32 }],
      value: T.tuple(T.u32, H256),
      get: (ctx, [ck]) => {
        const a = ctx.state.get(storage.ColdkeySwapAnnouncements, acct(ck));
        return a === null ? undefined : [Number(a.when), fromHex(a.newColdkeyHash)];
      },
      keysOf: accountKeys(storage.ColdkeySwapAnnouncements),
    },
    {
      name: 'ColdkeySwapDisputes',
      docs: ['The block a coldkey’s pending swap was disputed (the coldkey is frozen until a reset).'],
      modifier: 'Optional',
      keys: [{ hasher: 'Twox64Concat', type: AccountId32 }],
      value: T.u32,
      get: (ctx, [ck]) => {
        const d = ctx.state.get(storage.ColdkeySwapDisputes, acct(ck));
        return d === null ? undefined : Number(d);
      },
      keysOf: accountKeys(storage.ColdkeySwapDisputes),
    },
  ];
}
