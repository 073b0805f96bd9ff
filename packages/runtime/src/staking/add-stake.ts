/**
 * add_stake (and its limit form): TAO from the coldkey buys alpha in the subnet's pool, and the
 * alpha is credited as shares of the hotkey's pool. The checks run before anything moves, in the
 * reference order, so a refused stake costs only the transaction fee.
 */
import type { AccountId } from '@taonet/primitives';
import { credit, debit, freeBalance } from '../balances/ledger.js';
import { ensure } from '../errors.js';
import { buyAlpha, poolOf } from '../swap/pool-state.js';
import { isDynamic } from '../swap/pool.js';
import { maxAmountAdd } from '../swap/max-amount.js';
import { swapQuote } from '../swap/swap-quote.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { ensureHotkeyExists, ensureStakeable } from './checks.js';
import { addStakeMinAmount } from './min-stake.js';
import { canMoveStake, increaseStake } from './stake-pool-state.js';
import { ensureAmounts, taoAmount } from '../amounts.js';

export interface AddStakeArgs {
  readonly hotkey: AccountId;
  readonly netuid: number;
  /** TAO to spend (rao), swap fee included. */
  readonly amount: bigint;
  /** Highest price (rao per alpha) the buy may reach; null = no limit. */
  readonly limitPrice: bigint | null;
  /** With a limit: buy what fits under it instead of failing. */
  readonly allowPartial: boolean;
}

export function addStake(ctx: Ctx, coldkey: AccountId, a: AddStakeArgs): void {
  const s = ctx.state;
  const { netuid, hotkey } = a;
  ensureStakeable(s, netuid);
  const pool = poolOf(s, netuid);
  const minStake = ctx.params.defaultMinStake;
  const minAmount = addStakeMinAmount(minStake, pool.feeRate);
  if (isDynamic(pool)) {
    ensureAmounts(
      a.amount <= pool.tao * 1000n,
      'InsufficientLiquidity',
      () => ({ most: [taoAmount(pool.tao * 1000n), 'down'] }),
      (t) => `at most ${t.most} per stake on this pool`,
    );
  }
  ensureAmounts(
    a.amount >= minAmount,
    'AmountTooLow',
    () => ({ least: [taoAmount(minAmount), 'up'] }),
    (t) => `stake at least ${t.least}`,
  );
  const free = freeBalance(s, coldkey);
  ensureAmounts(
    free >= a.amount,
    'NotEnoughBalanceToStake',
    () => ({ free: [taoAmount(free), 'down'], needed: [taoAmount(a.amount), 'up'] }),
    (t) => `free balance is ${t.free}, needs ${t.needed}`,
  );
  ensureHotkeyExists(s, hotkey);
  let amount = a.amount;
  if (a.limitPrice !== null) {
    const max = maxAmountAdd(pool, a.limitPrice);
    if (a.allowPartial) amount = amount < max ? amount : max;
    else
      ensureAmounts(
        amount <= max,
        'SlippageTooHigh',
        () => ({ most: [taoAmount(max), 'down'], requested: [taoAmount(amount), 'up'] }),
        (t) => `at most ${t.most} of your ${t.requested} can be staked at or below your limit price`,
      );
  }
  const sim = swapQuote(pool, 'buy', amount, { limitPriceRao: a.limitPrice });
  ensureAmounts(
    sim.paidIn >= minStake,
    'AmountTooLow',
    () => ({ paidIn: [taoAmount(sim.paidIn), 'down'], least: [taoAmount(minStake), 'up'] }),
    (t) => `only ${t.paidIn} would reach the pool; the minimum is ${t.least}`,
  );
  ensure(sim.paidOut > 0n, 'InsufficientLiquidity', 'the pool would give no alpha for this amount');
  ensure(
    canMoveStake(s, hotkey, coldkey, netuid, sim.paidOut),
    'InsufficientLiquidity',
    'the amount buys less than one share',
  );

  stakeIntoSubnet(ctx, coldkey, hotkey, netuid, amount, a.limitPrice);
}

/**
 * The booking half of a stake, after the checks: TAO leaves the coldkey (keeping the existential
 * deposit behind, as in the reference), buys alpha, and the alpha joins the hotkey's pool.
 * Returns the alpha bought.
 */
export function stakeIntoSubnet(
  ctx: Ctx,
  coldkey: AccountId,
  hotkey: AccountId,
  netuid: number,
  tao: bigint,
  limitPrice: bigint | null,
): bigint {
  const s = ctx.state;
  const free = freeBalance(s, coldkey);
  const ed = ctx.params.existentialDeposit;
  const keepAlive = free > ed ? free - ed : 0n;
  const amount = tao < keepAlive ? tao : keepAlive;
  ensureAmounts(
    amount > 0n,
    'InsufficientBalance',
    () => ({ free: [taoAmount(free), 'down'], ed: [taoAmount(ed), 'up'] }),
    (t) => `staking keeps the existential deposit (${t.ed}) on the coldkey; free balance is ${t.free}`,
  );
  debit(s, coldkey, amount, 'NotEnoughBalanceToStake');
  const q = buyAlpha(ctx, netuid, amount, { limitPriceRao: limitPrice, flow: 'user' });
  if (q.unspent > 0n) credit(s, coldkey, q.unspent);
  ensure(q.paidOut > 0n, 'AmountTooLow', 'the stake buys no alpha');
  ensure(
    canMoveStake(s, hotkey, coldkey, netuid, q.paidOut),
    'InsufficientLiquidity',
    'the stake buys less than one share',
  );
  increaseStake(s, hotkey, coldkey, netuid, q.paidOut);
  ctx.emit(event('StakeAdded', { coldkey, hotkey, netuid, tao: q.paidIn + q.fee, alpha: q.paidOut, fee: q.fee }));
  return q.paidOut;
}
