import { describe, expect, it } from 'vitest';
import { recycleAlpha } from '../../../src/client/actions/recycle-alpha.js';
import { keypairFromUri, keypairSigner, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const cold = keypairSigner(keypairFromUri('//Alice'));
const hot = keypairFromUri('//Bob');
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);

describe('recycleAlpha', () => {
  it('signs the call it names with hex accounts', async () => {
    const node = new ScriptedNode();
    const r = await recycleAlpha(node, cold, { hotkey: hot.ss58Address, netuid: 3, amount: 7n });
    expect(node.sent).toEqual({ method: 'recycle_alpha', args: { hotkey: hex(hot), netuid: 3, amount: 7n } });
    expect(node.submitted[0]?.signer).toBe(hex(cold));
    expect(r.ok).toBe(true);
  });
});
