/**
 * Dispatching one call for a signer, after validity: the origin checks the reference makes at every
 * dispatch (an admin call needs the admin key or Root origin, and Root may make only admin and
 * owner-or-admin calls; a coldkey with an announced swap may make only the swap
 * calls; a call made through a proxy or inside batch_all must pass their filters), then the call's
 * parse and run. Every dispatch site goes through here, so nested calls meet the same checks.
 */
import type { AccountId } from '@taonet/primitives';
import { fail, RuntimeError } from '../errors.js';
import { checkColdkeySwapGuard } from '../key-swaps/swap-coldkey.js';
import { SudoKey } from '../params/storage.js';
import type { Call } from '../system/call.js';
import type { CallFilter, Ctx } from '../system/context.js';
import { callDef } from './calls.js';

export function dispatch(ctx: Ctx, who: AccountId, call: Call): void {
  const def = callDef(call.method);
  if (def === undefined)
    throw new RuntimeError(
      'CallDisabled',
      `unknown call '${call.method}'`,
      'taonet_calls lists the calls this chain accepts',
    );
  if (ctx.callFilters.some((f) => !f(call)))
    fail('CallFiltered', `'${call.method}' is not allowed here (the proxy type or batch_all forbids it)`);
  if (ctx.root) {
    // Root (from Sudo) may make the admin calls and the owner-or-admin ones; a call that needs a
    // signer refuses it, as ensure_signed does.
    if (def.signer !== 'admin' && def.root !== true)
      fail('BadOrigin', `'${call.method}' needs a signed origin, not Root: use Sudo's sudo_as`);
  } else {
    if (def.signer === 'admin' && ctx.state.value(SudoKey) !== who)
      fail('BadOrigin', 'sign it with the admin (sudo) key, or wrap it in Sudo.sudo');
    checkColdkeySwapGuard(ctx.state, who, call.method);
  }
  def.run(ctx, who, def.parse(call.args));
}

/**
 * Runs `fn` with Root origin or as a signer, bypassing the filters of the dispatches around it, as
 * Sudo dispatches its inner call.
 */
export function withOrigin<T>(ctx: Ctx, origin: 'root' | 'signed', fn: () => T): T {
  const filters = ctx.callFilters.splice(0);
  const wasRoot = ctx.root;
  ctx.root = origin === 'root';
  try {
    return fn();
  } finally {
    ctx.root = wasRoot;
    ctx.callFilters.push(...filters);
  }
}

/** Runs `fn` with `filter` added for every dispatch inside it. */
export function withFilter<T>(ctx: Ctx, filter: CallFilter, fn: () => T): T {
  ctx.callFilters.push(filter);
  try {
    return fn();
  } finally {
    ctx.callFilters.pop();
  }
}
