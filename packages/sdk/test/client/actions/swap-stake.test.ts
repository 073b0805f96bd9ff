import { describe, expect, it } from 'vitest';
import { swapStake } from '../../../src/client/actions/swap-stake.js';
import { Alpha, keypairFromUri, keypairSigner, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const alice = keypairSigner(keypairFromUri('//Alice'));
const bob = keypairFromUri('//Bob');
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);

describe('swapStake', () => {
  it('signs the call it names and returns the block result', async () => {
    const node = new ScriptedNode();
    const r = await swapStake(node, alice, {
      hotkey: bob.ss58Address,
      originNetuid: 1,
      destNetuid: 4,
      amount: Alpha.of('1', 1),
    });
    expect(node.sent).toEqual({
      method: 'swap_stake',
      args: { hotkey: hex(bob), originNetuid: 1, destNetuid: 4, amount: 1_000_000_000n },
    });
    expect(node.submitted[0]?.signer).toBe(hex(alice));
    expect(r.ok).toBe(true);
    expect(r.blockNumber).toBe(101n);
  });
});
