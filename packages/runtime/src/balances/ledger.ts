/**
 * Free TAO balances and issuance. Every TAO movement goes through here so the books always
 * balance: issuance = free and reserved balances + pool reserves + subnet accounts (checked by the
 * invariants).
 */
import { type AccountId, MAX_TAO_SUPPLY } from '@taonet/primitives';
import type { State } from '../state/state.js';
import { Accounts, Reserved, TotalIssuance, TotalMinted, TotalRecycled } from './storage.js';
import { failWithAmounts, taoAmount } from '../amounts.js';

export function freeBalance(s: State, who: AccountId): bigint {
  return s.get(Accounts, who)?.free ?? 0n;
}

export function nonceOf(s: State, who: AccountId): bigint {
  return s.get(Accounts, who)?.nonce ?? 0n;
}

function setFree(s: State, who: AccountId, free: bigint): void {
  const acc = s.get(Accounts, who);
  const nonce = acc?.nonce ?? 0n;
  s.set(Accounts, who, free === 0n && nonce === 0n ? null : { free, nonce });
}

export function bumpNonce(s: State, who: AccountId): void {
  const acc = s.get(Accounts, who);
  s.set(Accounts, who, { free: acc?.free ?? 0n, nonce: (acc?.nonce ?? 0n) + 1n });
}

export function credit(s: State, who: AccountId, amount: bigint): void {
  if (amount < 0n) throw new RangeError('credit of a negative amount');
  if (amount === 0n) return;
  setFree(s, who, freeBalance(s, who) + amount);
}

/** Takes `amount` from free balance, or fails with `code` (default InsufficientBalance). */
export function debit(s: State, who: AccountId, amount: bigint, code = 'InsufficientBalance'): void {
  if (amount < 0n) throw new RangeError('debit of a negative amount');
  const free = freeBalance(s, who);
  if (free < amount) {
    failWithAmounts(
      code,
      { free: [taoAmount(free), 'down'], needed: [taoAmount(amount), 'up'] },
      (t) => `free balance is ${t.free}, needs ${t.needed}`,
    );
  }
  setFree(s, who, free - amount);
}

export function reservedBalance(s: State, who: AccountId): bigint {
  return s.get(Reserved, who);
}

/** Moves `amount` from free to reserved (a deposit), or fails with `code` if free cannot cover it. */
export function reserve(s: State, who: AccountId, amount: bigint, code = 'InsufficientBalance'): void {
  if (amount <= 0n) return;
  debit(s, who, amount, code);
  s.set(Reserved, who, s.get(Reserved, who) + amount);
}

/** Returns up to `amount` of reserved TAO to free; returns what was returned. */
export function unreserve(s: State, who: AccountId, amount: bigint): bigint {
  const held = s.get(Reserved, who);
  const back = amount < held ? amount : held;
  if (back <= 0n) return 0n;
  s.set(Reserved, who, held - back);
  credit(s, who, back);
  return back;
}

/** Mints up to `amount` new TAO, never past the 21M cap; returns what was minted. */
export function mint(s: State, amount: bigint): bigint {
  const issuance = s.value(TotalIssuance);
  const room = MAX_TAO_SUPPLY - issuance;
  const minted = amount < room ? amount : room < 0n ? 0n : room;
  s.put(TotalIssuance, issuance + minted);
  s.put(TotalMinted, s.value(TotalMinted) + minted);
  return minted;
}

/** Destroys TAO that has already left every holder. */
export function recycle(s: State, amount: bigint): void {
  if (amount <= 0n) return;
  s.put(TotalIssuance, s.value(TotalIssuance) - amount);
  s.put(TotalRecycled, s.value(TotalRecycled) + amount);
}
