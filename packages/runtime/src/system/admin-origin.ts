/**
 * Who counts as the admin: a call dispatched with Root origin (Sudo's `sudo`), or, as before Sudo
 * existed and still accepted, the admin (sudo) key signing the call directly.
 */
import type { AccountId } from '@taonet/primitives';
import { SudoKey } from '../params/storage.js';
import type { Ctx } from './context.js';

export function isAdmin(ctx: Ctx, who: AccountId): boolean {
  return ctx.root || ctx.state.value(SudoKey) === who;
}
