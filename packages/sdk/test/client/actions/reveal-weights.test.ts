import { describe, expect, it } from 'vitest';
import { revealWeights } from '../../../src/client/actions/reveal-weights.js';
import { keypairFromUri, keypairSigner, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const alice = keypairSigner(keypairFromUri('//Alice'));
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);

describe('revealWeights', () => {
  it('signs the call it names and returns the block result', async () => {
    const node = new ScriptedNode();
    const r = await revealWeights(node, alice, {
      netuid: 1,
      hotkey: hex(alice),
      uids: [1],
      values: [7],
      salt: [9, 8],
      versionKey: 3n,
      hash: '0x00',
      committedAt: 5n,
    });
    expect(node.sent).toEqual({
      method: 'reveal_weights',
      args: { netuid: 1, uids: [1], values: [7], salt: [9, 8], versionKey: 3n },
    });
    expect(node.submitted[0]?.signer).toBe(hex(alice));
    expect(r.ok).toBe(true);
    expect(r.blockNumber).toBe(101n);
  });
});
