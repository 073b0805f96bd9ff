import { describe, expect, it } from 'vitest';
import { register } from '../../../src/client/actions/register.js';
import { keypairFromUri, keypairSigner, Tao, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const alice = keypairSigner(keypairFromUri('//Alice'));
const bob = keypairFromUri('//Bob');
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);

describe('register', () => {
  it('signs the call it names and returns the block result', async () => {
    const node = new ScriptedNode();
    const r = await register(node, alice, { netuid: 2, hotkey: bob.ss58Address, maxPrice: Tao.of('1') });
    expect(node.sent).toEqual({
      method: 'burned_register',
      args: { netuid: 2, hotkey: hex(bob), limitPrice: 1_000_000_000n },
    });
    expect(node.submitted[0]?.signer).toBe(hex(alice));
    expect(r.ok).toBe(true);
    expect(r.blockNumber).toBe(101n);
  });

  it('uses root registration on netuid 0', async () => {
    const node = new ScriptedNode();
    await register(node, alice, { netuid: 0, hotkey: bob.ss58Address });
    expect(node.sent).toEqual({ method: 'root_register', args: { hotkey: hex(bob) } });
  });
});
