import { describe, expect, it } from 'vitest';
import { allCommitments, commitment, fieldText } from '../../../src/client/actions/commitment.js';
import { keypairFromUri, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const hot = keypairFromUri('//Bob//hot');
const reply = (hotkey: string) => ({
  hotkey,
  netuid: 3,
  fields: [{ kind: 'raw', data: '0x6869' }, { kind: 'resetBondsFlag' }],
  block: '42',
});

describe('commitment / allCommitments', () => {
  it('asks by public key and decodes fields to bytes', async () => {
    const node = new ScriptedNode({ taonet_commitment: (p) => reply(p[1] as string) });
    const c = await commitment(node, { netuid: 3, hotkey: hot.ss58Address });
    expect(node.calls[0]?.params).toEqual([3, toHex(hot.publicKey)]);
    expect(c?.hotkey).toBe(hot.ss58Address);
    expect(c?.block).toBe(42n);
    expect(fieldText(c?.fields[0] as never)).toBe('hi');
    expect(c?.fields[1]).toEqual({ kind: 'resetBondsFlag' });
  });

  it('null when there is none; every commitment of a subnet', async () => {
    const node = new ScriptedNode({
      taonet_commitment: () => null,
      taonet_commitments: () => [reply(toHex(hot.publicKey))],
    });
    expect(await commitment(node, { netuid: 3, hotkey: hot.ss58Address })).toBeNull();
    const all = await allCommitments(node, { netuid: 3 });
    expect(all.map((c) => c.hotkey)).toEqual([hot.ss58Address]);
  });
});
