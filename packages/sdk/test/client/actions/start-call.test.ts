import { describe, expect, it } from 'vitest';
import { startCall } from '../../../src/client/actions/start-call.js';
import { keypairFromUri, keypairSigner, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const alice = keypairSigner(keypairFromUri('//Alice'));
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);

describe('startCall', () => {
  it('signs the call it names and returns the block result', async () => {
    const node = new ScriptedNode();
    const r = await startCall(node, alice, { netuid: 3 });
    expect(node.sent).toEqual({ method: 'start_call', args: { netuid: 3 } });
    expect(node.submitted[0]?.signer).toBe(hex(alice));
    expect(r.ok).toBe(true);
    expect(r.blockNumber).toBe(101n);
  });
});
