/**
 * The coldkey swap, in the reference's current flow: the coldkey announces the hash of its new
 * coldkey (paying keySwapCost, recycled), waits coldkeySwapAnnouncementDelay blocks, then runs the
 * swap by naming the new coldkey. While a swap is announced the coldkey may make only the swap
 * calls; a dispute freezes it entirely until the admin resets it. The swap moves the free
 * balance, every stake position, owned hotkeys, subnet ownership, root claims and the identity.
 */
import { type AccountId, accountToBytes, blake2b256, toHex } from '@taonet/primitives';
import { credit, debit, freeBalance } from '../balances/ledger.js';
import { ensure, fail } from '../errors.js';
import { Identities } from '../identity/storage.js';
import { OwnedHotkeys, Owner } from '../neurons/storage.js';
import { RootClaimed, RootStakingColdkeys } from '../root/storage.js';
import type { State } from '../state/state.js';
import { safeFloatAdd } from '@taonet/primitives';
import { StakeShares, StakingHotkeys } from '../staking/storage.js';
import { Netuids, SubnetOwner } from '../subnets/storage.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { ColdkeySwapAnnouncements, ColdkeySwapDisputes, LastTxBlock } from './storage.js';
import { chargeSwapCost } from './swap-cost.js';

/** The hash a coldkey announces for `newColdkey`: blake2b-256 of its 32 bytes, hex. */
export const coldkeyHash = (newColdkey: AccountId): string => toHex(blake2b256(accountToBytes(newColdkey)));

/** Calls a coldkey with an announced (undisputed) swap may still make. */
export const CALLS_DURING_COLDKEY_SWAP: ReadonlySet<string> = new Set([
  'announce_coldkey_swap',
  'swap_coldkey_announced',
  'dispute_coldkey_swap',
  'clear_coldkey_swap_announcement',
]);

/** The reference's dispatch guard: refuses a call from a coldkey whose swap is announced or disputed. */
export function checkColdkeySwapGuard(s: State, who: AccountId, method: string): void {
  const a = s.get(ColdkeySwapAnnouncements, who);
  if (a === null) return;
  if (s.get(ColdkeySwapDisputes, who) !== null)
    fail(
      'ColdkeySwapDisputed',
      'the admin must reset the disputed swap (reset_coldkey_swap) before this coldkey can act',
    );
  ensure(
    CALLS_DURING_COLDKEY_SWAP.has(method),
    'ColdkeySwapAnnounced',
    `a coldkey swap is announced (it can run at block ${a.when}); only the swap calls are allowed until it runs or is cleared`,
  );
}

function moveStakePositions(s: State, from: AccountId, to: AccountId): void {
  const hotkeys = s.get(StakingHotkeys, from);
  for (const n of s.value(Netuids)) {
    for (const h of hotkeys) {
      const share = s.get(StakeShares, [h, from, n]);
      if (share.mantissa !== 0n) {
        s.remove(StakeShares, [h, from, n]);
        s.update(StakeShares, [h, to, n], (x) => safeFloatAdd(x, share));
      }
      // Moved whatever the subnet, so the new coldkey cannot claim the same root dividends twice.
      const claimed = s.get(RootClaimed, [n, h, from]);
      if (claimed !== 0n) {
        s.remove(RootClaimed, [n, h, from]);
        s.update(RootClaimed, [n, h, to], (c) => c + claimed);
      }
    }
  }
  const merged = s.get(StakingHotkeys, to);
  s.remove(StakingHotkeys, from);
  s.set(StakingHotkeys, to, [...merged, ...hotkeys.filter((h) => !merged.includes(h))]);
  const root = s.value(RootStakingColdkeys);
  if (root.includes(from)) s.put(RootStakingColdkeys, [...root.filter((c) => c !== from && c !== to), to]);
}

/** Moves everything of `from` to `to` (the checks on `to` first). */
export function doSwapColdkey(ctx: Ctx, from: AccountId, to: AccountId): void {
  const s = ctx.state;
  ensure(
    s.get(StakingHotkeys, to).length === 0,
    'ColdKeyAlreadyAssociated',
    'the new coldkey already has stake; pick a fresh coldkey',
  );
  ensure(s.get(Owner, to) === null, 'NewColdKeyIsHotkey', 'the new coldkey is a hotkey; pick a fresh coldkey');
  const identity = s.get(Identities, from);
  if (identity !== null && s.get(Identities, to) === null) {
    s.remove(Identities, from);
    s.set(Identities, to, identity);
  }
  for (const n of s.value(Netuids)) if (s.get(SubnetOwner, n) === from) s.set(SubnetOwner, n, to);
  moveStakePositions(s, from, to);
  const owned = s.get(OwnedHotkeys, from);
  for (const h of owned) s.set(Owner, h, to);
  const already = s.get(OwnedHotkeys, to);
  s.remove(OwnedHotkeys, from);
  s.set(OwnedHotkeys, to, [...already, ...owned.filter((h) => !already.includes(h))]);
  const free = freeBalance(s, from);
  debit(s, from, free);
  credit(s, to, free);
  s.set(LastTxBlock, to, ctx.now);
  ctx.emit(event('ColdkeySwapped', { oldColdkey: from, newColdkey: to }));
}

export function announceColdkeySwap(ctx: Ctx, who: AccountId, newColdkeyHash: string): void {
  const s = ctx.state;
  const existing = s.get(ColdkeySwapAnnouncements, who);
  if (existing !== null) {
    const earliest = existing.when + ctx.params.coldkeySwapReannouncementDelay;
    ensure(ctx.now >= earliest, 'ColdkeySwapReannouncedTooEarly', `re-announce at block ${earliest} or later`);
  } else {
    chargeSwapCost(ctx, who, ctx.params.keySwapCost, 'coldkey');
  }
  const when = ctx.now + ctx.params.coldkeySwapAnnouncementDelay;
  s.set(ColdkeySwapAnnouncements, who, { when, newColdkeyHash });
  ctx.emit(event('ColdkeySwapAnnounced', { who, newColdkeyHash, when }));
}

export function swapColdkeyAnnounced(ctx: Ctx, who: AccountId, newColdkey: AccountId): void {
  const s = ctx.state;
  const a = s.get(ColdkeySwapAnnouncements, who);
  if (a === null) fail('ColdkeySwapAnnouncementNotFound', 'announce the swap first (announce_coldkey_swap)');
  ensure(
    coldkeyHash(newColdkey) === a.newColdkeyHash,
    'AnnouncedColdkeyHashDoesNotMatch',
    'pass the coldkey whose hash you announced',
  );
  ensure(ctx.now >= a.when, 'ColdkeySwapTooEarly', `the swap can run at block ${a.when}`);
  s.remove(ColdkeySwapAnnouncements, who);
  doSwapColdkey(ctx, who, newColdkey);
}

export function disputeColdkeySwap(ctx: Ctx, who: AccountId): void {
  const s = ctx.state;
  ensure(
    s.get(ColdkeySwapAnnouncements, who) !== null,
    'ColdkeySwapAnnouncementNotFound',
    'there is no announced swap to dispute',
  );
  ensure(
    s.get(ColdkeySwapDisputes, who) === null,
    'ColdkeySwapAlreadyDisputed',
    'the admin must reset it (reset_coldkey_swap)',
  );
  s.set(ColdkeySwapDisputes, who, ctx.now);
  ctx.emit(event('ColdkeySwapDisputed', { coldkey: who }));
}

export function clearColdkeySwapAnnouncement(ctx: Ctx, who: AccountId): void {
  const s = ctx.state;
  const a = s.get(ColdkeySwapAnnouncements, who);
  if (a === null) fail('ColdkeySwapAnnouncementNotFound', 'there is no announced swap to clear');
  const earliest = a.when + ctx.params.coldkeySwapReannouncementDelay;
  ensure(ctx.now >= earliest, 'ColdkeySwapClearTooEarly', `clear it at block ${earliest} or later`);
  s.remove(ColdkeySwapAnnouncements, who);
  ctx.emit(event('ColdkeySwapCleared', { who }));
}

export function resetColdkeySwap(ctx: Ctx, coldkey: AccountId): void {
  ctx.state.remove(ColdkeySwapAnnouncements, coldkey);
  ctx.state.remove(ColdkeySwapDisputes, coldkey);
  ctx.emit(event('ColdkeySwapReset', { who: coldkey }));
}

/** The admin's direct swap: optional cost, no announcement; any pending announcement or dispute is cleared. */
export function sudoSwapColdkey(ctx: Ctx, from: AccountId, to: AccountId, swapCost: bigint): void {
  chargeSwapCost(ctx, from, swapCost, 'coldkey');
  doSwapColdkey(ctx, from, to);
  ctx.state.remove(ColdkeySwapAnnouncements, from);
  ctx.state.remove(ColdkeySwapDisputes, from);
}
