/**
 * The limit price a stake or unstake sends: the one of a quote the caller already showed (so the
 * user agrees to exactly what is sent), else a fresh quote's. A shown quote for another subnet,
 * side or amount is refused rather than sent with the wrong limit.
 */
import { SdkError } from '../../errors.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { StakeQuote, TxResult } from '../types.js';
import { quoteSwap, type StakeOptions } from './stake-quote.js';

export interface StakeLimitRequest extends StakeOptions {
  readonly netuid: number;
  readonly side: 'buy' | 'sell';
  readonly amount: bigint;
  /** A quote already shown to the user; its limit is sent as is. */
  readonly quote?: StakeQuote;
}

/** Throws SdkError `QuoteMismatch` when `quote` was made for a different trade. */
export async function quoteForTrade(client: ChainClient, r: StakeLimitRequest): Promise<StakeQuote> {
  const q = r.quote;
  if (q === undefined) return quoteSwap(client, r.netuid, r.side, r.amount, r);
  if (q.netuid !== r.netuid || q.side !== r.side || q.amountIn.rao !== r.amount)
    throw new SdkError(
      'QuoteMismatch',
      `the quote is for ${q.side} ${q.amountIn.rao} rao on subnet ${q.netuid}, not ${r.side} ${r.amount} rao on subnet ${r.netuid}`,
      'quote the same subnet and amount you send, or leave the quote out to quote afresh',
    );
  return q;
}

/** A stake trade as `add_stake` and `remove_stake` both take it. */
export interface LimitTrade extends StakeLimitRequest {
  readonly method: 'add_stake' | 'remove_stake';
  readonly hotkey: string;
  readonly allowPartial?: boolean;
}

/** Sends `t` with the limit price of its quote (the shown one, else a fresh one). */
export async function submitLimitTrade(
  client: ChainClient,
  signer: Signer,
  t: LimitTrade,
  o?: SubmitOptions,
): Promise<{ quote: StakeQuote; result: TxResult }> {
  const quote = await quoteForTrade(client, t);
  const args = {
    hotkey: toAccountHex(t.hotkey),
    netuid: t.netuid,
    amount: t.amount,
    limitPrice: quote.limitPrice,
    allowPartial: t.allowPartial ?? false,
  };
  const result = await submit(client, signer, { method: t.method, args }, o);
  return { quote, result };
}
