import { describe, expect, it } from 'vitest';
import { beacon } from '../../../src/client/actions/beacon.js';
import { timelockedCommits } from '../../../src/client/actions/timelocked-commits.js';
import { ScriptedNode } from '../scripted-node.js';

describe('timelockedCommits and beacon', () => {
  it('ask the node for the subnet’s commits and for the beacon', async () => {
    const reply = { netuid: 2, pending: [], failed: [], nextCommit: null };
    const node = new ScriptedNode({ taonet_timelockedCommits: () => reply, taonet_beacon: () => null });
    expect(await timelockedCommits(node, 2)).toEqual(reply);
    expect(await beacon(node)).toBeNull();
    expect(node.calls.map((c) => [c.method, c.params])).toEqual([
      ['taonet_timelockedCommits', [2]],
      ['taonet_beacon', []],
    ]);
  });
});
