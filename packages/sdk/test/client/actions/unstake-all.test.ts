import { describe, expect, it } from 'vitest';
import { unstakeAll } from '../../../src/client/actions/unstake-all.js';
import { keypairFromUri, keypairSigner, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const alice = keypairSigner(keypairFromUri('//Alice'));
const bob = keypairFromUri('//Bob');
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);

describe('unstakeAll', () => {
  it('signs the call it names and returns the block result', async () => {
    const node = new ScriptedNode();
    const r = await unstakeAll(node, alice, { hotkey: bob.ss58Address });
    expect(node.sent).toEqual({ method: 'unstake_all', args: { hotkey: hex(bob) } });
    expect(node.submitted[0]?.signer).toBe(hex(alice));
    expect(r.ok).toBe(true);
    expect(r.blockNumber).toBe(101n);
  });
});
