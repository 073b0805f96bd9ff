import { describe, expect, it } from 'vitest';
import { moveStake } from '../../../src/client/actions/move-stake.js';
import { Alpha, keypairFromUri, keypairSigner, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const alice = keypairSigner(keypairFromUri('//Alice'));
const bob = keypairFromUri('//Bob');
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);

describe('moveStake', () => {
  it('signs the call it names and returns the block result', async () => {
    const node = new ScriptedNode();
    const r = await moveStake(node, alice, {
      originHotkey: bob.ss58Address,
      destHotkey: hex(alice),
      originNetuid: 1,
      destNetuid: 2,
      amount: Alpha.of('2', 1),
    });
    expect(node.sent).toEqual({
      method: 'move_stake',
      args: { originHotkey: hex(bob), destHotkey: hex(alice), originNetuid: 1, destNetuid: 2, amount: 2_000_000_000n },
    });
    expect(node.submitted[0]?.signer).toBe(hex(alice));
    expect(r.ok).toBe(true);
    expect(r.blockNumber).toBe(101n);
  });
});
