/** One nested call in its own journal frame: its writes and events are kept only if it succeeds. */
import type { AccountId } from '@taonet/primitives';
import { RuntimeError, type RuntimeErrorInfo } from '../errors.js';
import type { Call } from '../system/call.js';
import type { Ctx } from '../system/context.js';
import { dispatch } from './dispatch.js';

/** Null on success, else the call's error (its effects reverted). */
export function dispatchInFrame(ctx: Ctx, who: AccountId, call: Call): RuntimeErrorInfo | null {
  const s = ctx.state;
  const mark = ctx.events.length;
  s.checkpoint();
  try {
    dispatch(ctx, who, call);
    s.commit();
    return null;
  } catch (e) {
    s.revert();
    ctx.events.splice(mark);
    if (!(e instanceof RuntimeError)) throw e;
    return e.toJSON();
  }
}
