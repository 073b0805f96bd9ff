/**
 * unstake_all and unstake_all_alpha: every stake of the coldkey on one hotkey, across subnets, is
 * sold; unstake_all pays the TAO to the coldkey, unstake_all_alpha re-stakes it on root under the
 * same hotkey (its root stake stays where it is).
 */
import type { AccountId } from '@taonet/primitives';
import { RuntimeError } from '../errors.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import { Netuids, SubtokenEnabled } from '../subnets/storage.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { stakeIntoSubnet } from './add-stake.js';
import { ensureHotkeyExists } from './checks.js';
import { removeStake } from './remove-stake.js';
import { stakeOf } from './stake-pool-state.js';

/** Sells the coldkey's stake on `hotkey` on each started subnet `include` admits; returns the TAO. */
function sellEverywhere(ctx: Ctx, coldkey: AccountId, hotkey: AccountId, include: (netuid: number) => boolean): bigint {
  const s = ctx.state;
  ensureHotkeyExists(s, hotkey);
  let total = 0n;
  for (const netuid of s.value(Netuids)) {
    const held = stakeOf(s, hotkey, coldkey, netuid);
    if (held === 0n || !include(netuid) || !s.get(SubtokenEnabled, netuid)) continue;
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
  return total;
}

export function unstakeAll(ctx: Ctx, coldkey: AccountId, hotkey: AccountId): void {
  const total = sellEverywhere(ctx, coldkey, hotkey, () => true);
  ctx.emit(event('UnstakedAll', { coldkey, hotkey, tao: total }));
}

export function unstakeAllAlpha(ctx: Ctx, coldkey: AccountId, hotkey: AccountId): void {
  const total = sellEverywhere(ctx, coldkey, hotkey, (n) => n !== ROOT_NETUID);
  // As in the reference, nothing sold means nothing to stake on root, which fails the call.
  if (total === 0n)
    throw new RuntimeError(
      'AmountTooLow',
      'the hotkey holds no alpha stake of this coldkey on any started subnet',
      'check your stake with `taonet stake list`',
    );
  const alpha = stakeIntoSubnet(ctx, coldkey, hotkey, ROOT_NETUID, total, null);
  ctx.emit(event('UnstakedAllAlpha', { coldkey, hotkey, tao: total, rootStake: alpha }));
}
