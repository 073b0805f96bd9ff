import { describe, expect, it } from 'vitest';
import { transfer } from '../../../src/client/actions/transfer.js';
import { keypairFromUri, keypairSigner, Tao, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const alice = keypairSigner(keypairFromUri('//Alice'));
const bob = keypairFromUri('//Bob');
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);

describe('transfer', () => {
  it('signs the call it names and returns the block result', async () => {
    const node = new ScriptedNode();
    const r = await transfer(node, alice, { dest: bob.ss58Address, amount: Tao.of('1.5') });
    expect(node.sent).toEqual({ method: 'transfer', args: { dest: hex(bob), amount: 1_500_000_000n } });
    expect(node.submitted[0]?.signer).toBe(hex(alice));
    expect(r.ok).toBe(true);
    expect(r.blockNumber).toBe(101n);
  });

  it('refuses an address that is neither SS58 nor hex before signing', () => {
    const node = new ScriptedNode();
    expect(() => transfer(node, alice, { dest: 'nope', amount: Tao.of('1') })).toThrow(/neither an SS58 address/);
    expect(node.calls).toEqual([]);
  });
});
