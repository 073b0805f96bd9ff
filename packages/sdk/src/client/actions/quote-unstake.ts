import type { SdkError } from '../../errors.js';
import type { Alpha } from '../../units/balance.js';
import type { ChainClient } from '../chain-client.js';
import type { StakeQuote } from '../types.js';
import { quoteSwap, type StakeOptions } from './stake-quote.js';

export interface QuoteUnstakeParameters extends StakeOptions {
  readonly netuid: number;
  /** Alpha to unstake, fee included. */
  readonly amount: Alpha;
}
export type QuoteUnstakeResult = StakeQuote;
/** Thrown: SdkError `InvalidTolerance`; RpcCallError `SubnetNotExists` or an amount out of range. */
export type QuoteUnstakeError = SdkError;

/**
 * Quotes an unstake of `amount` alpha from `netuid`. Pass it to `removeStake` to send its limit.
 *
 * @example
 * const q = await quoteUnstake(st, { netuid: 1, amount: Alpha.of('5', 1) });
 * console.log(q.expectedOut.format(), q.minimumOut.format());
 */
export function quoteUnstake(client: ChainClient, a: QuoteUnstakeParameters): Promise<QuoteUnstakeResult> {
  return quoteSwap(client, a.netuid, 'sell', a.amount.rao, a);
}
