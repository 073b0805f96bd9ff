import { describe, expect, it } from 'vitest';
import { coldkeySwapStatus } from '../../../src/client/actions/coldkey-swap-status.js';
import { keypairFromUri, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const cold = keypairFromUri('//Alice');

describe('coldkeySwapStatus', () => {
  it('types the announcement and counts the blocks left from the head', async () => {
    const node = new ScriptedNode({
      taonet_coldkeySwap: (p) => ({
        coldkey: p[0],
        announcement: { when: '150', newColdkeyHash: `0x${'ab'.repeat(32)}` },
        disputedAt: null,
        block: '120',
        lastHotkeySwap: '0',
      }),
    });
    const s = await coldkeySwapStatus(node, { coldkey: cold.ss58Address });
    expect(node.calls[0]?.params).toEqual([toHex(cold.publicKey)]);
    expect(s.announcement).toEqual({ when: 150n, newColdkeyHash: `0x${'ab'.repeat(32)}`, blocksLeft: 30n });
    expect(s.disputedAt).toBeNull();
  });

  it('null without an announcement; 0 blocks left once the delay has passed', async () => {
    const none = new ScriptedNode({
      taonet_coldkeySwap: (p) => ({
        coldkey: p[0],
        announcement: null,
        disputedAt: '5',
        block: '9',
        lastHotkeySwap: '3',
      }),
    });
    const s = await coldkeySwapStatus(none, { coldkey: cold.ss58Address });
    expect(s).toEqual({ announcement: null, disputedAt: 5n, block: 9n, lastHotkeySwap: 3n });
    const due = new ScriptedNode({
      taonet_coldkeySwap: (p) => ({
        coldkey: p[0],
        announcement: { when: '10', newColdkeyHash: '0x00' },
        disputedAt: null,
        block: '12',
        lastHotkeySwap: '0',
      }),
    });
    expect((await coldkeySwapStatus(due, { coldkey: cold.ss58Address })).announcement?.blocksLeft).toBe(0n);
  });
});
