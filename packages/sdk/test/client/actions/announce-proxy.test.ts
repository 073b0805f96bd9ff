import { blake2b256, toHex } from '@taonet/primitives';
import { encodeRuntimeCall } from '@taonet/primitives/substrate';
import { describe, expect, it } from 'vitest';
import { addProxy } from '../../../src/client/actions/add-proxy.js';
import {
  announceProxy,
  proxyCallHash,
  rejectProxyAnnouncement,
  removeProxyAnnouncement,
} from '../../../src/client/actions/announce-proxy.js';
import { keypairFromUri, keypairSigner } from '../../../src/index.js';
import { SdkError } from '../../../src/errors.js';
import { ScriptedNode } from '../scripted-node.js';

const cold = keypairFromUri('//Alice');
const hot = keypairFromUri('//Alice//delayed');
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);
const call = { method: 'transfer', args: { dest: `0x${'33'.repeat(32)}`, amount: 5n, keepAlive: true } };

describe('announced proxy actions', () => {
  it('addProxy carries a delay; the call hash is blake2b-256 of the SCALE call', async () => {
    const node = new ScriptedNode();
    await addProxy(node, keypairSigner(cold), { delegate: hot.ss58Address, proxyType: 'Any', delay: 3 });
    expect(node.sent).toEqual({ method: 'add_proxy', args: { delegate: hex(hot), proxyType: 'Any', delay: 3n } });
    expect(proxyCallHash(call)).toBe(toHex(blake2b256(encodeRuntimeCall(call))));
    expect(proxyCallHash(call)).not.toBe(proxyCallHash({ ...call, args: { ...call.args, amount: 6n } }));
    expect(() => proxyCallHash({ method: 'no_such_call', args: {} })).toThrow(SdkError);
  });

  it('announce, remove and reject send the call hash', async () => {
    const hash = proxyCallHash(call);
    const a = new ScriptedNode();
    await announceProxy(a, keypairSigner(hot), { real: cold.ss58Address, call });
    expect(a.sent).toEqual({ method: 'announce', args: { real: hex(cold), callHash: hash } });
    const r = new ScriptedNode();
    await removeProxyAnnouncement(r, keypairSigner(hot), { real: hex(cold), call });
    expect(r.sent).toEqual({ method: 'remove_announcement', args: { real: hex(cold), callHash: hash } });
    const j = new ScriptedNode();
    await rejectProxyAnnouncement(j, keypairSigner(cold), { delegate: hot.ss58Address, call });
    expect(j.sent).toEqual({ method: 'reject_announcement', args: { delegate: hex(hot), callHash: hash } });
  });
});
