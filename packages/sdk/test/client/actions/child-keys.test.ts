import { describe, expect, it } from 'vitest';
import { childKeys } from '../../../src/client/actions/child-keys.js';
import { proportionFromFraction, revokeChildren, setChildren } from '../../../src/client/actions/set-children.js';
import { setChildkeyTake } from '../../../src/client/actions/set-childkey-take.js';
import { keypairFromUri, keypairSigner, SdkError, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const cold = keypairSigner(keypairFromUri('//Alice'));
const parent = keypairFromUri('//parent');
const child = keypairFromUri('//child');
const hex = (k: { publicKey: Uint8Array }) => toHex(k.publicKey);
const U64_MAX = (1n << 64n) - 1n;

describe('setChildren / revokeChildren', () => {
  it('sends hex accounts and u64 proportions', async () => {
    const node = new ScriptedNode();
    const r = await setChildren(node, cold, {
      hotkey: parent.ss58Address,
      netuid: 2,
      children: [{ child: child.ss58Address, proportion: U64_MAX }],
    });
    expect(node.sent).toEqual({
      method: 'set_children',
      args: { hotkey: hex(parent), netuid: 2, children: [{ proportion: U64_MAX, child: hex(child) }] },
    });
    expect(r.ok).toBe(true);
  });

  it('revokes with an empty list', async () => {
    const node = new ScriptedNode();
    await revokeChildren(node, cold, { hotkey: parent.ss58Address, netuid: 2 });
    expect(node.sent).toEqual({ method: 'set_children', args: { hotkey: hex(parent), netuid: 2, children: [] } });
  });

  it('refuses a proportion outside u64 before signing', () => {
    const node = new ScriptedNode();
    expect(() =>
      setChildren(node, cold, {
        hotkey: parent.ss58Address,
        netuid: 2,
        children: [{ child: child.ss58Address, proportion: U64_MAX + 1n }],
      }),
    ).toThrow(SdkError);
    expect(node.submitted).toHaveLength(0);
  });

  it('turns fractions into parts of u64::MAX', () => {
    expect(proportionFromFraction(1)).toBe(U64_MAX);
    expect(proportionFromFraction(0)).toBe(0n);
    expect(proportionFromFraction(0.5)).toBe(U64_MAX >> 1n);
    expect(() => proportionFromFraction(1.5)).toThrow(/between 0 and 1/);
  });
});

describe('setChildkeyTake', () => {
  it('signs the call it names', async () => {
    const node = new ScriptedNode();
    await setChildkeyTake(node, cold, { hotkey: child.ss58Address, netuid: 3, take: 5898 });
    expect(node.sent).toEqual({ method: 'set_childkey_take', args: { hotkey: hex(child), netuid: 3, take: 5898 } });
  });
});

describe('childKeys', () => {
  it('asks by public key and types links, pending and stakes', async () => {
    const node = new ScriptedNode({
      taonet_childKeys: (p) => ({
        hotkey: p[1],
        netuid: p[0],
        children: [{ proportion: String(U64_MAX), hotkey: hex(child) }],
        parents: [],
        pending: { children: [], cooldownBlock: '7300' },
        childkeyTake: 0,
        alphaInherited: '5',
        taoInherited: '0',
      }),
    });
    const r = await childKeys(node, { netuid: 2, hotkey: parent.ss58Address });
    expect(node.calls[0]?.params).toEqual([2, hex(parent)]);
    expect(r.children).toEqual([{ hotkey: child.ss58Address, proportion: U64_MAX }]);
    expect(r.pending).toEqual({ children: [], cooldownBlock: 7300n });
    expect(r.alphaInherited).toBe(5n);
  });
});
