/**
 * One swap against a pool, as the chain quotes it: pre-checks in the pallet's order, then a single
 * swap step that either fills in full or stops exactly at the limit price. Pure: the reserves are
 * not changed, the caller applies the result.
 */
import { alphaOutForTao, baseDeltaIn, quoteDeltaIn, taoOutForAlpha } from './balancer.js';
import {
  DEFAULT_MAX_PRICE_RAO,
  DEFAULT_MIN_PRICE_RAO,
  isDynamic,
  limitPriceFromRao,
  type Pool,
  type SwapSide,
} from './pool.js';
import { spotPrice } from './spot-price.js';
import { SwapError } from './swap-error.js';
import { partialFillFee, swapFee } from './swap-fee.js';

export interface SwapQuote {
  /** Input that reached the pool (fee excluded). */
  readonly paidIn: bigint;
  readonly paidOut: bigint;
  /** Fee taken from the input; it goes to the block author. */
  readonly fee: bigint;
}

export interface SwapOptions {
  /** Limit price in rao per alpha; null for the default (any price). */
  readonly limitPriceRao?: bigint | null;
  /** Protocol swaps (chain buys) pay no fee. */
  readonly dropFees?: boolean;
  /** A simulation skips the final liquidity check that a real swap makes. Defaults to true. */
  readonly simulate?: boolean;
}

/** Output of `deltaIn` through the pool, in the swap's direction. */
function convert(isBuy: boolean, tao: bigint, alpha: bigint, wQuote: bigint, deltaIn: bigint): bigint {
  return isBuy ? alphaOutForTao(tao, alpha, wQuote, deltaIn) : taoOutForAlpha(tao, alpha, wQuote, deltaIn);
}

/** The most input a swap may bring, as a multiple of the reserve it goes into. */
const MAX_INPUT_MULTIPLE = 1000n;

export function swapQuote(pool: Pool, side: SwapSide, amount: bigint, options: SwapOptions = {}): SwapQuote {
  const dropFees = options.dropFees ?? false;
  const simulate = options.simulate ?? true;
  const isBuy = side === 'buy';
  // Stable subnets convert 1:1 with no fee and no pool.
  if (!isDynamic(pool)) return { paidIn: amount, paidOut: amount, fee: 0n };

  const { tao, alpha, wQuote } = pool;
  const fee = dropFees ? 0n : swapFee(amount, pool.feeRate);
  const net = amount - fee;
  const inputReserve = isBuy ? tao : alpha;
  const outputReserve = isBuy ? alpha : tao;
  if (net > inputReserve * MAX_INPUT_MULTIPLE) throw new SwapError('SwapInputTooLarge');
  if (outputReserve < pool.minReserve) throw new SwapError('ReservesTooLow');

  const limitRao = options.limitPriceRao ?? (isBuy ? DEFAULT_MAX_PRICE_RAO : DEFAULT_MIN_PRICE_RAO);
  const limit = limitPriceFromRao(limitRao);
  const current = spotPrice(tao, alpha, wQuote);
  if (isBuy ? current >= limit : current <= limit) throw new SwapError('PriceLimitExceeded');

  const fullOut = convert(isBuy, tao, alpha, wQuote, net);
  const target = isBuy ? spotPrice(tao + net, alpha - fullOut, wQuote) : spotPrice(tao - fullOut, alpha + net, wQuote);
  const crosses = isBuy ? target > limit : target < limit;

  let paidIn = net;
  let paidOut = fullOut;
  let feePaid = fee;
  if (crosses) {
    paidIn = isBuy ? quoteDeltaIn(wQuote, current, limit, tao) : baseDeltaIn(wQuote, current, limit, alpha);
    feePaid = dropFees ? 0n : partialFillFee(paidIn, pool.feeRate);
    paidOut = convert(isBuy, tao, alpha, wQuote, paidIn);
  }
  if (paidIn > 0n && paidOut === 0n) throw new SwapError('ReservesTooLow');
  if (!simulate && paidOut > outputReserve) throw new SwapError('InsufficientLiquidity');
  return { paidIn, paidOut, fee: feePaid };
}
