/**
 * What every action needs from a connection: a transport for calls and subscriptions, the chain's
 * genesis hash (signatures commit to it) and the weight commits still waiting for their reveal.
 * `Subtensor` is one; a test can pass a scripted transport instead of a socket.
 */
import type { RpcMethod, RpcReplies } from '@taonet/primitives';
import type { PendingCommit } from './actions/commit-weights.js';

export interface RpcTransport {
  call(method: string, params?: readonly unknown[]): Promise<unknown>;
  subscribe(
    method: string,
    params: readonly unknown[],
    unsubscribe: string,
    onData: (r: unknown) => void,
  ): Promise<() => Promise<void>>;
}

export interface ChainClient {
  readonly rpc: RpcTransport;
  readonly genesisHash: string;
  /** Commits made by `submitWeights`/`commitWeights` that still wait for their reveal, by hash. */
  readonly pendingCommits: Map<string, PendingCommit>;
}

/** Calls a read method; the reply is typed by the shared table in @taonet/primitives (the one cast). */
export function request<M extends RpcMethod>(
  client: ChainClient,
  method: M,
  params: readonly unknown[] = [],
): Promise<RpcReplies[M]> {
  return client.rpc.call(method, params) as Promise<RpcReplies[M]>;
}
