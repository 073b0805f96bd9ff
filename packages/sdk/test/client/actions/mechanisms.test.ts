import { describe, expect, it } from 'vitest';
import { mechanisms } from '../../../src/client/actions/mechanisms.js';
import { ScriptedNode } from '../scripted-node.js';

describe('mechanisms', () => {
  it('types the reply (rao as bigint), or null for no subnet', async () => {
    const reply = {
      netuid: 1,
      count: 2,
      maxCount: 2,
      split: [16383, 49152],
      effectiveSplit: [16383, 49152],
      pendingEmission: ['2499996', '7500003'],
      blockEmission: ['249999', '750000'],
    };
    const node = new ScriptedNode({ taonet_mechanisms: (p) => (p[0] === 1 ? reply : null) });
    expect(await mechanisms(node, 1)).toEqual({
      ...reply,
      pendingEmission: [2499996n, 7500003n],
      blockEmission: [249999n, 750000n],
    });
    expect(await mechanisms(node, 2)).toBeNull();
  });
});
