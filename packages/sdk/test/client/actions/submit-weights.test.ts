import { DEV_BEACON_PUBLIC_KEY, toHex } from '@taonet/primitives';
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

  it('commits a hash when the subnet uses commit-reveal on a chain without a beacon', async () => {
    const node = new ScriptedNode({ taonet_hyperparameters: hp(true), taonet_beacon: () => null });
    const r = await submitWeights(node, hot, { netuid: 1, uids: [0], weights: [1], versionKey: 4n });
    expect(r.mode).toBe('commit');
    expect(node.sent.method).toBe('commit_weights');
    expect([...node.pendingCommits.values()][0]).toMatchObject({ uids: [0], values: [65535], versionKey: 4n });
  });

  it('encrypts to the beacon when the chain has one, unless the caller asks for a hashed commit', async () => {
    const beacon = () => ({
      publicKey: toHex(DEV_BEACON_PUBLIC_KEY),
      chainHash: `0x${'00'.repeat(32)}`,
      genesisTime: '0',
      period: '3',
      lastStoredRound: '8',
      oldestStoredRound: '1',
      blockTimeMs: 250,
      head: '100',
      headTimestamp: '25000',
    });
    const commits = () => ({ nextCommit: { commitEpoch: '3', revealEpoch: '4', revealBlock: '130' } });
    const node = new ScriptedNode({
      taonet_hyperparameters: hp(true),
      taonet_beacon: beacon,
      taonet_timelockedCommits: commits,
    });
    const r = await submitWeights(node, hot, { netuid: 1, uids: [0, 1], weights: [1, 0.5] });
    expect(r).toMatchObject({ mode: 'timelocked', revealRound: 11n });
    expect(node.sent.method).toBe('commit_timelocked_weights');
    const other = new ScriptedNode({ taonet_hyperparameters: hp(true), taonet_beacon: beacon });
    const hashed = await submitWeights(other, hot, { netuid: 1, uids: [0], weights: [1], commitMode: 'hashed' });
    expect(hashed.mode).toBe('commit');
    expect(other.sent.method).toBe('commit_weights');
  });
});
