/**
 * Dispatching one call for a signer, after validity: the reference's dispatch guards first (a
 * coldkey with an announced swap may make only the swap calls), then the call's parse and run.
 * Every dispatch site goes through here, so nested calls (batches, proxies) meet the same guards.
 */
import type { AccountId } from '@taonet/primitives';
import { fail } from '../errors.js';
import { checkColdkeySwapGuard } from '../key-swaps/swap-coldkey.js';
import type { Call } from '../system/call.js';
import type { Ctx } from '../system/context.js';
import { callDef } from './calls.js';

export function dispatch(ctx: Ctx, who: AccountId, call: Call): void {
  const def = callDef(call.method);
  if (def === undefined) fail('CallDisabled', `unknown call '${call.method}'`);
  checkColdkeySwapGuard(ctx.state, who, call.method);
  def.run(ctx, who, def.parse(call.args));
}
