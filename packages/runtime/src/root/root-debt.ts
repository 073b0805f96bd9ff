/**
 * Root claim debt: when root stake changes, what the coldkey counts as "already claimed" moves by
 * rate × change on every subnet, so it is owed only what accrues while it holds the stake.
 */
import type { AccountId } from '@taonet/primitives';
import type { State } from '../state/state.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import { Netuids } from '../subnets/storage.js';
import { RootClaimable, RootClaimed, RootStakingColdkeys } from './storage.js';

/** Keeps claim debt in step with a change of root stake (delta may be negative). */
export function adjustRootDebt(s: State, hotkey: AccountId, coldkey: AccountId, delta: bigint): void {
  if (delta === 0n) return;
  for (const n of s.value(Netuids)) {
    if (n === ROOT_NETUID) continue;
    const rate = s.get(RootClaimable, [hotkey, n]);
    if (rate === 0n) continue;
    const d = (rate * (delta < 0n ? -delta : delta)) >> 32n;
    s.update(RootClaimed, [n, hotkey, coldkey], (c) => (delta > 0n ? c + d : c > d ? c - d : 0n));
  }
  if (delta > 0n) {
    const list = s.value(RootStakingColdkeys);
    if (!list.includes(coldkey)) s.put(RootStakingColdkeys, [...list, coldkey]);
  }
}
