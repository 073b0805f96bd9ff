/**
 * Which subnets run their epoch this block: those that are due, in the reference order, at most
 * `maxEpochsPerBlock` of them; the others are deferred one block without losing their emission.
 */
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import { BlocksSinceLastStep, Netuids, PendingEpochAt } from '../subnets/storage.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { drainAndDistribute } from './distribute.js';
import { epochDue } from '../subnets/epoch-schedule-state.js';
import { referenceOrder } from './subnet-order.js';

export function runEpochs(ctx: Ctx): void {
  const s = ctx.state;
  let ran = 0;
  for (const netuid of referenceOrder(s.value(Netuids))) {
    if (netuid === ROOT_NETUID) continue;
    s.update(BlocksSinceLastStep, netuid, (b) => b + 1n);
    if (!epochDue(s, netuid, ctx.now)) continue;
    if (ran < ctx.params.maxEpochsPerBlock) {
      ran++;
      drainAndDistribute(ctx, netuid);
    } else {
      s.set(PendingEpochAt, netuid, ctx.now + 1n);
      ctx.emit(event('EpochDeferred', { netuid, to: ctx.now + 1n }));
    }
  }
}
