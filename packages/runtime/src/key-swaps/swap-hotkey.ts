/**
 * swap_hotkey: a coldkey moves everything its hotkey has to a new hotkey, on every subnet (cost
 * keySwapCost) or on one (keySwapOnSubnetCost), as the reference does. Rate limits: one swap per
 * txRateLimit blocks per coldkey, and hotkeySwapOnSubnetInterval blocks per subnet touched.
 */
import type { AccountId } from '@taonet/primitives';
import { ChildKeys } from '../children/storage.js';
import { ensure, fail } from '../errors.js';
import { OwnedHotkeys, Owner, Uids } from '../neurons/storage.js';
import { RootClaimable, RootClaimed } from '../root/storage.js';
import type { State } from '../state/state.js';
import { DelegateTake, LastTakeChange, StakingHotkeys, TotalHotkeyAlpha } from '../staking/storage.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import { Netuids } from '../subnets/storage.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { moveHotkeyOnSubnet } from './move-hotkey-state.js';
import { chargeSwapCost } from './swap-cost.js';
import { LastHotkeySwapOnNetuid, LastTxBlock } from './storage.js';

export interface SwapHotkeyArgs {
  readonly hotkey: AccountId;
  readonly newHotkey: AccountId;
  /** One subnet, or null for every subnet. */
  readonly netuid: number | null;
}

const registeredOn = (s: State, hotkey: AccountId, netuid: number): boolean => s.get(Uids, [netuid, hotkey]) !== null;

function ensureRootClean(s: State, hotkey: AccountId): void {
  const netuids = s.value(Netuids);
  const clean =
    s.get(TotalHotkeyAlpha, [hotkey, ROOT_NETUID]) === 0n &&
    netuids.every((n) => s.get(RootClaimable, [hotkey, n]) === 0n) &&
    netuids.every((n) => s.entriesWithPrefix(RootClaimed, `${n}/${hotkey}/`).length === 0);
  ensure(
    clean,
    'NewHotKeyNotCleanForRootSwap',
    'the new hotkey already has root stake or root claims; pick a fresh hotkey',
  );
}

function ensureInterval(ctx: Ctx, coldkey: AccountId, netuid: number, skipNever: boolean): void {
  const last = ctx.state.get(LastHotkeySwapOnNetuid, [netuid, coldkey]);
  if (skipNever && last === 0n) return;
  const next = last + ctx.params.hotkeySwapOnSubnetInterval + 1n;
  ensure(ctx.now >= next, 'HotKeySwapOnSubnetIntervalNotPassed', `next allowed on subnet ${netuid} at block ${next}`);
}

function checks(ctx: Ctx, coldkey: AccountId, a: SwapHotkeyArgs): void {
  const s = ctx.state;
  ensure(s.get(Owner, a.hotkey) === coldkey, 'NonAssociatedColdKey', `hotkey ${a.hotkey} is not owned by this coldkey`);
  const newOwner = s.get(Owner, a.newHotkey);
  ensure(
    newOwner === null || newOwner === coldkey,
    'NonAssociatedColdKey',
    `the new hotkey ${a.newHotkey} is owned by another coldkey`,
  );
  ensure(a.hotkey !== a.newHotkey, 'NewHotKeyIsSameWithOld', 'pass a different new hotkey');
  const limit = ctx.params.txRateLimit;
  const last = s.get(LastTxBlock, coldkey);
  if (limit !== 0n && last !== 0n && ctx.now - last <= limit)
    fail('HotKeySetTxRateLimitExceeded', `next allowed at block ${last + limit + 1n}`);
  if (a.netuid !== null) {
    if (!s.value(Netuids).includes(a.netuid)) fail('SubnetNotExists', `no subnet ${a.netuid}`);
    ensure(
      !registeredOn(s, a.newHotkey, a.netuid),
      'HotKeyAlreadyRegisteredInSubNet',
      `the new hotkey is already registered on subnet ${a.netuid}`,
    );
  } else {
    const on = s.value(Netuids).find((n) => registeredOn(s, a.newHotkey, n));
    ensure(on === undefined, 'HotKeyAlreadyRegisteredInSubNet', `the new hotkey is already registered on subnet ${on}`);
  }
  if (a.netuid === null || a.netuid === ROOT_NETUID) ensureRootClean(s, a.newHotkey);
}

function takeOwnership(s: State, coldkey: AccountId, from: AccountId | null, to: AccountId): void {
  s.set(Owner, to, coldkey);
  const owned = s.get(OwnedHotkeys, coldkey).filter((h) => h !== from && h !== to);
  s.set(OwnedHotkeys, coldkey, [...owned, to]);
}

function swapEverywhere(ctx: Ctx, coldkey: AccountId, a: SwapHotkeyArgs): void {
  const s = ctx.state;
  const netuids = s.value(Netuids);
  const affected = netuids.filter((n) => registeredOn(s, a.hotkey, n) || s.get(ChildKeys, [a.hotkey, n]).length > 0);
  for (const n of affected) ensureInterval(ctx, coldkey, n, true);
  chargeSwapCost(ctx, coldkey, ctx.params.keySwapCost, 'hotkey');
  s.remove(Owner, a.hotkey);
  takeOwnership(s, coldkey, a.hotkey, a.newHotkey);
  const holders = new Set<AccountId>([coldkey]);
  for (const n of netuids) for (const c of moveHotkeyOnSubnet(s, a.hotkey, a.newHotkey, n)) holders.add(c);
  for (const item of [LastTakeChange, LastTxBlock] as const) {
    const v = s.get(item, a.hotkey);
    s.remove(item, a.hotkey);
    if (v !== 0n) s.set(item, a.newHotkey, v);
  }
  const take = s.get(DelegateTake, a.hotkey);
  if (take !== null) {
    s.remove(DelegateTake, a.hotkey);
    s.set(DelegateTake, a.newHotkey, take);
  }
  for (const c of holders) {
    const list = s.get(StakingHotkeys, c);
    if (!list.includes(a.hotkey)) continue;
    const rest = list.filter((h) => h !== a.hotkey && h !== a.newHotkey);
    s.set(StakingHotkeys, c, [...rest, a.newHotkey]);
  }
  for (const n of affected) s.set(LastHotkeySwapOnNetuid, [n, coldkey], ctx.now);
  s.set(LastTxBlock, coldkey, ctx.now);
  ctx.emit(event('HotkeySwapped', { coldkey, oldHotkey: a.hotkey, newHotkey: a.newHotkey }));
}

function swapOnSubnet(ctx: Ctx, coldkey: AccountId, a: SwapHotkeyArgs, netuid: number): void {
  const s = ctx.state;
  ensureInterval(ctx, coldkey, netuid, false);
  chargeSwapCost(ctx, coldkey, ctx.params.keySwapOnSubnetCost, 'hotkey');
  takeOwnership(s, coldkey, null, a.newHotkey);
  moveHotkeyOnSubnet(s, a.hotkey, a.newHotkey, netuid);
  s.set(LastTxBlock, coldkey, ctx.now);
  s.set(LastHotkeySwapOnNetuid, [netuid, coldkey], ctx.now);
  ctx.emit(event('HotkeySwappedOnSubnet', { coldkey, oldHotkey: a.hotkey, newHotkey: a.newHotkey, netuid }));
}

export function swapHotkey(ctx: Ctx, coldkey: AccountId, a: SwapHotkeyArgs): void {
  checks(ctx, coldkey, a);
  const s = ctx.state;
  const lastTake = s.get(LastTakeChange, a.hotkey);
  if (lastTake !== 0n) s.set(LastTakeChange, a.newHotkey, lastTake);
  if (a.netuid === null) swapEverywhere(ctx, coldkey, a);
  else swapOnSubnet(ctx, coldkey, a, a.netuid);
}
