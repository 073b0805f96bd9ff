/**
 * Dispatching one call for a signer, after validity: the origin checks the reference makes at every
 * dispatch (an admin call needs the admin; a coldkey with an announced swap may make only the swap
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
  if (def.signer === 'admin' && ctx.state.value(SudoKey) !== who)
    fail('BadOrigin', 'sign it with the admin (sudo) key');
  checkColdkeySwapGuard(ctx.state, who, call.method);
  def.run(ctx, who, def.parse(call.args));
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
