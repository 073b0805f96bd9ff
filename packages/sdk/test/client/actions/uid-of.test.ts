import { describe, expect, it } from 'vitest';
import { uidOf } from '../../../src/client/actions/uid-of.js';
import { keypairFromUri, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

describe('uidOf', () => {
  it('finds the hotkey in the metagraph column; null when absent or no subnet', async () => {
    const a = keypairFromUri('//a');
    const b = keypairFromUri('//b');
    const node = new ScriptedNode({
      taonet_metagraph: (p) =>
        p[0] === 1 ? { netuid: 1, block: '5', n: 2, hotkeys: [toHex(a.publicKey), toHex(b.publicKey)] } : null,
    });
    expect(await uidOf(node, { netuid: 1, hotkey: b.ss58Address })).toBe(1);
    expect(node.calls[0]?.params).toEqual([1, ['hotkeys']]);
    expect(await uidOf(node, { netuid: 1, hotkey: keypairFromUri('//c').ss58Address })).toBeNull();
    expect(await uidOf(node, { netuid: 9, hotkey: a.ss58Address })).toBeNull();
  });
});
