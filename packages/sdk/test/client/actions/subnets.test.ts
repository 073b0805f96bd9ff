import { describe, expect, it } from 'vitest';
import { subnets } from '../../../src/client/actions/subnets.js';
import { dynamicInfoReply } from '../fixtures.js';
import { ScriptedNode } from '../scripted-node.js';

describe('subnets', () => {
  it('types every subnet the node lists, in its order', async () => {
    const node = new ScriptedNode({
      taonet_allDynamicInfo: () => [dynamicInfoReply(0, { symbol: 'τ' }), dynamicInfoReply(2)],
    });
    const all = await subnets(node);
    expect(all.map((s) => [s.netuid, s.symbol])).toEqual([
      [0, 'τ'],
      [2, 'β'],
    ]);
    expect(all[1]?.alphaOut.netuid).toBe(2);
  });
});
