/** Validator take: the cut of dividends a hotkey keeps before its nominators share the rest. */
import type { AccountId } from '@taonet/primitives';
import { ensure } from '../errors.js';
import type { State } from '../state/state.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { ensureHotkeyExists } from './checks.js';
import { DelegateTake, LastTakeChange } from './storage.js';
import { Params } from '../params/storage.js';

/** A hotkey's take, u16 proportion: the default (18%) until it sets one. */
export function takeOf(s: State, hotkey: AccountId): number {
  return s.get(DelegateTake, hotkey) ?? s.value(Params).defaultTake;
}

function ensureOwns(ctx: Ctx, coldkey: AccountId, hotkey: AccountId): void {
  ensure(
    ensureHotkeyExists(ctx.state, hotkey) === coldkey,
    'NonAssociatedColdKey',
    'only the hotkey owner may change its take',
  );
}

export function increaseTake(ctx: Ctx, coldkey: AccountId, hotkey: AccountId, take: number): void {
  const s = ctx.state;
  ensureOwns(ctx, coldkey, hotkey);
  const current = takeOf(s, hotkey);
  const p = ctx.params;
  ensure(take > current, 'DelegateTakeTooLow', `the current take is ${current}; use decrease_take to lower it`);
  ensure(take <= p.maxDelegateTake, 'DelegateTakeTooHigh', `the maximum take is ${p.maxDelegateTake}`);
  const last = s.get(LastTakeChange, hotkey);
  ensure(
    last === 0n || ctx.now - last > p.txDelegateTakeRateLimit,
    'DelegateTxRateLimitExceeded',
    `next allowed at block ${last + p.txDelegateTakeRateLimit + 1n}`,
  );
  s.set(DelegateTake, hotkey, take);
  s.set(LastTakeChange, hotkey, ctx.now);
  ctx.emit(event('TakeIncreased', { coldkey, hotkey, take }));
}

export function decreaseTake(ctx: Ctx, coldkey: AccountId, hotkey: AccountId, take: number): void {
  const s = ctx.state;
  ensureOwns(ctx, coldkey, hotkey);
  const current = takeOf(s, hotkey);
  ensure(take < current, 'DelegateTakeTooLow', `a decrease must go below the current take ${current}`);
  ensure(take >= ctx.params.minDelegateTake, 'DelegateTakeTooLow', `the minimum take is ${ctx.params.minDelegateTake}`);
  s.set(DelegateTake, hotkey, take);
  s.set(LastTakeChange, hotkey, ctx.now);
  ctx.emit(event('TakeDecreased', { coldkey, hotkey, take }));
}
