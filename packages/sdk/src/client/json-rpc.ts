/**
 * One managed WebSocket connection to a node's JSON-RPC: requests with deadlines, subscriptions,
 * and automatic reconnect with backoff that re-establishes every live subscription. Closing is
 * explicit; a closed client rejects new calls at once.
 */
import { SdkError } from '../errors.js';

export class RpcCallError extends SdkError {
  constructor(
    code: string,
    explanation: string,
    hint: string | undefined,
    readonly rpcCode: number,
    /** Exact values behind the text (`error.data.details`), e.g. `amounts`. */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(code, explanation, hint);
  }
}

interface WsLike {
  readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

type WsCtor = new (url: string) => WsLike;

async function webSocketCtor(): Promise<WsCtor> {
  const g = (globalThis as { WebSocket?: WsCtor }).WebSocket;
  if (g !== undefined) return g;
  const mod = (await import('ws')) as unknown as { default: WsCtor };
  return mod.default;
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  timer: ReturnType<typeof setTimeout>;
}

interface Sub {
  readonly method: string;
  readonly params: readonly unknown[];
  readonly unsubscribe: string;
  readonly onData: (result: unknown) => void;
  serverId: string | null;
}

export interface JsonRpcOptions {
  /** Deadline per call (ms). */
  readonly timeoutMs: number;
  /** Reconnect backoff bounds (ms). */
  readonly minBackoffMs: number;
  readonly maxBackoffMs: number;
  /** Called on connection state changes (for "disconnected — retrying" displays). */
  readonly onStatus?: (s: 'connected' | 'disconnected' | 'closed') => void;
}

export class JsonRpcClient {
  private ws: WsLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly subs = new Map<number, Sub>();
  private readonly byServerId = new Map<string, Sub>();
  private nextLocalSub = 1;
  private closed = false;
  private backoff: number;
  private connecting: Promise<void> | null = null;
  private ctor: WsCtor | null = null;
  readonly opts: JsonRpcOptions;

  constructor(
    readonly url: string,
    opts: Partial<JsonRpcOptions> = {},
  ) {
    this.opts = { timeoutMs: 30_000, minBackoffMs: 200, maxBackoffMs: 5_000, ...opts };
    this.backoff = this.opts.minBackoffMs;
  }

  /**
   * The socket holds the process open only while something is in flight (a call or a
   * subscription): a script that forgot `close()` still exits once its last answer is in.
   * Needs `ws`'s socket (Node); elsewhere the runtime decides.
   */
  private holdOpenWhileBusy(): void {
    const sock = (this.ws as { _socket?: { ref?: () => void; unref?: () => void } } | null)?._socket;
    if (this.pending.size > 0 || this.subs.size > 0) sock?.ref?.();
    else sock?.unref?.();
  }

  get connected(): boolean {
    return this.ws !== null && this.ws.readyState === 1;
  }

  /** Connects (or waits for the connection in progress). */
  async connect(): Promise<void> {
    if (this.closed) throw new SdkError('ClientClosed', 'this client was closed', 'create a new one');
    if (this.connected) return;
    this.connecting ??= this.open();
    try {
      await this.connecting;
    } finally {
      this.connecting = null;
    }
  }

  private async open(): Promise<void> {
    this.ctor ??= await webSocketCtor();
    const Ctor = this.ctor;
    await new Promise<void>((resolve, reject) => {
      const ws = new Ctor(this.url);
      let opened = false;
      ws.onopen = () => {
        opened = true;
        this.ws = ws;
        this.backoff = this.opts.minBackoffMs;
        this.opts.onStatus?.('connected');
        this.holdOpenWhileBusy();
        resolve();
        void this.resubscribe();
      };
      ws.onmessage = (ev) => this.onMessage(String(ev.data));
      ws.onerror = () => {
        if (!opened)
          reject(
            new SdkError(
              'ConnectionFailed',
              `cannot reach ${this.url}`,
              'is the node running? (npx taonet node --dev)',
            ),
          );
      };
      ws.onclose = () => {
        if (this.ws === ws) this.ws = null;
        if (!opened) return;
        for (const [id, p] of this.pending) {
          clearTimeout(p.timer);
          p.reject(
            new SdkError(
              'ConnectionLost',
              'the connection closed before the node answered',
              'the call may or may not have run; check before retrying',
            ),
          );
          this.pending.delete(id);
        }
        for (const s of this.subs.values()) s.serverId = null;
        this.byServerId.clear();
        if (this.closed) return;
        this.opts.onStatus?.('disconnected');
        this.scheduleReconnect();
      };
    });
  }

  private scheduleReconnect(): void {
    const wait = this.backoff;
    this.backoff = Math.min(this.backoff * 2, this.opts.maxBackoffMs);
    const t = setTimeout(() => {
      if (this.closed || this.connected) return;
      this.connect().catch(() => this.scheduleReconnect());
    }, wait);
    // Reconnecting matters only to work in flight, which holds the process open by itself.
    if (this.pending.size === 0 && this.subs.size === 0) t.unref?.();
  }

  private async resubscribe(): Promise<void> {
    for (const s of this.subs.values()) {
      if (s.serverId !== null) continue;
      try {
        const id = (await this.call(s.method, s.params)) as string;
        s.serverId = id;
        this.byServerId.set(id, s);
      } catch {
        // The next reconnect retries.
      }
    }
  }

  private onMessage(text: string): void {
    let msg: {
      id?: number;
      result?: unknown;
      error?: {
        code: number;
        message: string;
        data?: { name?: string; explanation?: string; hint?: string; details?: Record<string, unknown> };
      };
      params?: { subscription: string; result: unknown };
    };
    try {
      msg = JSON.parse(text);
    } catch {
      return;
    }
    if (msg.id !== undefined && msg.id !== null) {
      const p = this.pending.get(msg.id);
      if (p === undefined) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      this.holdOpenWhileBusy();
      if (msg.error !== undefined) {
        const d = msg.error.data ?? {};
        p.reject(
          new RpcCallError(d.name ?? 'RpcError', d.explanation ?? msg.error.message, d.hint, msg.error.code, d.details),
        );
      } else {
        p.resolve(msg.result);
      }
      return;
    }
    if (msg.params === undefined) return;
    const sub = this.byServerId.get(msg.params.subscription);
    if (sub !== undefined) {
      sub.onData(msg.params.result);
      return;
    }
    // A notification can arrive in the same network read as the subscribe reply, before the reply's
    // continuation has recorded the id: keep it (a few, briefly) for that subscription.
    const early = this.early.get(msg.params.subscription) ?? [];
    early.push(msg.params.result);
    this.early.set(msg.params.subscription, early);
    if (this.early.size > 64) this.early.delete(this.early.keys().next().value as string);
  }

  /** Notifications that came before their subscription id was known, by server id. */
  private readonly early = new Map<string, unknown[]>();

  /** Calls a method; rejects with RpcCallError (typed) or a timeout after the deadline. */
  async call(method: string, params: readonly unknown[] = [], timeoutMs = this.opts.timeoutMs): Promise<unknown> {
    await this.connect();
    const ws = this.ws;
    if (ws === null) throw new SdkError('ConnectionLost', 'not connected');
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.holdOpenWhileBusy();
        reject(
          new SdkError(
            'Timeout',
            `${method} got no answer within ${timeoutMs} ms`,
            'the node may be overloaded; retry or raise the timeout',
          ),
        );
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.holdOpenWhileBusy();
      ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    });
  }

  /** Subscribes; `onData` gets each notification. Returns an unsubscribe function. */
  async subscribe(
    method: string,
    params: readonly unknown[],
    unsubscribe: string,
    onData: (r: unknown) => void,
  ): Promise<() => Promise<void>> {
    const local = this.nextLocalSub++;
    const sub: Sub = { method, params, unsubscribe, onData, serverId: null };
    this.subs.set(local, sub);
    try {
      const id = (await this.call(method, params)) as string;
      sub.serverId = id;
      this.byServerId.set(id, sub);
      const early = this.early.get(id);
      if (early !== undefined) {
        this.early.delete(id);
        for (const r of early) onData(r);
      }
    } catch (e) {
      this.subs.delete(local);
      this.holdOpenWhileBusy();
      throw e;
    }
    return async () => {
      this.subs.delete(local);
      this.holdOpenWhileBusy();
      const id = sub.serverId;
      if (id === null) return;
      this.byServerId.delete(id);
      if (this.connected) await this.call(unsubscribe, [id]).catch(() => undefined);
    };
  }

  /** Closes the connection for good. */
  close(): void {
    this.closed = true;
    this.opts.onStatus?.('closed');
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new SdkError('ClientClosed', 'the client was closed'));
    }
    this.pending.clear();
    this.subs.clear();
    this.byServerId.clear();
    this.ws?.close();
    this.ws = null;
  }
}
