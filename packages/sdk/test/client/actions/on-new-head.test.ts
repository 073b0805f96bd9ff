import { describe, expect, it } from 'vitest';
import { onNewHead } from '../../../src/client/actions/on-new-head.js';
import type { RpcTransport } from '../../../src/index.js';
import { ScriptedNode } from '../scripted-node.js';

describe('onNewHead', () => {
  it('subscribes to new heads and types each one; the returned function unsubscribes', async () => {
    const node = new ScriptedNode();
    let stopped = '';
    const rpc: RpcTransport = {
      call: node.rpc.call,
      subscribe: async (method, _params, unsubscribe, onData) => {
        expect(method).toBe('taonet_subscribeNewHeads');
        onData({ number: '7', hash: '0x07' });
        onData({ number: '8', hash: '0x08' });
        return async () => {
          stopped = unsubscribe;
        };
      },
    };
    const seen: bigint[] = [];
    const stop = await onNewHead(
      { ...node, rpc, genesisHash: node.genesisHash, pendingCommits: node.pendingCommits },
      (h) => seen.push(h.number),
    );
    expect(seen).toEqual([7n, 8n]);
    await stop();
    expect(stopped).toBe('taonet_unsubscribeNewHeads');
  });
});
