import { describe, expect, it } from 'vitest';
import { setWeights } from '../../../src/client/actions/set-weights.js';
import { keypairFromUri, keypairSigner, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const alice = keypairSigner(keypairFromUri('//Alice'));
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);

describe('setWeights', () => {
  it('signs the call it names and returns the block result', async () => {
    const node = new ScriptedNode();
    const r = await setWeights(node, alice, { netuid: 1, uids: [0, 2], values: [65535, 10] });
    expect(node.sent).toEqual({
      method: 'set_weights',
      args: { netuid: 1, uids: [0, 2], values: [65535, 10], versionKey: 0n },
    });
    expect(node.submitted[0]?.signer).toBe(hex(alice));
    expect(r.ok).toBe(true);
    expect(r.blockNumber).toBe(101n);
  });

  it('adds mecid for a mechanism other than 0, and refuses one that is not a u8', async () => {
    const node = new ScriptedNode();
    await setWeights(node, alice, { netuid: 1, mecid: 1, uids: [2], values: [65535] });
    expect(node.sent).toEqual({
      method: 'set_weights',
      args: { netuid: 1, mecid: 1, uids: [2], values: [65535], versionKey: 0n },
    });
    await expect(setWeights(node, alice, { netuid: 1, mecid: 256, uids: [2], values: [1] })).rejects.toThrow(
      /mecid 256/,
    );
  });
});
