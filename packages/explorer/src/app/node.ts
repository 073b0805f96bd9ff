/// <reference lib="dom" />
/**
 * The page's connection to the node: the SDK's JSON-RPC client over this server's `/rpc`
 * WebSocket pass-through (reconnects with backoff and resubscribes on its own), the new-head and
 * finalized-head subscriptions, and a small store of recent block summaries.
 */
import type { BlockResultReply, ErrorReply, EventReply } from '@taonet/primitives';
import { JsonRpcClient } from '@taonet/sdk/client';

export type ConnState = 'connecting' | 'connected' | 'disconnected';

export interface HeadInfo {
  readonly number: number;
  readonly hash: string;
  readonly time: number;
}

export interface BlockSummary {
  readonly number: number;
  readonly hash: string;
  readonly time: number;
  readonly author: string | null;
  readonly extrinsics: number;
  readonly failed: number;
}

export interface RawExtrinsic {
  readonly hash: string;
  readonly signer: string;
  readonly nonce: string;
  readonly tip: string;
  readonly call: { readonly method: string; readonly args: Record<string, unknown> };
  /** A MEV-shield carrier's inner extrinsic, or an inner's carrier (known to the block's author). */
  readonly carries?: string;
  readonly carriedBy?: string;
}

export interface RawBlock {
  readonly number: string;
  readonly hash: string | null;
  readonly header: {
    readonly parentHash: string;
    readonly number: string;
    readonly stateRoot: string;
    readonly extrinsicsRoot: string;
    readonly author: string | null;
    readonly timestamp: string;
    readonly slot: string;
  };
  readonly extrinsics: readonly RawExtrinsic[];
}

/** The block-result replies, as declared once in @taonet/primitives. */
export type RawEvent = EventReply;
export type RawError = ErrorReply;
export type RawResult = BlockResultReply;

const KEEP_BLOCKS = 100;

export class NodeConnection {
  readonly rpc: JsonRpcClient;
  state: ConnState = 'connecting';
  head: HeadInfo | null = null;
  finalized: number | null = null;
  /** Recent blocks, newest first. */
  readonly blocks = new Map<number, BlockSummary>();
  private readonly headListeners = new Set<(h: HeadInfo) => void>();
  private readonly stateListeners = new Set<(s: ConnState) => void>();

  constructor(url: string) {
    this.rpc = new JsonRpcClient(url, {
      timeoutMs: 15_000,
      minBackoffMs: 300,
      maxBackoffMs: 3_000,
      onStatus: (s) => this.setState(s === 'connected' ? 'connected' : 'disconnected'),
    });
  }

  call<T>(method: string, params: readonly unknown[] = []): Promise<T> {
    return this.rpc.call(method, params) as Promise<T>;
  }

  onHead(f: (h: HeadInfo) => void): () => void {
    this.headListeners.add(f);
    return () => this.headListeners.delete(f);
  }

  onState(f: (s: ConnState) => void): () => void {
    this.stateListeners.add(f);
    return () => this.stateListeners.delete(f);
  }

  private setState(s: ConnState): void {
    if (s === this.state) return;
    this.state = s;
    for (const f of this.stateListeners) f(s);
    // After a reconnect, heads missed while away are filled in by the next head.
  }

  /** Connects (retrying for as long as it takes) and subscribes to heads. */
  async start(): Promise<void> {
    let wait = 300;
    for (;;) {
      try {
        await this.rpc.connect();
        break;
      } catch {
        this.setState('disconnected');
        await new Promise((r) => setTimeout(r, wait));
        wait = Math.min(wait * 2, 3000);
      }
    }
    this.setState('connected');
    await this.rpc.subscribe('taonet_subscribeNewHeads', [], 'taonet_unsubscribeNewHeads', (h) =>
      this.gotHead(h as { number: string; hash: string; timestamp: string }),
    );
    await this.rpc.subscribe('taonet_subscribeFinalizedHeads', [], 'taonet_unsubscribeFinalizedHeads', (h) => {
      this.finalized = Math.max(this.finalized ?? 0, Number((h as { number: string }).number));
    });
    const [head, finHash] = await Promise.all([
      this.call<{ number: string; hash: string; timestamp: string }>('taonet_getHeader'),
      this.call<string | null>('chain_getFinalizedHead'),
    ]);
    if (finHash !== null) {
      const fin = await this.call<{ number: string }>('taonet_getHeader', [finHash]).catch(() => null);
      if (fin !== null) this.finalized = Math.max(this.finalized ?? 0, Number(fin.number));
    }
    this.gotHead(head);
    // Fill in the recent blocks list.
    const top = Number(head.number);
    await Promise.all(
      Array.from({ length: Math.min(20, top) }, (_, i) => top - i).map((n) => this.summary(n).catch(() => undefined)),
    );
  }

  private gotHead(h: { number: string; hash: string; timestamp: string }): void {
    const n = Number(h.number);
    if (this.head !== null && n < this.head.number) return;
    this.head = { number: n, hash: h.hash, time: Number(h.timestamp) };
    void this.summary(n).catch(() => undefined);
    for (const f of this.headListeners) f(this.head);
  }

  private async summary(n: number): Promise<BlockSummary> {
    const have = this.blocks.get(n);
    if (have !== undefined) return have;
    const [b, r] = await Promise.all([
      this.call<RawBlock>('taonet_getBlock', [n]),
      this.call<RawResult | null>('taonet_getEvents', [n]),
    ]);
    const s: BlockSummary = {
      number: n,
      hash: b.hash ?? '',
      time: Number(b.header.timestamp),
      author: b.header.author,
      extrinsics: b.extrinsics.length,
      failed: r?.extrinsics.filter((x) => !x.ok).length ?? 0,
    };
    this.blocks.set(n, s);
    if (this.blocks.size > KEEP_BLOCKS) {
      const oldest = Math.min(...this.blocks.keys());
      this.blocks.delete(oldest);
    }
    return s;
  }

  recentBlocks(limit = 20): BlockSummary[] {
    return [...this.blocks.values()].sort((a, b) => b.number - a.number).slice(0, limit);
  }

  /** Observed ms per block over the recent blocks (null until two are known). */
  blockTimeMs(): number | null {
    const bs = this.recentBlocks(KEEP_BLOCKS);
    const a = bs.at(-1);
    const b = bs[0];
    if (a === undefined || b === undefined || b.number === a.number) return null;
    return (b.time - a.time) / (b.number - a.number);
  }
}

/** GET a JSON endpoint of the explorer's own server. */
export async function api<T>(path: string): Promise<T> {
  const r = await fetch(path, { cache: 'no-store' });
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return (await r.json()) as T;
}
