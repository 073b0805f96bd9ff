/**
 * A node stand-in for action tests: answers read methods from a script, and for a submission
 * decodes the Substrate v4 extrinsic, checks its signature over call ‖ extra ‖ implicit (the
 * scripted genesis, runtime version and head hash as the era's birth), records the call and plays
 * the pool's Substrate status updates; `taonet_extrinsicStatus` then says where it went. It lets
 * each action's test see exactly what the action sent and how it reads each reply, without
 * starting a chain (client.test.ts runs them against a real node).
 */
import {
  decodeExtrinsic,
  type ExtrinsicResultReply,
  type ExtrinsicStatusReply,
  type ExtrinsicUpdateReply,
  extrinsicSigningPayload,
  type RuntimeVersionReply,
  type SignedExtrinsic,
} from '@taonet/primitives';
import { fromHex as pFromHex } from '../../src/bytes.js';
import type { ChainClient, PendingCommit, RpcTransport } from '../../src/index.js';
import { sr25519Verify } from '../../src/keys/sr25519.js';

export type Handler = (params: readonly unknown[]) => unknown;

export const GENESIS = `0x${'11'.repeat(32)}`;
/** The scripted best block: number 100 with this hash (the era's birth of every signed call). */
export const HEAD_HASH = `0x${'ab'.repeat(32)}`;
/** The block the pool reports the extrinsic in (number 101). */
export const IN_BLOCK = `0x${'cd'.repeat(32)}`;
/** Not 1/1, so a signer that ignored state_getRuntimeVersion would sign for the wrong runtime. */
export const RUNTIME: RuntimeVersionReply = { specVersion: 7, transactionVersion: 3 };

export class ScriptedNode implements ChainClient {
  readonly genesisHash = GENESIS;
  readonly pendingCommits = new Map<string, PendingCommit>();
  readonly calls: { method: string; params: readonly unknown[] }[] = [];
  readonly submitted: SignedExtrinsic[] = [];
  readonly unwatched: string[] = [];
  readonly replies: Record<string, Handler> = {
    system_accountNextIndex: () => '5',
    taonet_getHeader: () => ({ number: '100', hash: HEAD_HASH }),
    state_getRuntimeVersion: () => RUNTIME,
    taonet_dryRun: () => null,
    taonet_extrinsicStatus: (p) => this.status(p[0] as string),
  };
  /** What the pool reports after a submission (default: ready, then in block IN_BLOCK). */
  updates: (x: SignedExtrinsic) => ExtrinsicUpdateReply[] = () => ['ready', { inBlock: IN_BLOCK }];
  /** The extrinsic's result in its block (what taonet_extrinsicStatus carries). */
  result: ExtrinsicResultReply = { ok: true, fee: '1000', events: [{ name: 'Done', data: {} }] };
  /** Where the extrinsic went (default: block 101 at index 0, with `result`). */
  status: (hash: string) => ExtrinsicStatusReply = () => ({
    status: 'inBlock',
    number: '101',
    index: 0,
    blockHash: IN_BLOCK,
    result: this.result,
  });

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
      const head = this.replies.taonet_getHeader?.([]) as { hash: string };
      const implicit = {
        ...RUNTIME,
        genesisHash: pFromHex(GENESIS),
        birthHash: pFromHex(head.hash),
      };
      if (!sr25519Verify(extrinsicSigningPayload(x, implicit), x.signature, pFromHex(x.signer)))
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
