import { describe, expect, it } from 'vitest';
import { unstakeAllAlpha } from '../../../src/client/actions/unstake-all-alpha.js';
import { keypairFromUri, keypairSigner, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const cold = keypairSigner(keypairFromUri('//Alice'));
const hot = keypairFromUri('//Bob');
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);

describe('unstakeAllAlpha', () => {
  it('signs the call it names with hex accounts', async () => {
    const node = new ScriptedNode();
    const r = await unstakeAllAlpha(node, cold, { hotkey: hot.ss58Address });
    expect(node.sent).toEqual({ method: 'unstake_all_alpha', args: { hotkey: hex(hot) } });
    expect(node.submitted[0]?.signer).toBe(hex(cold));
    expect(r.ok).toBe(true);
  });
});
