import { describe, expect, it } from 'vitest';
import { addStake } from '../../../src/client/actions/add-stake.js';
import { quoteStake } from '../../../src/client/actions/quote-stake.js';
import { keypairFromUri, keypairSigner, Tao, toHex } from '../../../src/index.js';
import { swapNode } from '../swap-node.js';

const alice = keypairSigner(keypairFromUri('//Alice'));
const hot = keypairFromUri('//hot');

describe('addStake', () => {
  it('sends the limit price of the quote the user was shown, even after the pool moved', async () => {
    const node = swapNode();
    const shown = await quoteStake(node, { netuid: 3, amount: Tao.of('1'), tolerance: 0.01 });
    // The pool moves (another quote, as another trader's would), so a fresh quote would differ.
    const fresh = await quoteStake(node, { netuid: 3, amount: Tao.of('1'), tolerance: 0.01 });
    expect(fresh.limitPrice).not.toBe(shown.limitPrice);
    const simSwaps = node.calls.filter((c) => c.method === 'taonet_simSwap').length;
    const { quote, result } = await addStake(node, alice, {
      hotkey: hot.ss58Address,
      netuid: 3,
      amount: Tao.of('1'),
      quote: shown,
    });
    expect(quote).toBe(shown);
    expect(node.calls.filter((c) => c.method === 'taonet_simSwap').length).toBe(simSwaps);
    expect(node.sent).toEqual({
      method: 'add_stake',
      args: {
        hotkey: toHex(hot.publicKey),
        netuid: 3,
        amount: 1_000_000_000n,
        limitPrice: shown.limitPrice,
        allowPartial: false,
      },
    });
    expect(result.ok).toBe(true);
  });

  it('quotes itself when not given a quote, and sends that limit', async () => {
    const node = swapNode();
    const { quote } = await addStake(node, alice, {
      hotkey: hot.ss58Address,
      netuid: 3,
      amount: Tao.of('2'),
      tolerance: 0.02,
      allowPartial: true,
    });
    expect(quote.limitPrice).toBe(2_040_000_000n);
    expect(node.sent.args).toMatchObject({ limitPrice: 2_040_000_000n, allowPartial: true });
  });

  it('refuses a shown quote for a different amount and sends nothing', async () => {
    const node = swapNode();
    const shown = await quoteStake(node, { netuid: 3, amount: Tao.of('1') });
    await expect(
      addStake(node, alice, { hotkey: hot.ss58Address, netuid: 3, amount: Tao.of('3'), quote: shown }),
    ).rejects.toMatchObject({ code: 'QuoteMismatch' });
    expect(node.submitted).toEqual([]);
  });
});
