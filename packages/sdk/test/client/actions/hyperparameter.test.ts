import { describe, expect, it } from 'vitest';
import { hyperparameter } from '../../../src/client/actions/hyperparameter.js';
import { ScriptedNode } from '../scripted-node.js';

describe('hyperparameter', () => {
  it('picks one value by name; undefined for an unknown name or subnet', async () => {
    const node = new ScriptedNode({
      taonet_hyperparameters: (p) =>
        p[0] === 1
          ? [
              { name: 'tempo', value: 10, ownerSettable: false, description: '' },
              { name: 'commitRevealEnabled', value: true, ownerSettable: true, description: '' },
            ]
          : null,
    });
    expect(await hyperparameter<boolean>(node, { netuid: 1, name: 'commitRevealEnabled' })).toBe(true);
    expect(await hyperparameter(node, { netuid: 1, name: 'nope' })).toBeUndefined();
    expect(await hyperparameter(node, { netuid: 5, name: 'tempo' })).toBeUndefined();
  });
});
