/** start_call: the owner starts the subnet's emission and opens it to staking. */
import type { AccountId } from '@taonet/primitives';
import { ensure, fail } from '../errors.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { FirstEmissionBlock, NetworkRegisteredAt, SubnetOwner, SubtokenEnabled } from './storage.js';

export function startCall(ctx: Ctx, who: AccountId, netuid: number): void {
  const s = ctx.state;
  const owner = s.get(SubnetOwner, netuid);
  if (owner === null) fail('SubnetNotExists', `no subnet ${netuid}`);
  ensure(owner === who, 'NotSubnetOwner', `subnet ${netuid} belongs to ${owner}`);
  ensure(
    s.get(FirstEmissionBlock, netuid) === 0n,
    'FirstEmissionBlockNumberAlreadySet',
    `subnet ${netuid} already started`,
  );
  const from = s.get(NetworkRegisteredAt, netuid) + ctx.params.startCallDelay;
  ensure(ctx.now >= from, 'NeedWaitingMoreBlocksToStarCall', `next allowed at block ${from}`);
  s.set(FirstEmissionBlock, netuid, ctx.now + 1n);
  s.set(SubtokenEnabled, netuid, true);
  ctx.emit(event('FirstEmissionBlockNumberSet', { netuid, block: ctx.now + 1n }));
}
