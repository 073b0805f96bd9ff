import { describe, expect, it } from 'vitest';
import { accountInfo } from '../../../src/client/actions/account-info.js';
import { Alpha, keypairFromUri, Tao, toHex } from '../../../src/index.js';
import { ONE } from '../fixtures.js';
import { ScriptedNode } from '../scripted-node.js';

const bob = keypairFromUri('//Bob');
const hot = keypairFromUri('//Bob/hot');

describe('accountInfo', () => {
  it('asks by public key and types free TAO, nonce and each stake position apart', async () => {
    const node = new ScriptedNode({
      taonet_accountInfo: () => ({
        account: toHex(bob.publicKey),
        free: '1500000000',
        nonce: '4',
        stakes: [
          {
            hotkey: toHex(hot.publicKey),
            netuid: 3,
            symbol: 'γ',
            alpha: '2000000000',
            price: (ONE / 2n).toString(),
            taoValue: '1000000000',
            rootClaimable: '5',
            take: 11796,
          },
        ],
        stakedTaoValue: '1000000000',
      }),
    });
    const info = await accountInfo(node, bob.ss58Address);
    expect(node.calls).toEqual([{ method: 'taonet_accountInfo', params: [toHex(bob.publicKey)] }]);
    expect(info.address).toBe(bob.ss58Address);
    expect(info.free).toEqual(new Tao(1_500_000_000n));
    expect(info.nonce).toBe(4n);
    const [p] = info.stakes;
    expect(p?.hotkey).toBe(hot.ss58Address);
    expect(p?.alpha).toBeInstanceOf(Alpha);
    expect(p?.alpha.netuid).toBe(3);
    expect(p?.price.toTao(p.alpha).rao).toBe(p?.taoValue.rao);
    expect(p?.rootClaimable.rao).toBe(5n);
    expect(info.stakedTaoValue.rao).toBe(1_000_000_000n);
  });

  it('refuses a malformed address without asking the node', async () => {
    const node = new ScriptedNode();
    await expect(accountInfo(node, '5notanaddress')).rejects.toMatchObject({ code: 'InvalidAddress' });
    expect(node.calls).toEqual([]);
  });
});
