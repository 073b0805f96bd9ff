import { describe, expect, it } from 'vitest';
import { setHyperparameter } from '../../../src/client/actions/set-hyperparameter.js';
import { keypairFromUri, keypairSigner, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const alice = keypairSigner(keypairFromUri('//Alice'));
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);

describe('setHyperparameter', () => {
  it('signs the call it names and returns the block result', async () => {
    const node = new ScriptedNode();
    const r = await setHyperparameter(node, alice, { netuid: 1, name: 'tempo', value: 360 });
    expect(node.sent).toEqual({ method: 'set_hyperparameter', args: { netuid: 1, name: 'tempo', value: 360 } });
    expect(node.submitted[0]?.signer).toBe(hex(alice));
    expect(r.ok).toBe(true);
    expect(r.blockNumber).toBe(101n);
  });
});
