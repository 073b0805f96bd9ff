import { describe, expect, it } from 'vitest';
import { balance } from '../../../src/client/actions/balance.js';
import { keypairFromUri, Tao, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

describe('balance', () => {
  it('is the free TAO of the account', async () => {
    const bob = keypairFromUri('//Bob');
    const node = new ScriptedNode({
      taonet_accountInfo: () => ({
        account: toHex(bob.publicKey),
        free: '77',
        nonce: '0',
        stakes: [],
        stakedTaoValue: '0',
      }),
    });
    const b = await balance(node, bob.ss58Address);
    expect(b).toBeInstanceOf(Tao);
    expect(b.rao).toBe(77n);
  });
});
