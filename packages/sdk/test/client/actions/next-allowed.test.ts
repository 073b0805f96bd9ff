import { describe, expect, it } from 'vitest';
import { nextAllowed } from '../../../src/client/actions/next-allowed.js';
import { keypairFromUri, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

describe('nextAllowed', () => {
  it('asks by public key and types the blocks', async () => {
    const hot = keypairFromUri('//hot');
    const node = new ScriptedNode({
      taonet_nextAllowed: (p) => ({ netuid: p[0], hotkey: p[1], registered: true, weights: '120', serve: '50' }),
    });
    expect(await nextAllowed(node, { netuid: 2, hotkey: hot.ss58Address })).toEqual({
      registered: true,
      weights: 120n,
      serve: 50n,
    });
    expect(node.calls[0]?.params).toEqual([2, toHex(hot.publicKey)]);
  });

  it('keeps a null weights block for an unregistered hotkey', async () => {
    const node = new ScriptedNode({
      taonet_nextAllowed: () => ({ netuid: 2, hotkey: '0x', registered: false, weights: null, serve: '0' }),
    });
    expect((await nextAllowed(node, { netuid: 2, hotkey: `0x${'22'.repeat(32)}` })).weights).toBeNull();
  });
});
