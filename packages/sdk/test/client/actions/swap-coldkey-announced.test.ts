import { describe, expect, it } from 'vitest';
import { swapColdkeyAnnounced } from '../../../src/client/actions/swap-coldkey-announced.js';
import { keypairFromUri, keypairSigner, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const cold = keypairSigner(keypairFromUri('//Alice'));
const other = keypairFromUri('//Charlie');
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);

describe('swapColdkeyAnnounced', () => {
  it('signs the call it names with hex accounts', async () => {
    const node = new ScriptedNode();
    const r = await swapColdkeyAnnounced(node, cold, { newColdkey: other.ss58Address });
    expect(node.sent).toEqual({ method: 'swap_coldkey_announced', args: { newColdkey: hex(other) } });
    expect(node.submitted[0]?.signer).toBe(hex(cold));
    expect(r.ok).toBe(true);
  });
});
