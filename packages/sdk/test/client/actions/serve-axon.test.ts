import { describe, expect, it } from 'vitest';
import { encodeIp, serveAxon } from '../../../src/client/actions/serve-axon.js';
import { keypairFromUri, keypairSigner } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const hot = keypairSigner(keypairFromUri('//hot'));

describe('serveAxon', () => {
  it('encodes an IPv4 address as an integer and signs with the hotkey', async () => {
    const node = new ScriptedNode();
    const r = await serveAxon(node, hot, { netuid: 2, ip: '10.0.0.1', port: 8091 });
    expect(r.ok).toBe(true);
    expect(node.sent).toEqual({
      method: 'serve_axon',
      args: { netuid: 2, version: 1, ip: 0x0a000001n, port: 8091, ipType: 4, protocol: 4 },
    });
  });

  it('encodes a full IPv6 address; refuses anything else before signing', () => {
    expect(encodeIp('0:0:0:0:0:0:0:1')).toEqual({ ip: 1n, ipType: 6 });
    expect(encodeIp('2001:db8:0:0:0:0:0:ff')).toEqual({ ip: (0x20010db8n << 96n) | 0xffn, ipType: 6 });
    const node = new ScriptedNode();
    expect(() => serveAxon(node, hot, { netuid: 2, ip: '::1', port: 1 })).toThrow(/not an IPv4 or full IPv6/);
    expect(node.calls).toEqual([]);
  });
});
