import { toHex } from '@taonet/primitives';
import { describe, expect, it } from 'vitest';
import { proxyAnnounced } from '../../../src/client/actions/proxy-announced.js';
import { keypairFromUri, keypairSigner } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const cold = keypairFromUri('//Alice');
const hot = keypairFromUri('//Alice//delayed');
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);
const call = { method: 'transfer', args: { dest: `0x${'33'.repeat(32)}`, amount: 5n, keepAlive: true } };

describe('proxyAnnounced', () => {
  it('sends the announced call for the delegate and real account, and reports the inner result', async () => {
    const node = new ScriptedNode();
    node.result = {
      ok: true,
      fee: '1',
      events: [{ name: 'ProxyExecuted', data: { result: { error: { code: 'CallFiltered' } } } }],
    };
    const r = await proxyAnnounced(node, keypairSigner(keypairFromUri('//Bob')), {
      delegate: hot.ss58Address,
      real: cold.ss58Address,
      call,
      forceProxyType: 'Staking',
    });
    expect(node.sent).toEqual({
      method: 'proxy_announced',
      args: { delegate: hex(hot), real: hex(cold), forceProxyType: 'Staking', call },
    });
    expect(r.ok).toBe(true);
    expect(r.inner).toEqual({ ok: false, code: 'CallFiltered' });
  });
});
