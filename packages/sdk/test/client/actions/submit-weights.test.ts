import { describe, expect, it } from 'vitest';
import { submitWeights } from '../../../src/client/actions/submit-weights.js';
import { keypairFromUri, keypairSigner } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

const hot = keypairSigner(keypairFromUri('//hot'));
const hp = (cr: boolean) => () => [{ name: 'commitRevealEnabled', value: cr, ownerSettable: true, description: '' }];

describe('submitWeights', () => {
  it('sets normalised weights directly when the subnet has no commit-reveal', async () => {
    const node = new ScriptedNode({ taonet_hyperparameters: hp(false) });
    const r = await submitWeights(node, hot, { netuid: 1, uids: [0, 1, 2], weights: [0.5, 0, 1] });
    expect(r.mode).toBe('direct');
    expect(node.sent).toEqual({
      method: 'set_weights',
      args: { netuid: 1, uids: [0, 2], values: [32768, 65535], versionKey: 0n },
    });
  });

  it('commits instead when the subnet uses commit-reveal', async () => {
    const node = new ScriptedNode({ taonet_hyperparameters: hp(true) });
    const r = await submitWeights(node, hot, { netuid: 1, uids: [0], weights: [1], versionKey: 4n });
    expect(r.mode).toBe('commit');
    expect(node.sent.method).toBe('commit_weights');
    expect([...node.pendingCommits.values()][0]).toMatchObject({ uids: [0], values: [65535], versionKey: 4n });
  });
});
