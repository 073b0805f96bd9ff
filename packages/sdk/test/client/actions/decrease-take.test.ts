import { describe, expect, it } from 'vitest';
import { decreaseTake } from '../../../src/client/actions/decrease-take.js';
import { keypairFromUri, keypairSigner, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const alice = keypairSigner(keypairFromUri('//Alice'));
const bob = keypairFromUri('//Bob');
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);

describe('decreaseTake', () => {
  it('signs the call it names and returns the block result', async () => {
    const node = new ScriptedNode();
    const r = await decreaseTake(node, alice, { hotkey: bob.ss58Address, take: 9_000 });
    expect(node.sent).toEqual({ method: 'decrease_take', args: { hotkey: hex(bob), take: 9_000 } });
    expect(node.submitted[0]?.signer).toBe(hex(alice));
    expect(r.ok).toBe(true);
    expect(r.blockNumber).toBe(101n);
  });
});
