import { describe, expect, it } from 'vitest';
import { swapHotkey } from '../../../src/client/actions/swap-hotkey.js';
import { keypairFromUri, keypairSigner, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const cold = keypairSigner(keypairFromUri('//Alice'));
const hot = keypairFromUri('//Bob');
const other = keypairFromUri('//Charlie');
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);

describe('swapHotkey', () => {
  it('signs the call it names with hex accounts', async () => {
    const node = new ScriptedNode();
    const r = await swapHotkey(node, cold, { hotkey: hot.ss58Address, newHotkey: other.ss58Address, netuid: 4 });
    expect(node.sent).toEqual({ method: 'swap_hotkey', args: { hotkey: hex(hot), newHotkey: hex(other), netuid: 4 } });
    expect(node.submitted[0]?.signer).toBe(hex(cold));
    expect(r.ok).toBe(true);
  });

  it('swaps on every subnet when no netuid is given', async () => {
    const node = new ScriptedNode();
    await swapHotkey(node, cold, { hotkey: hot.ss58Address, newHotkey: other.ss58Address });
    expect(node.sent).toEqual({ method: 'swap_hotkey', args: { hotkey: hex(hot), newHotkey: hex(other) } });
  });
});
