/**
 * set_childkey_take: the cut a child hotkey keeps of the dividends its parents under other
 * coldkeys earn through it. Bounded by the effective minimum and the maximum; raising it is
 * rate-limited per hotkey and subnet, lowering it is not.
 */
import type { AccountId } from '@taonet/primitives';
import { ensure } from '../errors.js';
import { Owner } from '../neurons/storage.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { childKeyParams, childkeyTakeOf, effectiveMinChildkeyTake } from './state-graph.js';
import { ChildkeyTake, LastChildkeyTakeBlock } from './storage.js';

export function setChildkeyTake(ctx: Ctx, coldkey: AccountId, hotkey: AccountId, netuid: number, take: number): void {
  const s = ctx.state;
  const p = childKeyParams(s);
  ensure(s.get(Owner, hotkey) === coldkey, 'NonAssociatedColdKey', 'only the hotkey owner may set its childkey take');
  const min = effectiveMinChildkeyTake(s, netuid);
  ensure(
    take >= min && take <= p.maxChildkeyTake,
    'InvalidChildkeyTake',
    `the take must be between ${min} and ${p.maxChildkeyTake} (parts of 65535)`,
  );
  if (take > childkeyTakeOf(s, hotkey, netuid)) {
    const last = s.get(LastChildkeyTakeBlock, [hotkey, netuid]);
    ensure(
      last === 0n || ctx.now - last >= p.childkeyTakeRateLimit,
      'TxChildkeyTakeRateLimitExceeded',
      () => `the take changed at block ${last}; it can rise again at block ${last + p.childkeyTakeRateLimit}`,
    );
  }
  s.set(LastChildkeyTakeBlock, [hotkey, netuid], ctx.now);
  s.set(ChildkeyTake, [hotkey, netuid], take);
  ctx.emit(event('ChildKeyTakeSet', { hotkey, netuid, take }));
}
