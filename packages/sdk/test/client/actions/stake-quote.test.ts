import { describe, expect, it } from 'vitest';
import { stakeQuoteOf } from '../../../src/client/actions/stake-quote.js';
import { ONE } from '../fixtures.js';

const reply = {
  netuid: 1,
  side: 'buy' as const,
  amount: '100',
  paidIn: '100',
  paidOut: '50',
  fee: '1',
  priceBefore: ONE.toString(),
  priceAfter: ONE.toString(),
};

describe('stakeQuoteOf', () => {
  it('reads the trade from the request, not from what the reply echoes', () => {
    const q = stakeQuoteOf({ netuid: 1, side: 'buy', amount: 100n }, { ...reply, amount: '999' }, 'α', {});
    expect(q.amountIn.rao).toBe(100n);
  });

  it('has no price impact on an unmoved or empty pool', () => {
    expect(stakeQuoteOf({ netuid: 1, side: 'buy', amount: 100n }, reply, 'α', {}).priceImpact).toBe(0);
    const empty = { ...reply, priceBefore: '0', priceAfter: '5' };
    expect(stakeQuoteOf({ netuid: 1, side: 'buy', amount: 100n }, empty, 'α', {}).priceImpact).toBe(0);
  });

  it('defaults to a 0.5% tolerance', () => {
    expect(stakeQuoteOf({ netuid: 1, side: 'buy', amount: 100n }, reply, 'α', {}).limitPrice).toBe(1_005_000_000n);
    expect(stakeQuoteOf({ netuid: 1, side: 'sell', amount: 100n }, reply, 'α', {}).limitPrice).toBe(995_000_000n);
  });
});
