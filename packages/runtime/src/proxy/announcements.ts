/**
 * Announced proxy calls: a delegate whose proxy has a delay announces the hash of a call it will
 * make for `real`; after the delay, anyone may run it with proxy_announced. The delegate can
 * withdraw an announcement, the real account can reject it; each change re-sizes the delegate's
 * announcement deposit. Calls are identified by blake2b-256 of their SCALE encoding, the hash
 * a Substrate client computes for the call it signs.
 */
import { type AccountId, blake2b256, toHex } from '@taonet/primitives';
import { encodeRuntimeCall } from '@taonet/primitives/substrate/runtime-call';
import { ensure, fail } from '../errors.js';
import type { Call } from '../system/call.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { rejigDeposit } from './deposits.js';
import {
  ANNOUNCEMENT_DEPOSIT_BASE,
  ANNOUNCEMENT_DEPOSIT_FACTOR,
  type Announcement,
  Announcements,
  MAX_PENDING,
  Proxies,
  type ProxyDefinition,
} from './storage.js';

/** The hash a client announces for `call`. A call with no Substrate form cannot have been announced. */
export function callHashOf(call: Call): string {
  let bytes: Uint8Array;
  try {
    bytes = encodeRuntimeCall(call);
  } catch {
    fail('Unannounced', `'${call.method}' has no Substrate encoding, so no announcement can name it`);
  }
  return toHex(blake2b256(bytes));
}

function setPending(ctx: Ctx, delegate: AccountId, pending: readonly Announcement[]): void {
  const held = ctx.state.get(Announcements, delegate)?.deposit ?? 0n;
  const deposit = rejigDeposit(
    ctx.state,
    delegate,
    held,
    pending.length,
    ANNOUNCEMENT_DEPOSIT_BASE,
    ANNOUNCEMENT_DEPOSIT_FACTOR,
  );
  ctx.state.set(Announcements, delegate, pending.length === 0 ? null : { pending: [...pending], deposit });
}

export function announce(ctx: Ctx, delegate: AccountId, real: AccountId, callHash: string): void {
  ensure(
    ctx.state.get(Proxies, real).some((d) => d.delegate === delegate),
    'NotProxy',
    'the signer is not a proxy of this account',
  );
  const pending = ctx.state.get(Announcements, delegate)?.pending ?? [];
  ensure(
    pending.length < MAX_PENDING,
    'TooMany',
    `a delegate has at most ${MAX_PENDING} pending announcements; remove one first`,
  );
  setPending(ctx, delegate, [...pending, { real, callHash, height: ctx.now }]);
  ctx.emit(event('Announced', { real, proxy: delegate, callHash }));
}

/** Drops the delegate's announcements for which `keep` is false; fails NotFound if none was dropped. */
function dropAnnouncements(ctx: Ctx, delegate: AccountId, keep: (a: Announcement) => boolean, hint: string): void {
  const pending = ctx.state.get(Announcements, delegate)?.pending ?? [];
  const rest = pending.filter(keep);
  if (rest.length === pending.length) fail('NotFound', hint);
  setPending(ctx, delegate, rest);
}

export function removeAnnouncement(ctx: Ctx, delegate: AccountId, real: AccountId, callHash: string): void {
  dropAnnouncements(
    ctx,
    delegate,
    (a) => a.real !== real || a.callHash !== callHash,
    'this account announced no such call for that real account',
  );
}

export function rejectAnnouncement(ctx: Ctx, real: AccountId, delegate: AccountId, callHash: string): void {
  dropAnnouncements(
    ctx,
    delegate,
    (a) => a.real !== real || a.callHash !== callHash,
    'that delegate announced no such call for this account',
  );
}

/**
 * proxy_announced's check: drops every announcement of `call` by `delegate` for `real` whose delay
 * has passed; fails Unannounced when there is none (never announced, or still in its delay).
 */
export function takeAnnouncement(
  ctx: Ctx,
  delegate: AccountId,
  real: AccountId,
  def: ProxyDefinition,
  call: Call,
): void {
  const hash = callHashOf(call);
  const pending = ctx.state.get(Announcements, delegate)?.pending ?? [];
  const due = (a: Announcement) => a.real === real && a.callHash === hash && ctx.now - a.height >= def.delay;
  if (!pending.some(due)) {
    const waiting = pending.find((a) => a.real === real && a.callHash === hash);
    fail(
      'Unannounced',
      waiting === undefined
        ? 'this call was not announced by that delegate for that account; announce its hash first'
        : `the announcement waits for the proxy's delay: it may run from block ${waiting.height + def.delay}`,
    );
  }
  setPending(
    ctx,
    delegate,
    pending.filter((a) => !due(a)),
  );
}
