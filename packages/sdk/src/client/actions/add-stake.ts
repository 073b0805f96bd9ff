import type { SdkError } from '../../errors.js';
import type { Tao } from '../../units/balance.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { StakeQuote, TxResult } from '../types.js';
import type { StakeOptions } from './stake-quote.js';
import { quoteForTrade } from './stake-limit.js';

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
  const quote = await quoteForTrade(client, { ...a, side: 'buy', amount: a.amount.rao });
  const result = await submit(
    client,
    signer,
    {
      method: 'add_stake',
      args: {
        hotkey: toAccountHex(a.hotkey),
        netuid: a.netuid,
        amount: a.amount.rao,
        limitPrice: quote.limitPrice,
        allowPartial: a.allowPartial ?? false,
      },
    },
    o,
  );
  return { quote, result };
}
