import { type AccountId, accountToBytes, blake2b256, toHex as pHex } from '@taonet/primitives';
import { describe, expect, it } from 'vitest';
import { announceColdkeySwap, coldkeySwapHash } from '../../../src/client/actions/announce-coldkey-swap.js';
import { keypairFromUri, keypairSigner, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const cold = keypairSigner(keypairFromUri('//Alice'));
const fresh = keypairFromUri('//Fresh');
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);

describe('announceColdkeySwap', () => {
  it('announces the blake2b-256 hash of the new coldkey, never the key itself', async () => {
    const node = new ScriptedNode();
    await announceColdkeySwap(node, cold, { newColdkey: fresh.ss58Address });
    const expected = pHex(blake2b256(accountToBytes(hex(fresh) as AccountId)));
    expect(node.sent).toEqual({ method: 'announce_coldkey_swap', args: { newColdkeyHash: expected } });
    expect(coldkeySwapHash(hex(fresh))).toBe(expected);
    expect(JSON.stringify(node.sent)).not.toContain(hex(fresh).slice(2));
  });
});
