import type { SdkError } from '../../errors.js';
import type { Tao } from '../../units/balance.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import type { SubmitOptions } from '../submit.js';
import type { StakeQuote, TxResult } from '../types.js';
import type { StakeOptions } from './stake-quote.js';
import { submitLimitTrade } from './stake-limit.js';

export interface AddStakeParameters extends StakeOptions {
  /** The hotkey staked to (SS58 or 0x hex). */
  readonly hotkey: string;
  readonly netuid: number;
  /** TAO to stake, fee included. */
  readonly amount: Tao;
  /** The quote shown to the user (from `quoteStake`): its limit price is sent, nothing is re-quoted. */
  readonly quote?: StakeQuote;
}
export interface AddStakeResult {
  /** The quote whose limit price was sent. */
  readonly quote: StakeQuote;
  readonly result: TxResult;
}
/**
 * Thrown: SdkError `QuoteMismatch` (the quote is for another trade), `InvalidTolerance`,
 * `InvalidAddress`. Chain refusals (e.g. `SlippageTooHigh`, `PriceLimitExceeded`) come back in `result`.
 */
export type AddStakeError = SdkError;

/**
 * Stakes TAO on a hotkey in a subnet with a limit price: the shown quote's, or a fresh quote's.
 *
 * @example
 * const quote = await quoteStake(st, { netuid: 1, amount: Tao.of('10') });
 * if (await confirm(quote)) await addStake(st, alice, { hotkey, netuid: 1, amount: Tao.of('10'), quote });
 */
export async function addStake(
  client: ChainClient,
  signer: Signer,
  a: AddStakeParameters,
  o?: SubmitOptions,
): Promise<AddStakeResult> {
  return submitLimitTrade(client, signer, { ...a, method: 'add_stake', side: 'buy', amount: a.amount.rao }, o);
}
