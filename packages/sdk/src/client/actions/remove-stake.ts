import type { SdkError } from '../../errors.js';
import type { Alpha } from '../../units/balance.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import type { SubmitOptions } from '../submit.js';
import type { StakeQuote, TxResult } from '../types.js';
import type { StakeOptions } from './stake-quote.js';
import { submitLimitTrade } from './stake-limit.js';

export interface RemoveStakeParameters extends StakeOptions {
  /** The hotkey unstaked from (SS58 or 0x hex). */
  readonly hotkey: string;
  readonly netuid: number;
  /** Alpha to unstake, fee included. */
  readonly amount: Alpha;
  /** The quote shown to the user (from `quoteUnstake`): its limit price is sent, nothing is re-quoted. */
  readonly quote?: StakeQuote;
}
export interface RemoveStakeResult {
  readonly quote: StakeQuote;
  readonly result: TxResult;
}
/** Thrown: SdkError `QuoteMismatch`, `InvalidTolerance`, `InvalidAddress`. Chain refusals come back in `result`. */
export type RemoveStakeError = SdkError;

/**
 * Unstakes alpha for TAO with a limit price: the shown quote's, or a fresh quote's.
 *
 * @example
 * const { quote, result } = await removeStake(st, alice, { hotkey, netuid: 1, amount: Alpha.of('5', 1) });
 */
export async function removeStake(
  client: ChainClient,
  signer: Signer,
  a: RemoveStakeParameters,
  o?: SubmitOptions,
): Promise<RemoveStakeResult> {
  return submitLimitTrade(client, signer, { ...a, method: 'remove_stake', side: 'sell', amount: a.amount.rao }, o);
}
