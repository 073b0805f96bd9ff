/**
 * Moving stake: to another hotkey (move_stake), to another coldkey (transfer_stake) or to another
 * subnet (swap_stake), or any mix. Within one subnet nothing is swapped and no fee is paid; across
 * subnets the alpha is sold, the TAO re-staked, and exactly one swap fee is charged.
 */
import { type AccountId, fixed, U64F64 } from '@taonet/primitives';
import { credit } from '../balances/ledger.js';
import { ensure, fail } from '../errors.js';
import { Hyperparameters } from '../subnets/storage.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import { buyAlpha, currentPrice, poolOf, sellAlpha } from '../swap/pool-state.js';
import { maxAmountMove } from '../swap/max-amount.js';
import { swapQuote } from '../swap/swap-quote.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { ensureHotkeyExists, ensureStakeable } from './checks.js';
import { canMoveStake, decreaseStake, increaseStake, stakeOf } from './stake-pool-state.js';
import { alphaAmount, ensureAmounts, taoAmount } from '../amounts.js';

export interface StakeTransition {
  readonly originColdkey: AccountId;
  readonly destColdkey: AccountId;
  readonly originHotkey: AccountId;
  readonly destHotkey: AccountId;
  readonly originNetuid: number;
  readonly destNetuid: number;
  /** Origin alpha to move; more than held means all of it. */
  readonly amount: bigint;
  /** Lowest acceptable price of origin alpha in destination alpha (1e9 = 1.0); null = none. */
  readonly limitPrice: bigint | null;
  readonly allowPartial: boolean;
  /** transfer_stake needs transfers enabled on both subnets. */
  readonly isTransfer: boolean;
}

export function transitionStake(ctx: Ctx, t: StakeTransition): void {
  const s = ctx.state;
  ensureStakeable(s, t.originNetuid);
  ensureStakeable(s, t.destNetuid);
  ensureHotkeyExists(s, t.originHotkey);
  ensureHotkeyExists(s, t.destHotkey);
  if (t.originColdkey === t.destColdkey && t.originHotkey === t.destHotkey && t.originNetuid === t.destNetuid) {
    fail('SameNetuid', 'origin and destination are identical: nothing would move');
  }
  const held = stakeOf(s, t.originHotkey, t.originColdkey, t.originNetuid);
  ensure(held > 0n, 'NotEnoughStakeToWithdraw', `no stake on this hotkey on subnet ${t.originNetuid}`);
  ensure(t.amount > 0n, 'AmountTooLow', 'the amount must be greater than zero');
  let alpha = t.amount < held ? t.amount : held;
  if (t.isTransfer) {
    for (const n of [t.originNetuid, t.destNetuid]) {
      ensure(
        s.get(Hyperparameters, n)?.transferEnabled ?? false,
        'TransferDisallowed',
        `transfers are off on subnet ${n}`,
      );
    }
  }
  const minStake = ctx.params.defaultMinStake;
  if (t.originNetuid === t.destNetuid) {
    const taoValue = fixed.floorToInt(U64F64, currentPrice(s, t.originNetuid) * alpha);
    ensureAmounts(
      taoValue >= minStake,
      'AmountTooLow',
      () => ({ least: [taoAmount(minStake), 'up'], worth: [taoAmount(taoValue), 'down'] }),
      (t) => `the stake moved must be worth at least ${t.least}; it is worth ${t.worth}`,
    );
    ensure(canMoveStake(s, t.destHotkey, t.destColdkey, t.destNetuid, alpha), 'InsufficientLiquidity');
    decreaseStake(s, t.originHotkey, t.originColdkey, t.originNetuid, alpha);
    increaseStake(s, t.destHotkey, t.destColdkey, t.destNetuid, alpha);
    ctx.emit(event(t.isTransfer ? 'StakeTransferred' : 'StakeMoved', { ...t, amount: alpha }));
    return;
  }
  const fromRoot = t.originNetuid === ROOT_NETUID;
  // A partial fill is cut to what the limit allows first, so the minimum applies to what moves.
  const max =
    t.limitPrice === null ? null : maxAmountMove(poolOf(s, t.originNetuid), poolOf(s, t.destNetuid), t.limitPrice);
  if (max !== null && t.allowPartial && alpha > max) alpha = max;
  const sim = swapQuote(poolOf(s, t.originNetuid), 'sell', alpha, { dropFees: fromRoot });
  ensureAmounts(
    sim.paidOut > minStake,
    'AmountTooLow',
    () => ({ least: [taoAmount(minStake), 'up'], worth: [taoAmount(sim.paidOut), 'down'] }),
    (t) => `the stake moved must be worth more than ${t.least}; it would fetch ${t.worth}`,
  );
  if (max !== null && !t.allowPartial) {
    ensureAmounts(
      alpha <= max,
      'SlippageTooHigh',
      () => ({
        most: [alphaAmount(s, t.originNetuid, max), 'down'],
        requested: [alphaAmount(s, t.originNetuid, alpha), 'up'],
      }),
      (x) => `at most ${x.most} of your ${x.requested} can move at or above your limit price`,
    );
  }
  decreaseStake(s, t.originHotkey, t.originColdkey, t.originNetuid, alpha);
  const sold = sellAlpha(ctx, t.originNetuid, alpha, { dropFees: fromRoot, flow: 'user' });
  if (sold.unsold > 0n) increaseStake(s, t.originHotkey, t.originColdkey, t.originNetuid, sold.unsold);
  const tao = sold.paidOut;
  let bought = 0n;
  if (tao >= minStake) {
    const b = buyAlpha(ctx, t.destNetuid, tao, { dropFees: !fromRoot, flow: 'user' });
    if (b.unspent > 0n) credit(s, t.destColdkey, b.unspent);
    increaseStake(s, t.destHotkey, t.destColdkey, t.destNetuid, b.paidOut);
    bought = b.paidOut;
  } else {
    credit(s, t.destColdkey, tao);
  }
  ctx.emit(
    event(t.isTransfer ? 'StakeTransferred' : 'StakeMoved', {
      ...t,
      amount: sold.paidIn + sold.fee,
      tao,
      destAlpha: bought,
    }),
  );
}
