/**
 * Proxy and announcement deposits: a list of n entries holds base + factor · n reserved (nothing
 * when empty), and every change to the list reserves or returns the difference, as the reference
 * does. A deposit the free balance cannot cover fails the call.
 */
import type { AccountId } from '@taonet/primitives';
import { reserve, unreserve } from '../balances/ledger.js';
import type { State } from '../state/state.js';

export function depositFor(count: number, base: bigint, factor: bigint): bigint {
  return count === 0 ? 0n : base + factor * BigInt(count);
}

/** Brings `who`'s held deposit from `held` to the one `count` entries need; returns the new deposit. */
export function rejigDeposit(
  s: State,
  who: AccountId,
  held: bigint,
  count: number,
  base: bigint,
  factor: bigint,
): bigint {
  const next = depositFor(count, base, factor);
  if (next > held) reserve(s, who, next - held);
  else if (next < held) unreserve(s, who, held - next);
  return next;
}
