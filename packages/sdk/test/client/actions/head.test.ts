import { describe, expect, it } from 'vitest';
import { head } from '../../../src/client/actions/head.js';
import { ScriptedNode } from '../scripted-node.js';

describe('head', () => {
  it('types the best header: number as bigint', async () => {
    const node = new ScriptedNode({ taonet_getHeader: () => ({ number: '9007199254740993', hash: '0xaa' }) });
    expect(await head(node)).toEqual({ number: 9007199254740993n, hash: '0xaa' });
  });
});
