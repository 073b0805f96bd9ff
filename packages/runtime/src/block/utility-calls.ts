/**
 * The reference's Utility batches, each call dispatched as the signer: `batch` stops at the first
 * failure and keeps what came before (BatchInterrupted); `batch_all` is all or nothing; and
 * `force_batch` runs every call, keeping the ones that succeed (ItemFailed per failure,
 * BatchCompletedWithErrors). ItemCompleted follows each successful call's own events.
 */
import { callList } from '../system/args.js';
import { defineCall } from '../system/call.js';
import { event } from '../system/events.js';
import { dispatch, withFilter } from './dispatch.js';
import { dispatchInFrame } from './nested-dispatch.js';

/** The reference's batched_calls_limit on its 64-bit runtime. */
export const BATCHED_CALLS_LIMIT = 10_922;

const calls = (a: Parameters<typeof callList>[0]) => ({ calls: callList(a, 'calls', BATCHED_CALLS_LIMIT) });

export const utilityCalls = [
  defineCall({
    name: 'batch',
    signer: 'coldkey',
    pays: true,
    root: true,
    description: 'Dispatch calls in order, stopping at the first that fails (the earlier ones stay done).',
    parse: calls,
    run(ctx, who, { calls: list }) {
      for (const [index, c] of list.entries()) {
        const error = dispatchInFrame(ctx, who, c);
        if (error !== null) {
          ctx.emit(event('BatchInterrupted', { index, error }));
          return;
        }
        ctx.emit(event('ItemCompleted'));
      }
      ctx.emit(event('BatchCompleted'));
    },
  }),
  defineCall({
    name: 'batch_all',
    signer: 'coldkey',
    pays: true,
    root: true,
    description: 'Dispatch calls in order, all or nothing: one failure undoes them all.',
    parse: calls,
    run(ctx, who, { calls: list }) {
      // As in the reference, a batch_all may not contain another batch_all.
      withFilter(
        ctx,
        (c) => c.method !== 'batch_all',
        () => {
          for (const c of list) {
            dispatch(ctx, who, c);
            ctx.emit(event('ItemCompleted'));
          }
        },
      );
      ctx.emit(event('BatchCompleted'));
    },
  }),
  defineCall({
    name: 'force_batch',
    signer: 'coldkey',
    pays: true,
    root: true,
    description: 'Dispatch every call, keeping those that succeed; failures are reported per item.',
    parse: calls,
    run(ctx, who, { calls: list }) {
      let failed = false;
      for (const c of list) {
        const error = dispatchInFrame(ctx, who, c);
        if (error === null) ctx.emit(event('ItemCompleted'));
        else {
          failed = true;
          ctx.emit(event('ItemFailed', { error }));
        }
      }
      ctx.emit(event(failed ? 'BatchCompletedWithErrors' : 'BatchCompleted'));
    },
  }),
];
