import { describe, expect, it } from 'vitest';
import { quoteUnstake } from '../../../src/client/actions/quote-unstake.js';
import { removeStake } from '../../../src/client/actions/remove-stake.js';
import { Alpha, keypairFromUri, keypairSigner, toHex } from '../../../src/index.js';
import { swapNode } from '../swap-node.js';

const alice = keypairSigner(keypairFromUri('//Alice'));
const hot = keypairFromUri('//hot');

describe('removeStake', () => {
  it('sends the shown quote’s limit without quoting again', async () => {
    const node = swapNode();
    const shown = await quoteUnstake(node, { netuid: 3, amount: Alpha.of('1', 3), tolerance: 0.05 });
    const { quote, result } = await removeStake(node, alice, {
      hotkey: hot.ss58Address,
      netuid: 3,
      amount: Alpha.of('1', 3),
      quote: shown,
    });
    expect(quote).toBe(shown);
    expect(node.calls.filter((c) => c.method === 'taonet_simSwap').length).toBe(1);
    expect(node.sent).toEqual({
      method: 'remove_stake',
      args: {
        hotkey: toHex(hot.publicKey),
        netuid: 3,
        amount: 1_000_000_000n,
        limitPrice: 1_900_000_000n,
        allowPartial: false,
      },
    });
    expect(result.ok).toBe(true);
  });

  it('quotes afresh without a quote', async () => {
    const node = swapNode();
    const { quote } = await removeStake(node, alice, { hotkey: hot.ss58Address, netuid: 3, amount: Alpha.of('2', 3) });
    expect(quote.side).toBe('sell');
    expect(node.sent.args.limitPrice).toBe(quote.limitPrice);
  });
});
