import { describe, expect, it } from 'vitest';
import { subnet } from '../../../src/client/actions/subnet.js';
import { Alpha, Price, Tao } from '../../../src/index.js';
import { dynamicInfoReply, ONE } from '../fixtures.js';
import { ScriptedNode } from '../scripted-node.js';

describe('subnet', () => {
  it('types amounts, prices and accounts and keeps the raw reply', async () => {
    const reply = dynamicInfoReply(4);
    const node = new ScriptedNode({ taonet_dynamicInfo: (p) => (p[0] === 4 ? reply : null) });
    const s = await subnet(node, 4);
    expect(s?.price).toEqual(new Price(ONE * 2n, 4));
    expect(s?.taoIn).toEqual(new Tao(10_000_000_000n));
    expect(s?.alphaIn).toEqual(new Alpha(5_000_000_000n, 4, 'β'));
    expect(s?.owner).toMatch(/^5/);
    expect(s?.ownerHotkey).toBeNull();
    expect(s?.taoFlow).toBe(-5n);
    expect(s?.blocksUntilNextEpoch).toBe(7n);
    expect(s?.raw).toBe(reply);
  });

  it('is null for a netuid without a subnet', async () => {
    const node = new ScriptedNode({ taonet_dynamicInfo: () => null });
    expect(await subnet(node, 99)).toBeNull();
  });
});
