/**
 * Moving everything keyed by a hotkey on one subnet to another hotkey: uid and key, axon, weight
 * commits, childkey take and its clocks, children and parents (and pending children lists), subnet
 * owner hotkey, the stake pool with every nominator's position, and on root the claim rates and
 * claimed amounts. Positions move exactly: when the new hotkey has no pool on the subnet its pool
 * is the old one renamed; otherwise each position moves by value and any rounding dust left in the
 * old pool goes to the new pool, so no alpha is created or lost.
 */
import type { AccountId } from '@taonet/primitives';
import {
  type ChildKeyLink,
  ChildKeys,
  ChildkeyTake,
  LastChildkeyTakeBlock,
  LastSetChildrenBlock,
  ParentKeys,
  PendingChildKeys,
} from '../children/storage.js';
import { fail } from '../errors.js';
import { Axons, Keys, Uids } from '../neurons/storage.js';
import { RootClaimable, RootClaimed } from '../root/storage.js';
import type { State } from '../state/state.js';
import type { StorageMap } from '../state/storage.js';
import { type SharePool, shareValue, updateValueForAll, updateValueForOne } from '../staking/share-pool.js';
import { StakeShares, StakingHotkeys, TotalHotkeyAlpha, TotalHotkeyShares } from '../staking/storage.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import { Netuids, SubnetOwnerHotkey } from '../subnets/storage.js';
import { WeightCommits } from '../weights/storage.js';

function moveEntry<K, V>(s: State, item: StorageMap<K, V>, from: K, to: K): void {
  if (!s.has(item, from)) return;
  const v = s.get(item, from);
  s.remove(item, from);
  s.set(item, to, v);
}

const relink = (list: readonly ChildKeyLink[], from: AccountId, to: AccountId): ChildKeyLink[] =>
  list.map((l) => (l.hotkey === from ? { ...l, hotkey: to } : l));

function moveChildren(s: State, from: AccountId, to: AccountId, netuid: number): void {
  const children = s.get(ChildKeys, [from, netuid]);
  const parents = s.get(ParentKeys, [from, netuid]);
  if (children.some((c) => c.hotkey === to) || parents.some((p) => p.hotkey === to))
    fail('InvalidChild', 'the new hotkey is a child or parent of the old one on this subnet; revoke that link first');
  for (const c of children) s.update(ParentKeys, [c.hotkey, netuid], (l) => relink(l, from, to));
  for (const p of parents) s.update(ChildKeys, [p.hotkey, netuid], (l) => relink(l, from, to));
  moveEntry(s, ChildKeys, [from, netuid], [to, netuid]);
  moveEntry(s, ParentKeys, [from, netuid], [to, netuid]);
  moveEntry(s, PendingChildKeys, [netuid, from], [netuid, to]);
  for (const [key, pending] of s.entriesWithPrefix(PendingChildKeys, `${netuid}/`)) {
    if (pending === null || !pending.children.some((c) => c.hotkey === from)) continue;
    const parent = key.slice(`${netuid}/`.length) as AccountId;
    s.set(PendingChildKeys, [netuid, parent], { ...pending, children: relink(pending.children, from, to) });
  }
  moveEntry(s, ChildkeyTake, [from, netuid], [to, netuid]);
  moveEntry(s, LastChildkeyTakeBlock, [from, netuid], [to, netuid]);
  moveEntry(s, LastSetChildrenBlock, [from, netuid], [to, netuid]);
}

/** Coldkeys holding shares in `hotkey`'s pool on `netuid`. */
export function holdersOf(s: State, hotkey: AccountId, netuid: number): AccountId[] {
  const prefix = `${hotkey}/`;
  const suffix = `/${netuid}`;
  return s
    .entriesWithPrefix(StakeShares, prefix)
    .filter(([k]) => k.endsWith(suffix))
    .map(([k]) => k.slice(prefix.length, k.length - suffix.length) as AccountId);
}

function moveStake(s: State, from: AccountId, to: AccountId, netuid: number): AccountId[] {
  const holders = holdersOf(s, from, netuid);
  const targetEmpty = s.get(TotalHotkeyAlpha, [to, netuid]) === 0n && holdersOf(s, to, netuid).length === 0;
  if (targetEmpty) {
    moveEntry(s, TotalHotkeyAlpha, [from, netuid], [to, netuid]);
    moveEntry(s, TotalHotkeyShares, [from, netuid], [to, netuid]);
    for (const c of holders) moveEntry(s, StakeShares, [from, c, netuid], [to, c, netuid]);
  } else {
    let old: SharePool = {
      sharedValue: s.get(TotalHotkeyAlpha, [from, netuid]),
      denominator: s.get(TotalHotkeyShares, [from, netuid]),
      shares: new Map(holders.map((c) => [c as string, s.get(StakeShares, [from, c, netuid])])),
    };
    let next: SharePool = {
      sharedValue: s.get(TotalHotkeyAlpha, [to, netuid]),
      denominator: s.get(TotalHotkeyShares, [to, netuid]),
      shares: new Map(holdersOf(s, to, netuid).map((c) => [c as string, s.get(StakeShares, [to, c, netuid])])),
    };
    for (const c of holders) {
      const v = shareValue(old, c);
      old = updateValueForOne(old, c, -v);
      next = updateValueForOne(next, c, v);
    }
    next = updateValueForAll(next, old.sharedValue);
    s.remove(TotalHotkeyAlpha, [from, netuid]);
    s.remove(TotalHotkeyShares, [from, netuid]);
    for (const c of holders) s.remove(StakeShares, [from, c, netuid]);
    s.set(TotalHotkeyAlpha, [to, netuid], next.sharedValue);
    s.set(TotalHotkeyShares, [to, netuid], next.denominator);
    for (const [c, share] of next.shares) s.set(StakeShares, [to, c as AccountId, netuid], share);
  }
  return holders;
}

function moveRootClaims(s: State, from: AccountId, to: AccountId): void {
  for (const n of s.value(Netuids)) {
    const rate = s.get(RootClaimable, [from, n]);
    if (rate !== 0n) {
      s.remove(RootClaimable, [from, n]);
      s.update(RootClaimable, [to, n], (r) => r + rate);
    }
    const prefix = `${n}/${from}/`;
    for (const [key, claimed] of s.entriesWithPrefix(RootClaimed, prefix)) {
      const coldkey = key.slice(prefix.length) as AccountId;
      s.remove(RootClaimed, [n, from, coldkey]);
      s.update(RootClaimed, [n, to, coldkey], (c) => c + claimed);
    }
  }
}

/** Moves `from`'s presence on `netuid` to `to`; returns the coldkeys whose stake moved. */
export function moveHotkeyOnSubnet(s: State, from: AccountId, to: AccountId, netuid: number): AccountId[] {
  const uid = s.get(Uids, [netuid, from]);
  if (uid !== null) {
    s.remove(Uids, [netuid, from]);
    s.set(Uids, [netuid, to], uid);
    s.update(Keys, netuid, (keys) => keys.map((k, i) => (i === uid ? to : k)));
    moveEntry(s, Axons, [netuid, from], [netuid, to]);
    moveEntry(s, WeightCommits, [netuid, from], [netuid, to]);
  }
  moveChildren(s, from, to, netuid);
  if (s.get(SubnetOwnerHotkey, netuid) === from) s.set(SubnetOwnerHotkey, netuid, to);
  const holders = moveStake(s, from, to, netuid);
  for (const c of holders) {
    const list = s.get(StakingHotkeys, c);
    if (list.includes(from) && !list.includes(to)) s.set(StakingHotkeys, c, [...list, to]);
  }
  if (netuid === ROOT_NETUID) moveRootClaims(s, from, to);
  return holders;
}
