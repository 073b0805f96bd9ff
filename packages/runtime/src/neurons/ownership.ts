/**
 * Hotkey ownership: the first coldkey to register (or stake to) a hotkey owns it for good, so nobody
 * can register a hotkey whose rewards flow to someone else's stake pool.
 */
import type { AccountId } from '@taonet/primitives';
import { ensure } from '../errors.js';
import type { State } from '../state/state.js';
import { StakingHotkeys } from '../staking/storage.js';
import { OwnedHotkeys, Owner } from './storage.js';

/**
 * Pairs `hotkey` with `coldkey` if the hotkey is new, then requires `coldkey` to be its owner. A new
 * hotkey also joins the coldkey's staking hotkeys, as the reference does when it creates the account.
 */
export function pairHotkey(s: State, coldkey: AccountId, hotkey: AccountId): void {
  const owner = s.get(Owner, hotkey);
  if (owner === null) {
    s.set(Owner, hotkey, coldkey);
    const owned = s.get(OwnedHotkeys, coldkey);
    if (!owned.includes(hotkey)) s.set(OwnedHotkeys, coldkey, [...owned, hotkey]);
    const staking = s.get(StakingHotkeys, coldkey);
    if (!staking.includes(hotkey)) s.set(StakingHotkeys, coldkey, [...staking, hotkey]);
    return;
  }
  ensure(owner === coldkey, 'NonAssociatedColdKey', () => `hotkey ${hotkey} is owned by coldkey ${owner}`);
}
