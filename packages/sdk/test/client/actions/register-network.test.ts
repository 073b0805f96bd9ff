import { describe, expect, it } from 'vitest';
import { registerNetwork } from '../../../src/client/actions/register-network.js';
import { keypairFromUri, keypairSigner, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const alice = keypairSigner(keypairFromUri('//Alice'));
const bob = keypairFromUri('//Bob');
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);

describe('registerNetwork', () => {
  it('signs the call it names and returns the block result', async () => {
    const node = new ScriptedNode();
    const r = await registerNetwork(node, alice, { hotkey: bob.ss58Address, identity: { name: 'x' } });
    // Subtensor's SubnetIdentity has every field on the wire: the unset ones arrive empty.
    const empty = { url: '', github: '', discord: '', description: '', logoUrl: '', additional: '', contact: '' };
    expect(node.sent).toEqual({
      method: 'register_network',
      args: { hotkey: hex(bob), identity: { ...empty, name: 'x' } },
    });
    expect(node.submitted[0]?.signer).toBe(hex(alice));
    expect(r.ok).toBe(true);
    expect(r.blockNumber).toBe(101n);
  });
});
