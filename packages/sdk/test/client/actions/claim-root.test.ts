import { describe, expect, it } from 'vitest';
import { claimRoot } from '../../../src/client/actions/claim-root.js';
import { keypairFromUri, keypairSigner, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const alice = keypairSigner(keypairFromUri('//Alice'));
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);

describe('claimRoot', () => {
  it('signs the call it names and returns the block result', async () => {
    const node = new ScriptedNode();
    const r = await claimRoot(node, alice, { netuids: [1, 2] });
    expect(node.sent).toEqual({ method: 'claim_root', args: { netuids: [1, 2] } });
    expect(node.submitted[0]?.signer).toBe(hex(alice));
    expect(r.ok).toBe(true);
    expect(r.blockNumber).toBe(101n);
  });
});
