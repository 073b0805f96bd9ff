import { describe, expect, it } from 'vitest';
import { removeStakeFullLimit } from '../../../src/client/actions/remove-stake-full-limit.js';
import { keypairFromUri, keypairSigner, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const cold = keypairSigner(keypairFromUri('//Alice'));
const hot = keypairFromUri('//Bob');
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);

describe('removeStakeFullLimit', () => {
  it('signs the call it names with hex accounts', async () => {
    const node = new ScriptedNode();
    const r = await removeStakeFullLimit(node, cold, { hotkey: hot.ss58Address, netuid: 2, limitPrice: 5n });
    expect(node.sent).toEqual({
      method: 'remove_stake_full_limit',
      args: { hotkey: hex(hot), netuid: 2, limitPrice: 5n },
    });
    expect(node.submitted[0]?.signer).toBe(hex(cold));
    expect(r.ok).toBe(true);
  });

  it('leaves the limit out when none is given', async () => {
    const node = new ScriptedNode();
    await removeStakeFullLimit(node, cold, { hotkey: hot.ss58Address, netuid: 2 });
    expect(node.sent).toEqual({ method: 'remove_stake_full_limit', args: { hotkey: hex(hot), netuid: 2 } });
  });
});
