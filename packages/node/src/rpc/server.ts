/**
 * JSON-RPC 2.0 over HTTP POST and WebSocket on one port (like Substrate's RPC). Requests may be
 * batched. Bodies are capped in size and each client (HTTP: per address, WebSocket: per
 * connection) is rate-limited; every refusal is a JSON-RPC error with a name and a hint.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { RuntimeError } from '@taonet/runtime';
import { METHODS, type NodeApi } from './methods.js';
import { NodeMetrics } from './metrics.js';
import { TokenBucket } from './rate-limiter.js';
import { RpcCode, RpcError } from './rpc-error.js';
import { stringify } from './json.js';

export interface RpcServerOptions {
  readonly host: string;
  readonly port: number;
  readonly maxBodyBytes: number;
  /** Requests per second per client, and the burst allowed. */
  readonly rateLimit: number;
  readonly rateBurst: number;
  readonly maxSubscriptionsPerConnection: number;
  readonly now: () => number;
}

export const DEFAULT_RPC_OPTIONS: RpcServerOptions = {
  host: '127.0.0.1',
  port: 9944,
  maxBodyBytes: 4 * 1024 * 1024,
  rateLimit: 5000,
  rateBurst: 20000,
  maxSubscriptionsPerConnection: 1024,
  now: () => Date.now(),
};

const NOTIFICATION: Record<string, string> = {
  chain_subscribeNewHeads: 'chain_newHead',
  chain_subscribeFinalizedHeads: 'chain_finalizedHead',
  chain_subscribeFinalisedHeads: 'chain_finalizedHead',
  chain_subscribeAllHeads: 'chain_allHead',
  taonet_subscribeNewHeads: 'taonet_newHead',
  taonet_subscribeFinalizedHeads: 'taonet_finalizedHead',
  author_submitAndWatchExtrinsic: 'author_extrinsicUpdate',
};

type Json = Record<string, unknown>;

/** A JSON-RPC id: a string, a number or null. Anything else is answered with id null. */
function validId(id: unknown): boolean {
  return id === null || typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));
}

function errorReply(id: unknown, e: RpcError): Json {
  return { jsonrpc: '2.0', id: validId(id) ? id : null, error: e.toJson() };
}

/** Unsubscribe method name → the subscription method it ends. */
const UNSUBSCRIBE = new Set(
  Object.values(METHODS).flatMap((d) => (d.subscribe === undefined ? [] : [d.subscribe.unsubscribeMethod])),
);

interface Session {
  readonly subs: Map<string, () => void>;
  readonly send: ((msg: string) => void) | null;
  readonly bucket: TokenBucket;
}

export class RpcServer {
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly buckets = new Map<string, TokenBucket>();
  private nextSub = 1;
  private readonly stopCounting: () => void;
  readonly opts: RpcServerOptions;
  /** What `GET /metrics` reports. */
  readonly metrics = new NodeMetrics();

  constructor(
    private readonly api: NodeApi,
    opts: Partial<RpcServerOptions> = {},
  ) {
    this.opts = { ...DEFAULT_RPC_OPTIONS, ...opts };
    this.http = createServer((req, res) => this.onHttp(req, res));
    this.wss = new WebSocketServer({ noServer: true, maxPayload: this.opts.maxBodyBytes });
    this.http.on('upgrade', (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
    this.stopCounting = api.chain.onImport((b) => this.metrics.imported(b.txHashes.length));
  }

  async listen(): Promise<{ host: string; port: number }> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.opts.port, this.opts.host, () => resolve());
    });
    const a = this.http.address() as AddressInfo;
    return { host: a.address, port: a.port };
  }

  async close(): Promise<void> {
    this.stopCounting();
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((r) => this.wss.close(() => r()));
    this.http.closeAllConnections();
    await new Promise<void>((r) => this.http.close(() => r()));
  }

  private bucketFor(key: string): TokenBucket {
    let b = this.buckets.get(key);
    if (b === undefined) {
      if (this.buckets.size > 10_000) this.buckets.clear();
      b = new TokenBucket(this.opts.rateLimit, this.opts.rateBurst, this.opts.now);
      this.buckets.set(key, b);
    }
    return b;
  }

  private onHttp(req: IncomingMessage, res: ServerResponse): void {
    const reply = (status: number, body: unknown): void => {
      const text = typeof body === 'string' ? body : stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end(text);
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'POST, GET',
        'access-control-allow-headers': 'content-type',
      });
      res.end();
      return;
    }
    if (req.method === 'GET' && req.url === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      res.end(this.metrics.render(this.api));
      return;
    }
    if (req.method === 'GET' && (req.url === '/health' || req.url === '/')) {
      reply(200, { ok: true, chain: this.api.chain.spec.name, head: this.api.chain.head.number });
      return;
    }
    if (req.method !== 'POST') {
      reply(
        405,
        errorReply(null, new RpcError(RpcCode.InvalidRequest, 'MethodNotAllowed', 'use POST with a JSON-RPC body')),
      );
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let aborted = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > this.opts.maxBodyBytes && !aborted) {
        aborted = true;
        reply(
          413,
          errorReply(
            null,
            new RpcError(
              RpcCode.RequestTooLarge,
              'RequestTooLarge',
              `bodies are limited to ${this.opts.maxBodyBytes} bytes`,
            ),
          ),
        );
        req.resume();
        return;
      }
      if (!aborted) chunks.push(c);
    });
    req.on('end', () => {
      if (aborted) return;
      const session: Session = { subs: new Map(), send: null, bucket: this.bucketFor(req.socket.remoteAddress ?? '?') };
      const out = this.handleText(Buffer.concat(chunks).toString('utf8'), session);
      reply(200, out ?? '');
    });
  }

  private onSocket(ws: WebSocket): void {
    this.metrics.wsOpened();
    const session: Session = {
      subs: new Map(),
      send: (m) => {
        if (ws.readyState === ws.OPEN) ws.send(m);
      },
      bucket: new TokenBucket(this.opts.rateLimit, this.opts.rateBurst, this.opts.now),
    };
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? '' : data.toString();
      const out = this.handleText(text, session);
      if (out !== null && ws.readyState === ws.OPEN) ws.send(out);
    });
    ws.on('close', () => {
      this.metrics.wsClosed();
      for (const stop of session.subs.values()) stop();
      this.metrics.subscriptionsChanged(-session.subs.size);
      session.subs.clear();
    });
    ws.on('error', () => ws.terminate());
  }

  /** Handles one JSON-RPC text (single or batch); returns the reply text, or null for no reply. */
  handleText(text: string, session: Session): string | null {
    try {
      return this.handleTextUnsafe(text, session);
    } catch (e) {
      // Last line of defence: a request must never take the node down.
      return stringify(
        errorReply(null, new RpcError(RpcCode.Internal, 'InternalError', (e as Error)?.message ?? String(e))),
      );
    }
  }

  private handleTextUnsafe(text: string, session: Session): string | null {
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      this.metrics.error('ParseError');
      return stringify(errorReply(null, new RpcError(RpcCode.ParseError, 'ParseError', 'the body is not JSON')));
    }
    if (Array.isArray(msg)) {
      if (msg.length === 0) {
        this.metrics.error('InvalidRequest');
        return stringify(errorReply(null, new RpcError(RpcCode.InvalidRequest, 'InvalidRequest', 'empty batch')));
      }
      if (!session.bucket.take(msg.length)) {
        this.metrics.error('RateLimited');
        return stringify(
          errorReply(
            null,
            new RpcError(RpcCode.RateLimited, 'RateLimited', 'too many requests', 'slow down and retry'),
          ),
        );
      }
      const replies = msg.map((m) => this.handleOne(m, session)).filter((r) => r !== null);
      return replies.length === 0 ? null : stringify(replies);
    }
    if (!session.bucket.take()) {
      this.metrics.error('RateLimited');
      const id = msg !== null && typeof msg === 'object' ? (msg as Json).id : null;
      return stringify(
        errorReply(id, new RpcError(RpcCode.RateLimited, 'RateLimited', 'too many requests', 'slow down and retry')),
      );
    }
    const r = this.handleOne(msg, session);
    return r === null ? null : stringify(r);
  }

  private handleOne(msg: unknown, session: Session): Json | null {
    const reply = this.handleOneUncounted(msg, session);
    if (msg !== null && typeof msg === 'object') this.metrics.request((msg as Json).method);
    this.countError(reply);
    return reply;
  }

  private countError(reply: Json | null): void {
    const name = ((reply?.error as { data?: { name?: unknown } } | undefined)?.data?.name ?? null) as string | null;
    if (typeof name === 'string') this.metrics.error(name);
  }

  private handleOneUncounted(msg: unknown, session: Session): Json | null {
    if (msg === null || typeof msg !== 'object' || Array.isArray(msg)) {
      return errorReply(null, new RpcError(RpcCode.InvalidRequest, 'InvalidRequest', 'a request must be an object'));
    }
    const m = msg as Json;
    const id = m.id;
    const isNotification = !('id' in m);
    if (!isNotification && !validId(id)) {
      return errorReply(
        null,
        new RpcError(RpcCode.InvalidRequest, 'InvalidRequest', 'id must be a string, number or null'),
      );
    }
    if (m.jsonrpc !== '2.0' || typeof m.method !== 'string') {
      return errorReply(
        id,
        new RpcError(RpcCode.InvalidRequest, 'InvalidRequest', 'expected {"jsonrpc":"2.0","method":…,"id":…}'),
      );
    }
    const params = m.params === undefined ? [] : m.params;
    if (!Array.isArray(params)) {
      return errorReply(id, new RpcError(RpcCode.InvalidParams, 'InvalidParams', 'params must be a list (positional)'));
    }
    try {
      const result = this.dispatch(m.method, params, session);
      return isNotification ? null : { jsonrpc: '2.0', id, result: result === undefined ? null : result };
    } catch (e) {
      if (e instanceof RpcError) return errorReply(id, e);
      if (e instanceof RuntimeError)
        return errorReply(id, new RpcError(RpcCode.CallFailed, e.code, e.explanation, e.hint, e.data));
      const err = e as Error;
      return errorReply(id, new RpcError(RpcCode.Internal, 'InternalError', err.message ?? String(e)));
    }
  }

  private dispatch(method: string, params: readonly unknown[], session: Session): unknown {
    if (UNSUBSCRIBE.has(method)) {
      const id = params[0];
      const stop = typeof id === 'string' ? session.subs.get(id) : undefined;
      if (stop === undefined) return false;
      stop();
      session.subs.delete(id as string);
      this.metrics.subscriptionsChanged(-1);
      return true;
    }
    const def = METHODS[method];
    if (def === undefined || !Object.hasOwn(METHODS, method)) {
      throw new RpcError(RpcCode.MethodNotFound, 'MethodNotFound', `no method '${method}'`, 'see docs/rpc.md');
    }
    if (def.subscribe !== undefined) {
      if (session.send === null) {
        throw new RpcError(
          RpcCode.NotAvailable,
          'SubscriptionsNeedWebSocket',
          `${method} is a subscription`,
          'connect over WebSocket',
        );
      }
      if (session.subs.size >= this.opts.maxSubscriptionsPerConnection) {
        throw new RpcError(RpcCode.RateLimited, 'TooManySubscriptions', 'this connection has too many subscriptions');
      }
      const sid = `${this.nextSub++}`;
      const send = session.send;
      const notifyName = def.subscribe.notification ?? NOTIFICATION[method] ?? `${method}_notification`;
      // Notifications raised while subscribing (e.g. a transaction's 'ready') wait until the reply
      // carrying the subscription id has been sent.
      let queued: string[] | null = [];
      const stop = def.subscribe.start(this.api, params, (result) => {
        const m = stringify({ jsonrpc: '2.0', method: notifyName, params: { subscription: sid, result } });
        if (queued === null) send(m);
        else queued.push(m);
      });
      session.subs.set(sid, stop);
      this.metrics.subscriptionsChanged(1);
      queueMicrotask(() => {
        const q = queued ?? [];
        queued = null;
        if (session.subs.has(sid)) for (const m of q) send(m);
      });
      return sid;
    }
    if (def.call === undefined) throw new RpcError(RpcCode.Internal, 'InternalError', `${method} has no handler`);
    return def.call(this.api, params);
  }
}
