import { describe, expect, it } from 'vitest';
import { disputeColdkeySwap } from '../../../src/client/actions/dispute-coldkey-swap.js';
import { keypairFromUri, keypairSigner, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const cold = keypairSigner(keypairFromUri('//Alice'));
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);

describe('disputeColdkeySwap', () => {
  it('signs the call it names with hex accounts', async () => {
    const node = new ScriptedNode();
    const r = await disputeColdkeySwap(node, cold, {});
    expect(node.sent).toEqual({ method: 'dispute_coldkey_swap', args: {} });
    expect(node.submitted[0]?.signer).toBe(hex(cold));
    expect(r.ok).toBe(true);
  });
});
