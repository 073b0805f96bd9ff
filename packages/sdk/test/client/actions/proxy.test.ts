import { describe, expect, it } from 'vitest';
import { addProxy, removeProxy } from '../../../src/client/actions/add-proxy.js';
import { proxies } from '../../../src/client/actions/proxies.js';
import { proxy } from '../../../src/client/actions/proxy.js';
import { keypairFromUri, keypairSigner, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const cold = keypairFromUri('//Alice');
const hot = keypairSigner(keypairFromUri('//Alice//proxy'));
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);
const stake = { method: 'add_stake', args: { hotkey: `0x${'22'.repeat(32)}`, netuid: 2, amount: 7n } };

describe('proxy actions', () => {
  it('addProxy / removeProxy send the delegate in hex with delay 0', async () => {
    const node = new ScriptedNode();
    await addProxy(node, keypairSigner(cold), {
      delegate: keypairFromUri('//Alice//proxy').ss58Address,
      proxyType: 'Staking',
    });
    expect(node.sent).toEqual({ method: 'add_proxy', args: { delegate: hex(hot), proxyType: 'Staking', delay: 0n } });
    const n2 = new ScriptedNode();
    await removeProxy(n2, keypairSigner(cold), { delegate: hex(hot), proxyType: 'Staking' });
    expect(n2.sent.method).toBe('remove_proxy');
  });

  it('proxy wraps the call for the real account and reports the inner result', async () => {
    const node = new ScriptedNode();
    node.result = {
      ok: true,
      fee: '1',
      events: [{ name: 'ProxyExecuted', data: { result: { error: { code: 'CallFiltered' } } } }],
    };
    const r = await proxy(node, hot, { real: cold.ss58Address, call: stake, forceProxyType: 'Staking' });
    expect(node.sent).toEqual({ method: 'proxy', args: { real: hex(cold), call: stake, forceProxyType: 'Staking' } });
    expect(r.ok).toBe(true);
    expect(r.inner).toEqual({ ok: false, code: 'CallFiltered' });
  });

  it('proxies lists delegates in SS58', async () => {
    const node = new ScriptedNode({ taonet_proxies: () => [{ delegate: hex(hot), proxyType: 'Staking', delay: '0' }] });
    const r = await proxies(node, { real: cold.ss58Address });
    expect(node.calls[0]?.params).toEqual([hex(cold)]);
    expect(r.delegates).toEqual([
      { delegate: keypairFromUri('//Alice//proxy').ss58Address, proxyType: 'Staking', delay: 0n },
    ]);
  });
});
