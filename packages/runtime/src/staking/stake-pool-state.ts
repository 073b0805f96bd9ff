/**
 * The per-(hotkey, subnet) share pool in state. The share arithmetic is share-pool.ts (SafeFloat,
 * as on chain); this file loads one holder's slice of a pool, applies the change, and writes it
 * back, keeping the coldkey's list of staked hotkeys current.
 */
import type { AccountId } from '@taonet/primitives';
import { adjustRootDebt } from '../root/root-debt.js';
import type { State } from '../state/state.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import {
  canUpdateValueForOne,
  type SharePool,
  shareValue,
  updateValueForAll,
  updateValueForOne,
} from './share-pool.js';
import { StakeShares, StakingHotkeys, TotalHotkeyAlpha, TotalHotkeyShares } from './storage.js';

function load(s: State, hotkey: AccountId, coldkey: AccountId, netuid: number): SharePool {
  return {
    sharedValue: s.get(TotalHotkeyAlpha, [hotkey, netuid]),
    denominator: s.get(TotalHotkeyShares, [hotkey, netuid]),
    shares: new Map([[coldkey, s.get(StakeShares, [hotkey, coldkey, netuid])]]),
  };
}

function save(s: State, hotkey: AccountId, coldkey: AccountId, netuid: number, p: SharePool): void {
  s.set(TotalHotkeyAlpha, [hotkey, netuid], p.sharedValue);
  s.set(TotalHotkeyShares, [hotkey, netuid], p.denominator);
  const share = p.shares.get(coldkey);
  if (share !== undefined) s.set(StakeShares, [hotkey, coldkey, netuid], share);
}

/** Alpha of `coldkey` staked on `hotkey` on `netuid`, floored. */
export function stakeOf(s: State, hotkey: AccountId, coldkey: AccountId, netuid: number): bigint {
  return shareValue(load(s, hotkey, coldkey, netuid), coldkey);
}

/** Whether adding (or removing) `amount` buys (or sells) a non-zero number of shares. */
export function canMoveStake(s: State, hotkey: AccountId, coldkey: AccountId, netuid: number, amount: bigint): boolean {
  return canUpdateValueForOne(load(s, hotkey, coldkey, netuid), amount);
}

export function increaseStake(s: State, hotkey: AccountId, coldkey: AccountId, netuid: number, amount: bigint): void {
  if (amount <= 0n) return;
  save(s, hotkey, coldkey, netuid, updateValueForOne(load(s, hotkey, coldkey, netuid), coldkey, amount));
  const list = s.get(StakingHotkeys, coldkey);
  if (!list.includes(hotkey)) s.set(StakingHotkeys, coldkey, [...list, hotkey]);
  if (netuid === ROOT_NETUID) adjustRootDebt(s, hotkey, coldkey, amount);
}

/** Removes `amount` of `coldkey`'s stake; the caller has checked that it holds that much. */
export function decreaseStake(s: State, hotkey: AccountId, coldkey: AccountId, netuid: number, amount: bigint): void {
  if (amount <= 0n) return;
  const pool = load(s, hotkey, coldkey, netuid);
  if (shareValue(pool, coldkey) < amount) throw new Error('decreaseStake beyond holdings');
  save(s, hotkey, coldkey, netuid, updateValueForOne(pool, coldkey, -amount));
  if (netuid === ROOT_NETUID) adjustRootDebt(s, hotkey, coldkey, -amount);
}

/** Raises the value of every share of the pool: how dividends reach nominators. */
export function increasePoolValue(s: State, hotkey: AccountId, netuid: number, amount: bigint): void {
  if (amount <= 0n) return;
  const p = updateValueForAll(
    {
      sharedValue: s.get(TotalHotkeyAlpha, [hotkey, netuid]),
      denominator: s.get(TotalHotkeyShares, [hotkey, netuid]),
      shares: new Map(),
    },
    amount,
  );
  s.set(TotalHotkeyAlpha, [hotkey, netuid], p.sharedValue);
}

/** Every (coldkey, alpha) staked on `hotkey` on `netuid`, in key order. */
export function nominatorsOf(s: State, hotkey: AccountId, netuid: number): [AccountId, bigint][] {
  const prefix = `${hotkey}/`;
  const suffix = `/${netuid}`;
  return s
    .entriesWithPrefix(StakeShares, prefix)
    .filter(([k]) => k.endsWith(suffix))
    .map(([k]) => {
      const coldkey = k.slice(prefix.length, k.length - suffix.length) as AccountId;
      return [coldkey, stakeOf(s, hotkey, coldkey, netuid)] as [AccountId, bigint];
    });
}
