import { describe, expect, it } from 'vitest';
import { quoteStake } from '../../../src/client/actions/quote-stake.js';
import { quoteForTrade } from '../../../src/client/actions/stake-limit.js';
import { Tao } from '../../../src/index.js';
import { swapNode } from '../swap-node.js';

describe('quoteForTrade', () => {
  it('uses the shown quote as is, without asking the node again', async () => {
    const node = swapNode();
    const shown = await quoteStake(node, { netuid: 3, amount: Tao.of('1') });
    const before = node.calls.length;
    expect(await quoteForTrade(node, { netuid: 3, side: 'buy', amount: 1_000_000_000n, quote: shown })).toBe(shown);
    expect(node.calls.length).toBe(before);
  });

  it('quotes afresh when no quote is given', async () => {
    const node = swapNode();
    const q = await quoteForTrade(node, { netuid: 3, side: 'buy', amount: 5n, tolerance: 0.01 });
    expect(q.amountIn.rao).toBe(5n);
    expect(node.calls.some((c) => c.method === 'taonet_simSwap')).toBe(true);
  });

  it('refuses a quote made for another trade', async () => {
    const node = swapNode();
    const shown = await quoteStake(node, { netuid: 3, amount: Tao.of('1') });
    for (const r of [
      { netuid: 4, side: 'buy' as const, amount: 1_000_000_000n },
      { netuid: 3, side: 'sell' as const, amount: 1_000_000_000n },
      { netuid: 3, side: 'buy' as const, amount: 2_000_000_000n },
    ])
      await expect(quoteForTrade(node, { ...r, quote: shown })).rejects.toMatchObject({ code: 'QuoteMismatch' });
  });
});
