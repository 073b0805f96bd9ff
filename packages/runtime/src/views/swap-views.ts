/** What a stake or unstake would get from a subnet's pool now, without executing it. */
import { RuntimeError } from '../errors.js';
import type { State } from '../state/state.js';
import { Hyperparameters } from '../subnets/storage.js';
import { currentPrice, poolOf } from '../swap/pool-state.js';
import { spotPrice } from '../swap/spot-price.js';
import type { SwapSide } from '../swap/pool.js';
import { swapQuote } from '../swap/swap-quote.js';

export interface SwapSimulation {
  readonly netuid: number;
  readonly side: SwapSide;
  /** TAO in (buy) or alpha in (sell), in rao. */
  readonly amount: bigint;
  readonly paidIn: bigint;
  readonly paidOut: bigint;
  readonly fee: bigint;
  /** Spot prices (U64F64 raw) before and after the swap. */
  readonly priceBefore: bigint;
  readonly priceAfter: bigint;
}

/** Quotes a buy (TAO in) or sell (alpha in) on `netuid`'s pool; throws SubnetNotExists. */
export function simSwap(s: State, netuid: number, side: SwapSide, amount: bigint): SwapSimulation {
  if (s.get(Hyperparameters, netuid) === null) throw new RuntimeError('SubnetNotExists', `no subnet ${netuid}`);
  const pool = poolOf(s, netuid);
  const q = swapQuote(pool, side, amount, {});
  const [tao, alpha] =
    side === 'buy' ? [pool.tao + q.paidIn, pool.alpha - q.paidOut] : [pool.tao - q.paidOut, pool.alpha + q.paidIn];
  return {
    netuid,
    side,
    amount,
    paidIn: q.paidIn,
    paidOut: q.paidOut,
    fee: q.fee,
    priceBefore: currentPrice(s, netuid),
    priceAfter: spotPrice(tao, alpha, pool.wQuote, pool.mechanism),
  };
}

/**
 * What `amount` would fetch at `netuid`'s spot price, with no slippage and no fee (rao): the
 * baseline subtensor's swap simulation measures slippage against. 0 for a subnet that does not exist.
 */
export function amountAtSpot(s: State, netuid: number, side: SwapSide, amount: bigint): bigint {
  if (s.get(Hyperparameters, netuid) === null) return 0n;
  const price = currentPrice(s, netuid);
  if (side === 'sell') return (amount * price) >> 64n;
  return price === 0n ? 0n : (amount << 64n) / price;
}
