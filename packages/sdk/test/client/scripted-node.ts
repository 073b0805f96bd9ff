/**
 * A node stand-in for action tests: answers read methods from a script, and for a submission
 * decodes the signed bytes, checks the signature against the genesis hash, records the call and
 * plays the pool's updates. It lets each action's test see exactly what the action sent and how it
 * reads each reply, without starting a chain (client.test.ts runs them against a real node).
 */
import {
  type BlockResultReply,
  decodeExtrinsic,
  type ExtrinsicUpdateReply,
  type SignedExtrinsic,
  signingPayload,
} from '@taonet/primitives';
import type { ChainClient, PendingCommit, RpcTransport } from '../../src/index.js';
import { fromHex as pFromHex } from '../../src/bytes.js';
import { sr25519Verify } from '../../src/keys/sr25519.js';

export type Handler = (params: readonly unknown[]) => unknown;

export const GENESIS = `0x${'11'.repeat(32)}`;

export class ScriptedNode implements ChainClient {
  readonly genesisHash = GENESIS;
  readonly pendingCommits = new Map<string, PendingCommit>();
  readonly calls: { method: string; params: readonly unknown[] }[] = [];
  readonly submitted: SignedExtrinsic[] = [];
  readonly unwatched: string[] = [];
  readonly replies: Record<string, Handler> = {
    system_accountNextIndex: () => '5',
    chain_getHeader: () => ({ number: '100', hash: `0x${'ab'.repeat(32)}` }),
    taonet_dryRun: () => null,
    taonet_getEvents: () => this.blockResult,
  };
  /** What the pool reports after a submission (default: in block 101 at index 0). */
  updates: (x: SignedExtrinsic) => ExtrinsicUpdateReply[] = () => [
    { type: 'ready' },
    { type: 'inBlock', blockHash: `0x${'cd'.repeat(32)}`, number: '101', index: 0, ok: true },
  ];
  blockResult: BlockResultReply = {
    events: [],
    extrinsics: [{ ok: true, fee: '1000', events: [{ name: 'Done', data: {} }] }],
  };

  constructor(replies: Record<string, Handler> = {}) {
    Object.assign(this.replies, replies);
  }

  /** The single call submitted so far (fails the test when there were none or several). */
  get sent(): { method: string; args: Record<string, unknown> } {
    if (this.submitted.length !== 1) throw new Error(`expected one submission, got ${this.submitted.length}`);
    const c = this.submitted[0]?.call as { method: string; args: Record<string, unknown> };
    return c;
  }

  readonly rpc: RpcTransport = {
    call: async (method, params = []) => {
      this.calls.push({ method, params });
      const h = this.replies[method];
      if (h === undefined) throw new Error(`unscripted method ${method}`);
      return h(params);
    },
    subscribe: async (method, params, unsubscribe, onData) => {
      if (method !== 'author_submitAndWatchExtrinsic') throw new Error(`unscripted subscription ${method}`);
      const x = decodeExtrinsic(pFromHex(params[0] as string));
      const body = x.bytes.subarray(0, x.bytes.length - 64);
      const signer = pFromHex(x.signer);
      if (!sr25519Verify(signingPayload(pFromHex(GENESIS), body), x.signature, signer))
        throw new Error('bad signature');
      this.submitted.push(x);
      const updates = this.updates(x);
      setTimeout(() => {
        for (const u of updates) onData(u);
      }, 1);
      return async () => {
        this.unwatched.push(unsubscribe);
      };
    },
  };
}
