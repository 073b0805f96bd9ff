import { describe, expect, it } from 'vitest';
import { hyperparameters } from '../../../src/client/actions/hyperparameters.js';
import { ScriptedNode } from '../scripted-node.js';

describe('hyperparameters', () => {
  it('returns the list for the netuid asked, or null', async () => {
    const list = [{ name: 'tempo', value: 10, ownerSettable: false, description: 'blocks per epoch' }];
    const node = new ScriptedNode({ taonet_hyperparameters: (p) => (p[0] === 1 ? list : null) });
    expect(await hyperparameters(node, 1)).toEqual(list);
    expect(await hyperparameters(node, 2)).toBeNull();
  });
});
