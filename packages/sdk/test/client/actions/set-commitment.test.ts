import { describe, expect, it } from 'vitest';
import { setCommitment, textField } from '../../../src/client/actions/set-commitment.js';
import { keypairFromUri, keypairSigner, SdkError } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const hot = keypairSigner(keypairFromUri('//Alice//hot'));

describe('setCommitment', () => {
  it('sends fields as kinds with hex data, signed by the hotkey', async () => {
    const node = new ScriptedNode();
    const hash = new Uint8Array(32).fill(1);
    await setCommitment(node, hot, {
      netuid: 2,
      fields: [textField('hi'), { kind: 'sha256', data: hash }, { kind: 'resetBondsFlag' }],
    });
    expect(node.sent).toEqual({
      method: 'set_commitment',
      args: {
        netuid: 2,
        fields: [
          { kind: 'raw', data: '0x6869' },
          { kind: 'sha256', data: `0x${'01'.repeat(32)}` },
          { kind: 'resetBondsFlag' },
        ],
      },
    });
  });

  it('picks raw up to 128 bytes, bigRaw up to 512, and refuses more or a short hash before signing', () => {
    expect(textField('a'.repeat(128)).kind).toBe('raw');
    expect(textField('a'.repeat(129)).kind).toBe('bigRaw');
    expect(() => textField('a'.repeat(513))).toThrow(SdkError);
    const node = new ScriptedNode();
    expect(() =>
      setCommitment(node, hot, { netuid: 2, fields: [{ kind: 'keccak256', data: new Uint8Array(31) }] }),
    ).toThrow(/exactly 32 bytes/);
    expect(node.submitted).toHaveLength(0);
  });
});
