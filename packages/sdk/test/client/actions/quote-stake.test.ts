import { describe, expect, it } from 'vitest';
import { quoteStake } from '../../../src/client/actions/quote-stake.js';
import { Alpha, Tao } from '../../../src/index.js';
import { swapNode } from '../swap-node.js';

describe('quoteStake', () => {
  it('quotes alpha out, a limit above spot by the tolerance and the least output accepted', async () => {
    const node = swapNode();
    const q = await quoteStake(node, { netuid: 3, amount: Tao.of('1'), tolerance: 0.01 });
    expect(node.calls.find((c) => c.method === 'taonet_simSwap')?.params).toEqual([3, 'buy', '1000000000']);
    expect(q.side).toBe('buy');
    expect(q.amountIn).toEqual(new Tao(1_000_000_000n));
    expect(q.expectedOut).toEqual(new Alpha(490_000_000n, 3, 'γ'));
    expect(q.priceBefore.raoPerAlpha()).toBe(2_000_000_000n);
    expect(q.limitPrice).toBe(2_020_000_000n);
    expect(q.minimumOut.rao).toBe(485_100_000n);
    expect(q.priceImpact).toBeCloseTo(0.02, 5);
  });

  it('takes an explicit limit price over the tolerance', async () => {
    const q = await quoteStake(swapNode(), { netuid: 3, amount: Tao.of('1'), limitPrice: 2_500_000_000n });
    expect(q.limitPrice).toBe(2_500_000_000n);
  });

  it('refuses a tolerance out of range', async () => {
    await expect(quoteStake(swapNode(), { netuid: 3, amount: Tao.of('1'), tolerance: -0.1 })).rejects.toMatchObject({
      code: 'InvalidTolerance',
    });
  });
});
