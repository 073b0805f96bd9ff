import type { SdkError } from '../../errors.js';
import type { Tao } from '../../units/balance.js';
import type { ChainClient } from '../chain-client.js';
import type { StakeQuote } from '../types.js';
import { quoteSwap, type StakeOptions } from './stake-quote.js';

export interface QuoteStakeParameters extends StakeOptions {
  readonly netuid: number;
  /** TAO to stake, fee included. */
  readonly amount: Tao;
}
export type QuoteStakeResult = StakeQuote;
/** Thrown: SdkError `InvalidTolerance`; RpcCallError `SubnetNotExists` or an amount out of range. */
export type QuoteStakeError = SdkError;

/**
 * Quotes a stake of `amount` TAO into `netuid` and the limit price for `tolerance`. Show it, then
 * pass it to `addStake` so the limit sent is the one shown.
 *
 * @example
 * const q = await quoteStake(st, { netuid: 1, amount: Tao.of('10'), tolerance: 0.01 });
 * console.log(q.expectedOut.format(), q.limitPrice);
 */
export function quoteStake(client: ChainClient, a: QuoteStakeParameters): Promise<QuoteStakeResult> {
  return quoteSwap(client, a.netuid, 'buy', a.amount.rao, a);
}
