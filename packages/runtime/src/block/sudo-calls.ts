/**
 * The reference's Sudo pallet. The sudo key is the admin account (`SudoKey`, set at genesis); only
 * it may call `sudo` (its call dispatched with Root origin), `sudo_as` (its call dispatched as
 * another signer), `set_key` and `remove_key`. Like the reference, the Sudo call itself succeeds
 * whatever the inner call does: Sudid / SudoAsDone carry the inner result, and a failed inner call
 * leaves nothing behind. Inner calls bypass the filters of the dispatches around them.
 */
import type { AccountId } from '@taonet/primitives';
import { ensure } from '../errors.js';
import { SudoKey } from '../params/storage.js';
import { account, type Args, call, u64 } from '../system/args.js';
import { defineCall } from '../system/call.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { withOrigin } from './dispatch.js';
import { dispatchInFrame } from './nested-dispatch.js';

function requireSudo(ctx: Ctx, who: AccountId): void {
  const key = ctx.state.value(SudoKey);
  ensure(
    key !== null && key === who,
    'RequireSudo',
    key === null ? 'the sudo key was removed; nothing can act as Root any more' : `the sudo key is ${key}`,
  );
}

/** The inner call with Root origin, its effects kept only if it succeeds. */
function sudoRoot(ctx: Ctx, who: AccountId, inner: { method: string; args: Args }): void {
  requireSudo(ctx, who);
  const error = withOrigin(ctx, 'root', () => dispatchInFrame(ctx, who, inner));
  ctx.emit(event('Sudid', { sudoResult: error === null ? 'ok' : { error } }));
}

/** The weight the reference lets the key declare; Taonet has no weights, so it is only checked. */
function weight(a: Args): { refTime: bigint; proofSize: bigint } {
  const w = (a.weight ?? null) as Args | null;
  ensure(w !== null && typeof w === 'object', 'InvalidArgument', "'weight' must be {refTime, proofSize}");
  return { refTime: u64(w, 'refTime'), proofSize: u64(w, 'proofSize') };
}

export const sudoCalls = [
  defineCall({
    name: 'sudo',
    signer: 'coldkey',
    pays: true,
    description: 'As the sudo key, dispatch `call` with Root origin (Sudid reports its result).',
    parse: (a) => ({ call: call(a, 'call') }),
    run: (ctx, who, a) => sudoRoot(ctx, who, a.call),
  }),
  defineCall({
    name: 'sudo_unchecked_weight',
    signer: 'coldkey',
    pays: true,
    description: 'As `sudo`, with a declared weight (accepted and ignored: Taonet does not meter weight).',
    parse: (a) => ({ call: call(a, 'call'), weight: weight(a) }),
    run: (ctx, who, a) => sudoRoot(ctx, who, a.call),
  }),
  defineCall({
    name: 'sudo_set_key',
    signer: 'coldkey',
    pays: true,
    root: true,
    description: 'Hand the sudo key (the admin account) to `new` (the sudo key or Root only).',
    parse: (a) => ({ new: account(a, 'new') }),
    run(ctx, who, a) {
      if (!ctx.root) requireSudo(ctx, who);
      const old = ctx.state.value(SudoKey);
      ctx.state.put(SudoKey, a.new);
      ctx.emit(event('KeyChanged', { old, new: a.new }));
    },
  }),
  defineCall({
    name: 'sudo_as',
    signer: 'coldkey',
    pays: true,
    description: 'As the sudo key, dispatch `call` signed by `who` (SudoAsDone reports its result).',
    parse: (a) => ({ who: account(a, 'who'), call: call(a, 'call') }),
    run(ctx, who, a) {
      requireSudo(ctx, who);
      const error = withOrigin(ctx, 'signed', () => dispatchInFrame(ctx, a.who, a.call));
      ctx.emit(event('SudoAsDone', { sudoResult: error === null ? 'ok' : { error } }));
    },
  }),
  defineCall({
    name: 'sudo_remove_key',
    signer: 'coldkey',
    pays: true,
    description: 'Remove the sudo key for good: no Root origin and no admin account afterwards (the sudo key only).',
    parse: () => ({}),
    run(ctx, who) {
      requireSudo(ctx, who);
      ctx.state.put(SudoKey, null);
      ctx.emit(event('KeyRemoved'));
    },
  }),
];
