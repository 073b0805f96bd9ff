/**
 * remove_stake (and its limit form): the coldkey's alpha is sold into the pool and the TAO paid to
 * its free balance. Unstaking everything is allowed below the minimum; a partial unstake must
 * still pay out at least the minimum stake.
 */
import type { AccountId } from '@taonet/primitives';
import { credit } from '../balances/ledger.js';
import { ensure } from '../errors.js';
import { poolOf, sellAlpha } from '../swap/pool-state.js';
import { isDynamic } from '../swap/pool.js';
import { maxAmountRemove } from '../swap/max-amount.js';
import { swapQuote } from '../swap/swap-quote.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { ensureHotkeyExists, ensureStakeable } from './checks.js';
import { clearSmallNominationIfRequired } from './small-nomination.js';
import { decreaseStake, increaseStake, stakeOf } from './stake-pool-state.js';
import { alphaAmount, ensureAmounts, taoAmount } from '../amounts.js';

export interface RemoveStakeArgs {
  readonly hotkey: AccountId;
  readonly netuid: number;
  /** Alpha to unstake; more than held means all of it. */
  readonly amount: bigint;
  /** Lowest price (rao per alpha) the sale may reach; null = no limit. */
  readonly limitPrice: bigint | null;
  readonly allowPartial: boolean;
}

/** Returns the TAO paid out. */
export function removeStake(ctx: Ctx, coldkey: AccountId, a: RemoveStakeArgs): bigint {
  const s = ctx.state;
  const { netuid, hotkey } = a;
  ensureStakeable(s, netuid);
  ensureHotkeyExists(s, hotkey);
  const held = stakeOf(s, hotkey, coldkey, netuid);
  ensure(held > 0n, 'NotEnoughStakeToWithdraw', `coldkey has no stake on this hotkey on subnet ${netuid}`);
  ensure(a.amount > 0n, 'AmountTooLow', 'the amount must be greater than zero');
  let alpha = a.amount < held ? a.amount : held;
  const pool = poolOf(s, netuid);
  if (isDynamic(pool)) {
    ensureAmounts(
      alpha <= pool.alpha * 1000n,
      'InsufficientLiquidity',
      () => ({ most: [alphaAmount(s, netuid, pool.alpha * 1000n), 'down'] }),
      (t) => `at most ${t.most} per unstake on this pool`,
    );
  }
  if (a.limitPrice !== null) {
    const max = maxAmountRemove(pool, a.limitPrice);
    if (a.allowPartial) alpha = alpha < max ? alpha : max;
    else
      ensureAmounts(
        alpha <= max,
        'SlippageTooHigh',
        () => ({ most: [alphaAmount(s, netuid, max), 'down'], requested: [alphaAmount(s, netuid, alpha), 'up'] }),
        (t) => `at most ${t.most} of your ${t.requested} can be sold at or above your limit price`,
      );
  }
  const sim = swapQuote(pool, 'sell', alpha, { limitPriceRao: a.limitPrice });
  const minStake = ctx.params.defaultMinStake;
  ensureAmounts(
    alpha === held || sim.paidOut >= minStake,
    'AmountTooLow',
    () => ({ least: [taoAmount(minStake), 'up'], payout: [taoAmount(sim.paidOut), 'down'] }),
    (t) =>
      `a partial unstake must pay out at least ${t.least} (this one pays ${t.payout}); unstake everything or a larger amount`,
  );

  decreaseStake(s, hotkey, coldkey, netuid, alpha);
  const q = sellAlpha(ctx, netuid, alpha, { limitPriceRao: a.limitPrice, flow: 'user' });
  if (q.unsold > 0n) increaseStake(s, hotkey, coldkey, netuid, q.unsold);
  credit(s, coldkey, q.paidOut);
  ctx.emit(event('StakeRemoved', { coldkey, hotkey, netuid, alpha: q.paidIn + q.fee, tao: q.paidOut, fee: q.fee }));
  clearSmallNominationIfRequired(ctx, hotkey, coldkey, netuid);
  return q.paidOut;
}
