import { DEV_BEACON_PUBLIC_KEY, devBeaconPulse, fromHex, timelockDecrypt, toHex } from '@taonet/primitives';
import { describe, expect, it } from 'vitest';
import { NoBeaconError } from '../../../src/client/actions/commit-timelocked-weights.js';
import { setCommitment, textField } from '../../../src/client/actions/set-commitment.js';
import { setRevealCommitment } from '../../../src/client/actions/set-reveal-commitment.js';
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

describe('setRevealCommitment', () => {
  // The dev beacon: 3 s rounds from time 0, rounds up to 1000 on chain, a 250 ms block time.
  const status = {
    publicKey: toHex(DEV_BEACON_PUBLIC_KEY),
    genesisTime: '0',
    period: '3',
    lastStoredRound: '1000',
    blockTimeMs: 250,
    head: '100',
    headTimestamp: '3000000',
  };

  it('seals the text to the round due after the given blocks; the round’s pulse opens it', async () => {
    const node = new ScriptedNode({ taonet_beacon: () => status });
    const r = await setRevealCommitment(node, hot, { netuid: 2, data: 'model=v4', blocksUntilReveal: 120 });
    // 3,000,000 ms + 120 blocks × 250 ms = 3030 s: round 1011 (round 1 is published at time 0).
    expect(r.revealRound).toBe(1011n);
    const sent = node.sent as { method: string; args: { netuid: number; fields: Record<string, unknown>[] } };
    expect(sent.method).toBe('set_commitment');
    const [f] = sent.args.fields;
    expect(f).toMatchObject({ kind: 'timelockEncrypted', revealRound: 1011n });
    const opened = timelockDecrypt(fromHex(String(f?.data)), devBeaconPulse(1011n).signature);
    expect(new TextDecoder().decode(opened)).toBe('model=v4');
    expect(() => timelockDecrypt(fromHex(String(f?.data)), devBeaconPulse(1010n).signature)).toThrow();
  });

  it('refuses empty or oversized data, a stored round, and a chain without a beacon, before signing', async () => {
    const node = new ScriptedNode({ taonet_beacon: () => status });
    await expect(setRevealCommitment(node, hot, { netuid: 2, data: '' })).rejects.toThrow(SdkError);
    await expect(setRevealCommitment(node, hot, { netuid: 2, data: 'x'.repeat(513) })).rejects.toThrow(/512/);
    await expect(setRevealCommitment(node, hot, { netuid: 2, data: 'x', revealRound: 1000n })).rejects.toThrow(
      /already on chain/,
    );
    await expect(setRevealCommitment(node, hot, { netuid: 2, data: 'x', blocksUntilReveal: 0 })).rejects.toThrow(
      SdkError,
    );
    const bare = new ScriptedNode({ taonet_beacon: () => null });
    await expect(setRevealCommitment(bare, hot, { netuid: 2, data: 'x' })).rejects.toThrow(NoBeaconError);
    expect(node.submitted).toHaveLength(0);
    expect(bare.submitted).toHaveLength(0);
  });
});
