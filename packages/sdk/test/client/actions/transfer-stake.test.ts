import { describe, expect, it } from 'vitest';
import { transferStake } from '../../../src/client/actions/transfer-stake.js';
import { Alpha, keypairFromUri, keypairSigner, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const alice = keypairSigner(keypairFromUri('//Alice'));
const bob = keypairFromUri('//Bob');
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);

describe('transferStake', () => {
  it('signs the call it names and returns the block result', async () => {
    const node = new ScriptedNode();
    const r = await transferStake(node, alice, {
      destColdkey: bob.ss58Address,
      hotkey: hex(alice),
      originNetuid: 1,
      destNetuid: 1,
      amount: Alpha.of('3', 1),
    });
    expect(node.sent).toEqual({
      method: 'transfer_stake',
      args: { destColdkey: hex(bob), hotkey: hex(alice), originNetuid: 1, destNetuid: 1, amount: 3_000_000_000n },
    });
    expect(node.submitted[0]?.signer).toBe(hex(alice));
    expect(r.ok).toBe(true);
    expect(r.blockNumber).toBe(101n);
  });
});
