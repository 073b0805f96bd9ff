/** unstake_all: every stake of the coldkey on one hotkey, across subnets, back to free TAO. */
import type { AccountId } from '@taonet/primitives';
import { RuntimeError } from '../errors.js';
import { Netuids, SubtokenEnabled } from '../subnets/storage.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { ensureHotkeyExists } from './checks.js';
import { removeStake } from './remove-stake.js';
import { stakeOf } from './stake-pool-state.js';

export function unstakeAll(ctx: Ctx, coldkey: AccountId, hotkey: AccountId): void {
  const s = ctx.state;
  ensureHotkeyExists(s, hotkey);
  let total = 0n;
  for (const netuid of s.value(Netuids)) {
    const held = stakeOf(s, hotkey, coldkey, netuid);
    if (held === 0n || !s.get(SubtokenEnabled, netuid)) continue;
    // A subnet that refuses (e.g. reserves too low) is skipped, as in the reference; its stake stays.
    s.checkpoint();
    try {
      total += removeStake(ctx, coldkey, { hotkey, netuid, amount: held, limitPrice: null, allowPartial: false });
      s.commit();
    } catch (e) {
      s.revert();
      if (!(e instanceof RuntimeError)) throw e;
      ctx.emit(event('UnstakeSkipped', { coldkey, hotkey, netuid, error: e.code }));
    }
  }
  ctx.emit(event('UnstakedAll', { coldkey, hotkey, tao: total }));
}
