import { describe, expect, it } from 'vitest';
import { commitWeights } from '../../../src/client/actions/commit-weights.js';
import { keypairFromUri, keypairSigner, toHex, weightsCommitHash } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const hot = keypairSigner(keypairFromUri('//hot'));

describe('commitWeights', () => {
  it('commits the hash of the weights and salt, and keeps the commit for its reveal', async () => {
    const node = new ScriptedNode();
    const { commit, result } = await commitWeights(node, hot, {
      netuid: 2,
      uids: [0, 1],
      values: [65535, 7],
      salt: [1, 2],
    });
    const hash = toHex(
      weightsCommitHash({
        hotkeyPublicKey: hot.publicKey,
        storageIndex: 2,
        uids: [0, 1],
        values: [65535, 7],
        salt: [1, 2],
        versionKey: 0n,
      }),
    );
    expect(node.sent).toEqual({ method: 'commit_weights', args: { netuid: 2, hash } });
    expect(result.ok).toBe(true);
    expect(commit).toMatchObject({ hash, hotkey: toHex(hot.publicKey), committedAt: 101n, salt: [1, 2] });
    expect(node.pendingCommits.get(hash)).toBe(commit);
  });

  it('draws a random salt, and keeps nothing when the commit fails', async () => {
    const node = new ScriptedNode({ taonet_dryRun: () => ({ code: 'CommittingWeightsTooFast', explanation: 'x' }) });
    const { commit, result } = await commitWeights(node, hot, { netuid: 2, uids: [0], values: [1] });
    expect(commit.salt).toHaveLength(8);
    expect(result.code).toBe('CommittingWeightsTooFast');
    expect(node.pendingCommits.size).toBe(0);
  });

  it('hashes over the mechanism storage index (mecid × 4096 + netuid) and sends mecid', async () => {
    const node = new ScriptedNode();
    const { commit } = await commitWeights(node, hot, { netuid: 2, mecid: 1, uids: [0], values: [9], salt: [3] });
    const hash = toHex(
      weightsCommitHash({
        hotkeyPublicKey: hot.publicKey,
        storageIndex: 4098,
        uids: [0],
        values: [9],
        salt: [3],
        versionKey: 0n,
      }),
    );
    expect(node.sent).toEqual({ method: 'commit_weights', args: { netuid: 2, mecid: 1, hash } });
    expect(commit.mecid).toBe(1);
  });
});
