import { describe, expect, it } from 'vitest';
import { revealDue } from '../../../src/client/actions/reveal-due.js';
import { keypairFromUri, keypairSigner, type PendingCommit, toHex } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const hot = keypairSigner(keypairFromUri('//hot'));
const other = keypairSigner(keypairFromUri('//other'));
const commit = (hash: string, who = hot): PendingCommit => ({
  netuid: 1,
  hotkey: toHex(who.publicKey),
  uids: [0],
  values: [65535],
  salt: [1],
  versionKey: 0n,
  hash,
  committedAt: 1n,
});

describe('revealDue', () => {
  it('reveals this hotkey’s due commits, keeps early ones pending and leaves other hotkeys alone', async () => {
    let early = true;
    const node = new ScriptedNode({
      taonet_dryRun: () => (early ? { code: 'RevealTooEarly', explanation: 'not yet' } : null),
    });
    node.pendingCommits.set('0x01', commit('0x01'));
    node.pendingCommits.set('0x02', commit('0x02', other));
    expect(await revealDue(node, hot)).toEqual([]);
    expect(node.pendingCommits.size).toBe(2);
    early = false;
    const done = await revealDue(node, hot);
    expect(done.map((d) => [d.commit.hash, d.result.ok])).toEqual([['0x01', true]]);
    expect([...node.pendingCommits.keys()]).toEqual(['0x02']);
    expect(node.sent.method).toBe('reveal_weights');
  });

  it('drops a commit that failed for good, and reports it', async () => {
    const node = new ScriptedNode({
      taonet_dryRun: () => ({ code: 'InvalidRevealCommitHashNotMatch', explanation: 'x' }),
    });
    node.pendingCommits.set('0x03', commit('0x03'));
    const [r] = await revealDue(node, hot);
    expect(r?.result.code).toBe('InvalidRevealCommitHashNotMatch');
    expect(node.pendingCommits.size).toBe(0);
  });
});
