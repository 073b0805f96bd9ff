/**
 * A quote of a stake (buy alpha with TAO) or unstake (sell alpha for TAO) at the pool's current
 * state, with the limit price and least output a tolerance allows. `quoteStake`/`quoteUnstake`
 * are the actions; this is the arithmetic they share.
 */
import type { SwapQuoteReply } from '@taonet/primitives';
import { SdkError } from '../../errors.js';
import { Alpha, Price, Tao } from '../../units/balance.js';
import { type ChainClient, request } from '../chain-client.js';
import { big } from '../decode.js';
import type { StakeQuote } from '../types.js';
import { subnet } from './subnet.js';

export interface StakeOptions {
  /** Accepted price move, as a fraction (default 0.005 = 0.5%). */
  readonly tolerance?: number;
  /** Fill what fits under the limit instead of failing (default false). */
  readonly allowPartial?: boolean;
  /** An explicit limit price in rao per alpha (overrides the tolerance). */
  readonly limitPrice?: bigint;
}

/** Tolerances are applied in millionths so the limit stays integer arithmetic. */
const TOLERANCE_SCALE = 1_000_000n;

/** Throws SdkError `InvalidTolerance` outside [0, 10). */
function toleranceParts(t: number): bigint {
  if (!(t >= 0 && t < 10))
    throw new SdkError('InvalidTolerance', `tolerance ${t} is out of range`, 'use a fraction such as 0.005 for 0.5%');
  return BigInt(Math.round(t * 1_000_000));
}

/** Spot plus (buy) or minus (sell) the tolerance, in rao per alpha. */
function limitFor(side: 'buy' | 'sell', spotRao: bigint, tol: bigint): bigint {
  const f = side === 'buy' ? TOLERANCE_SCALE + tol : TOLERANCE_SCALE - tol;
  return (spotRao * f) / TOLERANCE_SCALE;
}

/** What was asked to be quoted: the node's reply is read against the request, not trusted to echo it. */
export interface SwapRequest {
  readonly netuid: number;
  readonly side: 'buy' | 'sell';
  readonly amount: bigint;
}

/** Turns the node's swap simulation into a typed quote for `opts`. */
export function stakeQuoteOf(q: SwapRequest, r: SwapQuoteReply, symbol: string, opts: StakeOptions): StakeQuote {
  const { netuid, side, amount } = q;
  const paidOut = big(r.paidOut);
  const before = new Price(big(r.priceBefore), netuid);
  const after = new Price(big(r.priceAfter), netuid);
  const tol = toleranceParts(opts.tolerance ?? 0.005);
  const limitPrice = opts.limitPrice ?? limitFor(side, before.raoPerAlpha(), tol);
  const impact = before.raw === 0n ? 0 : Math.abs(Number(((after.raw - before.raw) * 1_000_000n) / before.raw)) / 1e6;
  const minOut = (paidOut * (TOLERANCE_SCALE - tol)) / TOLERANCE_SCALE;
  const common = { netuid, priceBefore: before, priceAfter: after, priceImpact: impact, limitPrice };
  return side === 'buy'
    ? {
        ...common,
        side,
        amountIn: new Tao(amount),
        expectedOut: new Alpha(paidOut, netuid, symbol),
        fee: new Tao(big(r.fee)),
        minimumOut: new Alpha(minOut, netuid, symbol),
      }
    : {
        ...common,
        side,
        amountIn: new Alpha(amount, netuid, symbol),
        expectedOut: new Tao(paidOut),
        fee: new Alpha(big(r.fee), netuid, symbol),
        minimumOut: new Tao(minOut),
      };
}

/** Asks the node to simulate the swap and types the answer. */
export async function quoteSwap(
  client: ChainClient,
  netuid: number,
  side: 'buy' | 'sell',
  amount: bigint,
  opts: StakeOptions,
): Promise<StakeQuote> {
  const r = await request(client, 'taonet_simSwap', [netuid, side, amount.toString()]);
  const symbol = (await subnet(client, netuid))?.symbol ?? 'α';
  return stakeQuoteOf({ netuid, side, amount }, r, symbol, opts);
}
