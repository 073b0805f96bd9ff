import { describe, expect, it } from 'vitest';
import { quoteUnstake } from '../../../src/client/actions/quote-unstake.js';
import { Alpha, Tao } from '../../../src/index.js';
import { swapNode } from '../swap-node.js';

describe('quoteUnstake', () => {
  it('quotes TAO out and a limit below spot by the tolerance', async () => {
    const node = swapNode();
    const q = await quoteUnstake(node, { netuid: 3, amount: Alpha.of('1', 3), tolerance: 0.05 });
    expect(node.calls.find((c) => c.method === 'taonet_simSwap')?.params).toEqual([3, 'sell', '1000000000']);
    expect(q.side).toBe('sell');
    expect(q.amountIn).toEqual(new Alpha(1_000_000_000n, 3, 'γ'));
    expect(q.expectedOut).toEqual(new Tao(1_960_000_000n));
    expect(q.fee).toBeInstanceOf(Alpha);
    expect(q.limitPrice).toBe(1_900_000_000n);
    expect(q.minimumOut.rao).toBe(1_862_000_000n);
  });
});
