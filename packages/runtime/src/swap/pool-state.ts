/**
 * Swaps against a subnet's pool in state. The swap math is pure (swap-quote.ts); this file reads
 * the reserves, runs the quote, and books the result: reserves, alpha in/out, the fee to the block
 * author, and the TaoFlow counters that drive emission shares.
 */
import { payAuthor } from '../balances/author-fee.js';
import { Params } from '../params/storage.js';
import type { State } from '../state/state.js';
import { StakingTotals } from '../staking/totals.js';
import { Hyperparameters, Mechanism, SubnetProtocolFlow, SubnetTaoFlow } from '../subnets/storage.js';
import type { Ctx } from '../system/context.js';
import { DEFAULT_MIN_PRICE_RAO, type Pool } from './pool.js';
import { spotPrice } from './spot-price.js';
import { SubnetAlphaIn, SubnetAlphaOut, SubnetTao, SubnetVolume, SwapQuoteWeight } from './storage.js';
import { type SwapQuote, swapQuote } from './swap-quote.js';

export function poolOf(s: State, netuid: number): Pool {
  return {
    tao: s.get(SubnetTao, netuid),
    alpha: s.get(SubnetAlphaIn, netuid),
    wQuote: s.get(SwapQuoteWeight, netuid),
    feeRate: s.get(Hyperparameters, netuid)?.feeRate ?? 33,
    minReserve: s.value(Params).minimumReserve,
    mechanism: s.get(Mechanism, netuid),
  };
}

/** Spot price of one alpha in TAO, U64F64 raw (1.0 for stable subnets). */
export function currentPrice(s: State, netuid: number): bigint {
  const p = poolOf(s, netuid);
  return spotPrice(p.tao, p.alpha, p.wQuote, p.mechanism);
}

export type FlowKind = 'user' | 'protocol' | 'none';

function recordFlow(s: State, netuid: number, kind: FlowKind, delta: bigint): void {
  if (kind === 'user') s.update(SubnetTaoFlow, netuid, (f) => f + delta);
  else if (kind === 'protocol') s.update(SubnetProtocolFlow, netuid, (f) => f + delta);
}

/**
 * Buys alpha with `tao` that has already left its payer. The pool takes `paidIn`, the author gets
 * the fee (unless `feeToPool`: registration leaves it on the subnet), and whatever the limit left
 * unspent is returned to the caller to refund. Alpha bought moves from alpha-in to alpha-out.
 */
export function buyAlpha(
  ctx: Ctx,
  netuid: number,
  tao: bigint,
  opts: { limitPriceRao?: bigint | null; dropFees?: boolean; flow: FlowKind; feeToSubnet?: (fee: bigint) => void },
): SwapQuote & { unspent: bigint } {
  const s = ctx.state;
  const q = swapQuote(poolOf(s, netuid), 'buy', tao, {
    limitPriceRao: opts.limitPriceRao ?? null,
    dropFees: opts.dropFees ?? false,
    simulate: false,
  });
  // Stable pools (root) keep no alpha reserve: the subtraction saturates at 0 as on chain.
  s.update(SubnetAlphaIn, netuid, (x) => (x > q.paidOut ? x - q.paidOut : 0n));
  s.update(SubnetAlphaOut, netuid, (x) => x + q.paidOut);
  s.update(SubnetTao, netuid, (x) => x + q.paidIn);
  StakingTotals.add(s, q.paidIn + q.fee);
  s.update(SubnetVolume, netuid, (x) => x + q.paidIn + q.fee);
  if (opts.feeToSubnet !== undefined) opts.feeToSubnet(q.fee);
  else payAuthor(ctx, q.fee);
  recordFlow(s, netuid, opts.flow, q.paidIn);
  return { ...q, unspent: tao - q.paidIn - q.fee };
}

/**
 * Sells `alpha` (already debited from its holder's stake) for TAO. The alpha fee is sold again
 * fee-free at the minimum price and its TAO goes to the author; alpha the limit left unsold is
 * returned for the caller to re-credit.
 */
export function sellAlpha(
  ctx: Ctx,
  netuid: number,
  alpha: bigint,
  opts: { limitPriceRao?: bigint | null; dropFees?: boolean; flow: FlowKind },
): SwapQuote & { unsold: bigint; authorTao: bigint } {
  const s = ctx.state;
  const q = swapQuote(poolOf(s, netuid), 'sell', alpha, {
    limitPriceRao: opts.limitPriceRao ?? null,
    dropFees: opts.dropFees ?? false,
    simulate: false,
  });
  s.update(SubnetAlphaIn, netuid, (x) => x + q.paidIn);
  s.update(SubnetAlphaOut, netuid, (x) => x - q.paidIn);
  s.update(SubnetTao, netuid, (x) => x - q.paidOut);
  StakingTotals.add(s, -q.paidOut);
  s.update(SubnetVolume, netuid, (x) => x + q.paidOut);
  let authorTao = 0n;
  if (q.fee > 0n) {
    const f = swapQuote(poolOf(s, netuid), 'sell', q.fee, {
      limitPriceRao: DEFAULT_MIN_PRICE_RAO,
      dropFees: true,
      simulate: false,
    });
    s.update(SubnetAlphaIn, netuid, (x) => x + f.paidIn);
    s.update(SubnetAlphaOut, netuid, (x) => x - f.paidIn);
    s.update(SubnetTao, netuid, (x) => x - f.paidOut);
    StakingTotals.add(s, -f.paidOut);
    authorTao = f.paidOut;
    payAuthor(ctx, authorTao);
  }
  recordFlow(s, netuid, opts.flow, -(q.paidOut + authorTao));
  return { ...q, unsold: alpha - q.paidIn - q.fee, authorTao };
}
