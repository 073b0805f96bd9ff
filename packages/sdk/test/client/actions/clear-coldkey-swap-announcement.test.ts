import { describe, expect, it } from 'vitest';
import { clearColdkeySwapAnnouncement } from '../../../src/client/actions/clear-coldkey-swap-announcement.js';
import { keypairFromUri, keypairSigner, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const cold = keypairSigner(keypairFromUri('//Alice'));
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);

describe('clearColdkeySwapAnnouncement', () => {
  it('signs the call it names with hex accounts', async () => {
    const node = new ScriptedNode();
    const r = await clearColdkeySwapAnnouncement(node, cold, {});
    expect(node.sent).toEqual({ method: 'clear_coldkey_swap_announcement', args: {} });
    expect(node.submitted[0]?.signer).toBe(hex(cold));
    expect(r.ok).toBe(true);
  });
});
