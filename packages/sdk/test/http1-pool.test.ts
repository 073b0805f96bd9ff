/**
 * The dendrite's keep-alive HTTP/1.1 client against real servers on 127.0.0.1: raw `node:net`
 * servers that control every byte (and misbehave on purpose), and `node:http` for interop. Covers
 * the request head it writes, connection reuse, the per-host socket cap and queue, idle timeouts,
 * stale keep-alive connections, unsolicited bytes, header injection, abort and destroy; then
 * `httpPost`'s mapping of each failure to a status, with per-phase timing.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type HttpOutcome, httpPost } from '../src/dendrite/http-call.js';
import { Http1Pool, type PoolHandle, type PoolRequest } from '../src/dendrite/http1-pool.js';
import { HttpProtocolError, type ParsedResponse } from '../src/dendrite/http1-response-parser.js';

// ---------------------------------------------------------------------------------------------
// Helpers: a byte-exact raw server, and a recorder of one pool request's callbacks.

/** One request as a raw server received it. */
interface RawRequest {
  /** The server-side connection it came on, and its position on that connection. */
  readonly conn: ServerConn;
  readonly index: number;
  readonly requestLine: string;
  /** Lower-cased names (last value wins). */
  readonly headers: Record<string, string>;
  readonly head: string;
  readonly body: Buffer;
  /** The exact bytes of the request, head and body. */
  readonly raw: Buffer;
}

interface ServerConn {
  readonly id: number;
  readonly socket: Socket;
  readonly requests: RawRequest[];
  /** Requests received and not yet answered (tests answer through `answer`). */
  pending: number;
  bytes: number;
  isClosed: boolean;
  readonly closed: Promise<void>;
}

type Handler = (req: RawRequest, answer: (bytes: string | Buffer) => void) => void;

/** Splits a byte stream into requests framed by content-length (what the pool writes). */
function requestSplitter(onRequest: (head: string, body: Buffer, raw: Buffer) => void): (chunk: Buffer) => void {
  let buf = Buffer.alloc(0);
  return (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      const at = buf.indexOf('\r\n\r\n');
      if (at < 0) return;
      const head = buf.toString('latin1', 0, at);
      const m = /\r\ncontent-length: *(\d+)/i.exec(head);
      const end = at + 4 + (m === null ? 0 : Number(m[1]));
      if (buf.length < end) return;
      const raw = Buffer.from(buf.subarray(0, end));
      buf = buf.subarray(end);
      onRequest(head, raw.subarray(at + 4), raw);
    }
  };
}

class RawServer {
  readonly conns: ServerConn[] = [];
  readonly requests: RawRequest[] = [];
  /** Connections open at once, now and at most. */
  open = 0;
  maxOpen = 0;
  /** Requests that arrived on a connection still busy with an earlier one. */
  overlaps = 0;
  readonly #server: Server;
  port = 0;
  handler: Handler;

  private constructor(handler: Handler) {
    this.handler = handler;
    this.#server = createServer((socket) => this.#accept(socket));
  }

  static async start(handler: Handler): Promise<RawServer> {
    const s = new RawServer(handler);
    await new Promise<void>((resolve) => s.#server.listen(0, '127.0.0.1', resolve));
    s.port = (s.#server.address() as AddressInfo).port;
    servers.push(s);
    return s;
  }

  get bytes(): number {
    return this.conns.reduce((n, c) => n + c.bytes, 0);
  }

  #accept(socket: Socket): void {
    let markClosed = (): void => {};
    const conn: ServerConn = {
      id: this.conns.length,
      socket,
      requests: [],
      pending: 0,
      bytes: 0,
      isClosed: false,
      closed: new Promise<void>((r) => (markClosed = r)),
    };
    this.conns.push(conn);
    this.open++;
    this.maxOpen = Math.max(this.maxOpen, this.open);
    socket.on('error', () => {});
    socket.on('close', () => {
      this.open--;
      conn.isClosed = true;
      markClosed();
    });
    const split = requestSplitter((head, body, raw) => {
      const lines = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      const req: RawRequest = {
        conn,
        index: conn.requests.length,
        requestLine: lines[0] as string,
        headers,
        head,
        body,
        raw,
      };
      if (conn.pending > 0) this.overlaps++;
      conn.pending++;
      conn.requests.push(req);
      this.requests.push(req);
      let answered = false;
      this.handler(req, (bytes) => {
        if (!answered) conn.pending--;
        answered = true;
        if (!socket.destroyed) socket.write(bytes);
      });
    });
    socket.on('data', (chunk: Buffer) => {
      conn.bytes += chunk.length;
      split(chunk);
    });
  }

  async close(): Promise<void> {
    for (const c of this.conns) c.socket.destroy();
    await new Promise<void>((r) => this.#server.close(() => r()));
  }
}

const servers: RawServer[] = [];
const httpServers: HttpServer[] = [];
const pools: Http1Pool[] = [];
const calls: Call[] = [];

afterEach(async () => {
  for (const p of pools.splice(0)) p.destroy();
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const h of httpServers.splice(0)) {
    h.closeAllConnections();
    await new Promise<void>((r) => h.close(() => r()));
  }
  // Whatever happened, no request got more than one outcome.
  for (const c of calls.splice(0))
    expect(c.events.filter((e) => e === 'response' || e === 'error').length).toBeLessThanOrEqual(1);
});

const newPool = (maxSockets?: number, idleMs?: number): Http1Pool => {
  const p = new Http1Pool(maxSockets, idleMs);
  pools.push(p);
  return p;
};

/** A 200 with a content-length body. */
const ok = (body = 'ok', extraHeaders = ''): string =>
  `HTTP/1.1 200 OK\r\n${extraHeaders}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

/** Resolves once `cond()` holds; fails the test after `ms`. */
async function waitFor(cond: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('waitFor: condition not met');
    await new Promise((r) => setTimeout(r, 2));
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

interface Outcome {
  readonly response: ParsedResponse | null;
  readonly error: (Error & { code?: string }) | null;
  readonly stale: boolean;
}

interface Call {
  readonly handle: PoolHandle;
  readonly done: Promise<Outcome>;
  /** The callbacks in the order they came. */
  readonly events: string[];
}

function send(pool: Http1Pool, port: number, over: Partial<PoolRequest> = {}): Call {
  const events: string[] = [];
  let resolveDone: (o: Outcome) => void = () => {};
  const done = new Promise<Outcome>((r) => (resolveDone = r));
  const handle = pool.request(
    {
      host: '127.0.0.1',
      port,
      path: '/Echo',
      headers: {},
      body: '',
      contentType: 'application/json',
      maxResponseBytes: 1024 * 1024,
      ...over,
    },
    {
      onConnect: () => events.push('connect'),
      onSent: () => events.push('sent'),
      onFirstByte: () => events.push('firstByte'),
      onResponse: (response) => {
        events.push('response');
        resolveDone({ response, error: null, stale: false });
      },
      onError: (error, stale) => {
        events.push('error');
        resolveDone({ response: null, error, stale });
      },
    },
  );
  const call = { handle, done, events };
  calls.push(call);
  return call;
}

/** A call that must succeed; returns its response body as text. */
async function okBody(call: Call): Promise<string> {
  const o = await call.done;
  if (o.error !== null) throw o.error;
  return (o.response as ParsedResponse).body.toString('utf8');
}

// ---------------------------------------------------------------------------------------------

describe('Http1Pool: requests and answers', () => {
  it('writes one exact request head and UTF-8 body, and reads the answer', async () => {
    const server = await RawServer.start((_req, answer) =>
      answer('HTTP/1.1 200 OK\r\nX-Reply: yes\r\nContent-Length: 11\r\n\r\n{"ok":true}'),
    );
    const body = '{"text":"héllo ✓ 🚀"}';
    const pool = newPool();
    const call = send(pool, server.port, {
      path: '/Echo?x=1',
      headers: { 'x-custom': 'v1', bt_header_axon_ip: '1.2.3.4' },
      body,
    });
    expect(call.handle.reused).toBe(false);
    const { response, error } = await call.done;
    expect(error).toBeNull();
    expect(response).toEqual({
      status: 200,
      headers: { 'x-reply': 'yes', 'content-length': '11' },
      body: Buffer.from('{"ok":true}'),
      keepAlive: true,
    });
    expect(call.events).toEqual(['connect', 'sent', 'firstByte', 'response']);

    expect(server.requests).toHaveLength(1);
    const req = server.requests[0] as RawRequest;
    const bodyBytes = Buffer.from(body, 'utf8');
    expect(bodyBytes.length).toBeGreaterThan(body.length); // really multi-byte
    const expected = Buffer.concat([
      Buffer.from(
        'POST /Echo?x=1 HTTP/1.1\r\n' +
          `host: 127.0.0.1:${server.port}\r\n` +
          'x-custom: v1\r\n' +
          'bt_header_axon_ip: 1.2.3.4\r\n' +
          'content-type: application/json\r\n' +
          `content-length: ${bodyBytes.length}\r\n\r\n`,
        'latin1',
      ),
      bodyBytes,
    ]);
    expect(req.raw.toString('latin1')).toBe(expected.toString('latin1'));
    expect(req.raw.equals(expected)).toBe(true);
    expect(req.body.toString('utf8')).toBe(body);
    // Nothing else was written on the connection.
    expect(server.bytes).toBe(expected.length);
  });

  it('interoperates with node:http: parsed request, chunked answer in pieces, one keep-alive socket', async () => {
    const seen: { method: string; url: string; headers: Record<string, unknown>; body: string }[] = [];
    const sockets = new Set<unknown>();
    const server = createHttpServer({ keepAlive: true }, (req, res) => {
      sockets.add(req.socket);
      const parts: Buffer[] = [];
      req.on('data', (c: Buffer) => parts.push(c));
      req.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: text });
        res.writeHead(201, { 'content-type': 'application/json', 'x-count': String(seen.length) });
        res.write('{"echo":');
        setTimeout(() => res.end(`${JSON.stringify(text)}}`), 5);
      });
    });
    httpServers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const pool = newPool();
    for (let i = 0; i < 3; i++) {
      const body = JSON.stringify({ i, text: 'ünïcode ✓' });
      const call = send(pool, port, { path: `/Route${i}`, headers: { 'x-i': String(i) }, body });
      expect(call.handle.reused).toBe(i > 0);
      const { response } = await call.done;
      expect(response?.status).toBe(201);
      expect(response?.headers['transfer-encoding']).toBe('chunked');
      expect(response?.headers['x-count']).toBe(String(i + 1));
      expect(JSON.parse(response?.body.toString('utf8') ?? '')).toEqual({ echo: body });
      expect(seen[i]).toMatchObject({ method: 'POST', url: `/Route${i}`, body });
      expect(seen[i]?.headers).toMatchObject({
        host: `127.0.0.1:${port}`,
        'x-i': String(i),
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
      });
    }
    expect(sockets.size).toBe(1);
  });

  it('reuses a keep-alive connection for the next request', async () => {
    const server = await RawServer.start((req, answer) => answer(ok(`#${req.index}`)));
    const pool = newPool();
    const first = send(pool, server.port);
    expect(await okBody(first)).toBe('#0');
    const second = send(pool, server.port);
    expect(second.handle.reused).toBe(true);
    expect(await okBody(second)).toBe('#1');
    expect(second.events).toEqual(['sent', 'firstByte', 'response']); // no connect on a reused socket
    expect(server.conns).toHaveLength(1);
    expect(server.requests.map((r) => [r.conn.id, r.index])).toEqual([
      [0, 0],
      [0, 1],
    ]);
  });

  it('opens a new connection after a connection: close answer, and closes the old one', async () => {
    const server = await RawServer.start((req, answer) =>
      answer(ok(`c${req.conn.id}`, req.conn.id === 0 ? 'Connection: close\r\n' : '')),
    );
    const pool = newPool();
    expect(await okBody(send(pool, server.port))).toBe('c0');
    // The server did not close it: the pool did.
    await server.conns[0]?.closed;
    const second = send(pool, server.port);
    expect(second.handle.reused).toBe(false);
    expect(await okBody(second)).toBe('c1');
    expect(server.conns).toHaveLength(2);
  });

  it('queues requests beyond maxSockets; all complete, and the server never sees more connections', async () => {
    const server = await RawServer.start((req, answer) => {
      setTimeout(() => answer(ok(req.body.toString())), 5);
    });
    const pool = newPool(3);
    const many = Array.from({ length: 10 }, (_, i) => send(pool, server.port, { body: `req-${i}` }));
    const bodies = await Promise.all(many.map(okBody));
    expect(bodies).toEqual(Array.from({ length: 10 }, (_, i) => `req-${i}`));
    expect(server.maxOpen).toBeLessThanOrEqual(3);
    expect(server.conns).toHaveLength(3);
    expect(server.overlaps).toBe(0); // one request at a time on each connection
    expect(server.requests).toHaveLength(10);
    expect(many.filter((c) => c.handle.reused)).toHaveLength(7);
    // Each queued request went out on a connection another request had released.
    expect(many.filter((c) => c.events[0] === 'connect')).toHaveLength(3);
  });

  it('keeps separate connections and queues per host:port', async () => {
    const hold: ((b: string) => void)[] = [];
    const a = await RawServer.start((_req, answer) => hold.push(answer));
    const b = await RawServer.start((_req, answer) => answer(ok('b')));
    const pool = newPool(1);
    const onA = send(pool, a.port);
    await waitFor(() => a.requests.length === 1);
    // A's only socket is busy; B is another server and is not queued behind it.
    expect(await okBody(send(pool, b.port))).toBe('b');
    hold[0]?.(ok('a'));
    expect(await okBody(onA)).toBe('a');
  });

  it('frees the slot of a failed connection for a queued request', async () => {
    const server = await RawServer.start((req, answer) => {
      if (req.conn.id === 0) req.conn.socket.destroy();
      else answer(ok('second'));
    });
    const pool = newPool(1);
    const first = send(pool, server.port);
    const second = send(pool, server.port);
    expect((await first.done).error?.code).toBe('ECONNRESET');
    expect(await okBody(second)).toBe('second');
    expect(second.events).toContain('connect');
  });
});

describe('Http1Pool: connection lifetime', () => {
  it('closes idle connections after idleTimeoutMs', async () => {
    const server = await RawServer.start((req, answer) => answer(ok(`c${req.conn.id}`)));
    const pool = newPool(4, 60);
    const t0 = performance.now();
    expect(await okBody(send(pool, server.port))).toBe('c0');
    await server.conns[0]?.closed;
    expect(performance.now() - t0).toBeGreaterThanOrEqual(55);
    const next = send(pool, server.port);
    expect(next.handle.reused).toBe(false);
    expect(await okBody(next)).toBe('c1');
  });

  it('does not close a connection while a request on it outlasts the idle timeout', async () => {
    const server = await RawServer.start((req, answer) => {
      if (req.index === 0) answer(ok('fast'));
      else setTimeout(() => answer(ok('slow')), 150);
    });
    const pool = newPool(4, 50);
    expect(await okBody(send(pool, server.port))).toBe('fast');
    const slow = send(pool, server.port);
    expect(slow.handle.reused).toBe(true);
    expect(await okBody(slow)).toBe('slow');
    expect(server.conns).toHaveLength(1);
  });

  it.each([
    ['FIN', (s: Socket) => s.destroy()],
    ['RST', (s: Socket) => s.resetAndDestroy()],
  ])('a reused connection closed (%s) before any answer byte fails as stale', async (_kind, kill) => {
    const server = await RawServer.start((req, answer) => {
      if (req.index === 0) answer(ok());
      else kill(req.conn.socket);
    });
    const pool = newPool();
    await okBody(send(pool, server.port));
    const second = send(pool, server.port);
    expect(second.handle.reused).toBe(true);
    const { error, stale, response } = await second.done;
    expect(response).toBeNull();
    expect(stale).toBe(true);
    expect(error?.code).toBe('ECONNRESET');
    expect(second.events).not.toContain('firstByte');
    // The dead connection is gone: the next request opens a fresh one.
    server.handler = (_req, answer) => answer(ok('fresh'));
    const third = send(pool, server.port);
    expect(third.handle.reused).toBe(false);
    expect(await okBody(third)).toBe('fresh');
  });

  it('a fresh connection closed without an answer fails, not stale (the server may have seen it)', async () => {
    const server = await RawServer.start((req) => req.conn.socket.destroy());
    const { error, stale } = await send(newPool(), server.port).done;
    expect(error?.code).toBe('ECONNRESET');
    expect(stale).toBe(false);
  });

  it('a reused connection closed after part of an answer fails, not stale', async () => {
    const server = await RawServer.start((req, answer) => {
      if (req.index === 0) answer(ok());
      else {
        answer('HTTP/1.1 200 OK\r\nContent-Le');
        setTimeout(() => req.conn.socket.destroy(), 5);
      }
    });
    const pool = newPool();
    await okBody(send(pool, server.port));
    const second = send(pool, server.port);
    const { error, stale } = await second.done;
    expect(error).toBeInstanceOf(HttpProtocolError);
    expect(error?.message).toMatch(/before the response headers/);
    expect(stale).toBe(false);
    expect(second.events).toContain('firstByte');
  });

  it('drops an idle connection the server ended, and opens a new one without error', async () => {
    const server = await RawServer.start((req, answer) => {
      answer(ok(`c${req.conn.id}`));
      if (req.conn.id === 0) setTimeout(() => req.conn.socket.end(), 10);
    });
    const pool = newPool();
    expect(await okBody(send(pool, server.port))).toBe('c0');
    await server.conns[0]?.closed;
    const next = send(pool, server.port);
    expect(next.handle.reused).toBe(false);
    expect(await okBody(next)).toBe('c1');
    expect(next.events).toEqual(['connect', 'sent', 'firstByte', 'response']);
  });

  it.each([
    ['in the same write as the answer', (answer: (b: string) => void) => answer(`${ok('c0')}HTTP/1.1 200 OK\r\n`)],
    [
      'later, while the connection is idle',
      (answer: (b: string) => void) => {
        answer(ok('c0'));
        setTimeout(() => answer('unsolicited'), 20);
      },
    ],
  ])('does not reuse a connection that sent bytes nobody asked for (%s)', async (_when, misbehave) => {
    const server = await RawServer.start((req, answer) => {
      if (req.conn.id === 0) misbehave(answer);
      else answer(ok(`c${req.conn.id}`));
    });
    const pool = newPool();
    expect(await okBody(send(pool, server.port))).toBe('c0');
    await server.conns[0]?.closed; // the pool closed it
    const next = send(pool, server.port);
    expect(next.handle.reused).toBe(false);
    expect(await okBody(next)).toBe('c1');
    expect(server.conns[0]?.requests).toHaveLength(1);
  });
});

describe('Http1Pool: header injection', () => {
  it.each<[string, Partial<PoolRequest>]>([
    ['CRLF in a header value', { headers: { 'x-a': 'v\r\nx-evil: 1' } }],
    ['LF in a header value', { headers: { 'x-a': 'v\nx-evil: 1' } }],
    ['CR in a header value', { headers: { 'x-a': 'v\rx' } }],
    ['NUL in a header value', { headers: { 'x-a': 'v\0' } }],
    ['CRLF in a header name', { headers: { 'x-a\r\nx-evil': 'v' } }],
    ['CRLF in the path', { path: '/Echo HTTP/1.1\r\nx-evil: 1\r\n\r\nPOST /x' }],
    ['CRLF in the content type', { contentType: 'application/json\r\nx-evil: 1' }],
  ])('refuses %s and sends nothing', async (_what, bad) => {
    const server = await RawServer.start((req, answer) => answer(ok(`#${req.index}`)));
    const pool = newPool();
    // Once on a new connection, once on a reused one.
    const fresh = send(pool, server.port, { ...bad, body: 'evil' });
    const { error, stale } = await fresh.done;
    expect(error?.name).toBe('HeaderInjection');
    expect(stale).toBe(false);
    expect(fresh.events).toEqual(['error']);

    expect(await okBody(send(pool, server.port))).toBe('#0');
    const bytesBefore = server.bytes;
    const onIdle = send(pool, server.port, { ...bad, body: 'evil' });
    expect((await onIdle.done).error?.name).toBe('HeaderInjection');
    expect(onIdle.events).toEqual(['error']);

    // A later good request works, and the server only ever saw the good ones.
    const good = send(pool, server.port, { body: 'good' });
    await okBody(good);
    await sleep(20);
    expect(server.requests.map((r) => r.body.toString())).toEqual(['', 'good']);
    expect(server.bytes).toBe(bytesBefore + (server.requests[1]?.raw.length ?? Number.NaN));
    for (const r of server.requests) expect(r.head).not.toMatch(/evil/);
  });
});

describe('Http1Pool: abort and destroy', () => {
  it('abort() of an in-flight request closes its connection and silences its callbacks', async () => {
    const held: ((b: string) => void)[] = [];
    const server = await RawServer.start((_req, answer) => held.push(answer));
    const pool = newPool();
    const call = send(pool, server.port);
    await waitFor(() => server.requests.length === 1);
    call.handle.abort();
    call.handle.abort(); // idempotent
    await server.conns[0]?.closed;
    held[0]?.(ok('too late'));
    await sleep(20);
    expect(call.events).not.toContain('response');
    expect(call.events).not.toContain('error');
    // The slot is free and the dead connection is not reused.
    server.handler = (_req, answer) => answer(ok('next'));
    const next = send(pool, server.port);
    expect(next.handle.reused).toBe(false);
    expect(await okBody(next)).toBe('next');
  });

  it('abort() before the connection is up gives no callback', async () => {
    const server = await RawServer.start((_req, answer) => answer(ok()));
    const pool = newPool();
    const call = send(pool, server.port);
    call.handle.abort();
    await sleep(30);
    expect(call.events).toEqual([]);
    expect(server.requests).toHaveLength(0);
    expect(await okBody(send(pool, server.port))).toBe('ok');
  });

  it('abort() of a queued request removes it; the connection carries on', async () => {
    const held: ((b: string) => void)[] = [];
    const server = await RawServer.start((req, answer) => {
      if (req.index === 0) held.push(answer);
      else answer(ok(`#${req.index}:${req.body}`));
    });
    const pool = newPool(1);
    const first = send(pool, server.port, { body: 'A' });
    const queued = send(pool, server.port, { body: 'B' });
    await waitFor(() => server.requests.length === 1);
    queued.handle.abort();
    held[0]?.(ok('A done'));
    expect(await okBody(first)).toBe('A done');
    const third = send(pool, server.port, { body: 'C' });
    expect(third.handle.reused).toBe(true);
    expect(await okBody(third)).toBe('#1:C');
    await sleep(10);
    expect(queued.events).toEqual([]);
    expect(server.requests.map((r) => r.body.toString())).toEqual(['A', 'C']);
    expect(server.conns).toHaveLength(1);
  });

  it('abort() after the answer does not close the connection the pool kept', async () => {
    const server = await RawServer.start((req, answer) => answer(ok(`#${req.index}`)));
    const pool = newPool();
    const first = send(pool, server.port);
    await okBody(first);
    first.handle.abort();
    const second = send(pool, server.port);
    expect(second.handle.reused).toBe(true);
    expect(await okBody(second)).toBe('#1');
  });

  it('destroy() fails queued requests at once and in-flight ones, and refuses new ones', async () => {
    const server = await RawServer.start(() => {});
    const pool = newPool(1);
    const inFlight = send(pool, server.port);
    const q1 = send(pool, server.port);
    const q2 = send(pool, server.port);
    await waitFor(() => server.requests.length === 1);
    pool.destroy();
    for (const q of [q1, q2]) {
      expect(q.events).toEqual(['error']); // synchronously
      const { error, stale } = await q.done;
      expect(error?.code).toBe('ECONNABORTED');
      expect(stale).toBe(false);
    }
    const f = await inFlight.done;
    expect(f.response).toBeNull();
    expect(f.stale).toBe(false);
    await server.conns[0]?.closed;

    const late = send(pool, server.port);
    expect(late.events).toEqual([]); // asynchronously
    const { error } = await late.done;
    expect(error?.code).toBe('ECONNABORTED');
    expect(server.conns).toHaveLength(1);
  });

  it('destroy() closes idle connections', async () => {
    const server = await RawServer.start((_req, answer) => answer(ok()));
    const pool = newPool();
    await okBody(send(pool, server.port));
    expect(server.conns[0]?.isClosed).toBe(false);
    pool.destroy();
    await server.conns[0]?.closed;
  });

  it('reports ECONNREFUSED on a closed port', async () => {
    const port = await closedPort();
    const call = send(newPool(), port);
    const { error, stale } = await call.done;
    expect(error?.code).toBe('ECONNREFUSED');
    expect(stale).toBe(false);
    expect(call.events).toEqual(['error']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('httpPost', () => {
  const post = (pool: Http1Pool, port: number, over: Partial<Parameters<typeof httpPost>[0]> = {}) =>
    httpPost({
      pool,
      host: '127.0.0.1',
      port,
      name: 'Dummy',
      headers: { 'x-h': '1' },
      body: '{"a":1}',
      timeoutMs: 2000,
      maxResponseBytes: 1024,
      ...over,
    });

  const failure = (o: HttpOutcome) => {
    if (o.kind !== 'failure') throw new Error(`expected a failure, got ${o.status}`);
    return o;
  };

  it('returns the answer with phase timings, on a new and then a reused connection', async () => {
    const server = await RawServer.start((req, answer) => setTimeout(() => answer(ok(`#${req.index}`)), 10));
    const pool = newPool();
    const first = await post(pool, server.port);
    expect(first).toMatchObject({ kind: 'response', status: 200, body: Buffer.from('#0') });
    expect(server.requests[0]?.requestLine).toBe('POST /Dummy HTTP/1.1');
    expect(server.requests[0]?.headers).toMatchObject({ 'x-h': '1', 'content-type': 'application/json' });
    const t1 = first.timing;
    expect(t1.reusedSocket).toBe(false);
    expect(t1.connectMs).toBeGreaterThan(0);
    expect(t1.sendMs).toBeGreaterThanOrEqual(t1.connectMs);
    expect(t1.firstByteMs).toBeGreaterThanOrEqual(t1.sendMs);
    expect(t1.totalMs).toBeGreaterThanOrEqual(t1.firstByteMs);
    expect(t1.firstByteMs - t1.sendMs).toBeGreaterThanOrEqual(5); // the server's 10 ms

    const second = await post(pool, server.port);
    expect(second).toMatchObject({ kind: 'response', status: 200, body: Buffer.from('#1') });
    const t2 = second.timing;
    expect(t2.reusedSocket).toBe(true);
    expect(t2.connectMs).toBe(0);
    expect(t2.sendMs).toBeGreaterThan(0);
    expect(t2.firstByteMs).toBeGreaterThanOrEqual(t2.sendMs);
    expect(t2.totalMs).toBeGreaterThanOrEqual(t2.firstByteMs);
    expect(server.conns).toHaveLength(1);
  });

  it('reports a request queued behind a busy connection, then sent on it, as reusing it', async () => {
    const server = await RawServer.start((req, answer) => setTimeout(() => answer(ok(`#${req.index}`)), 5));
    const pool = newPool(1);
    const [first, second] = await Promise.all([post(pool, server.port), post(pool, server.port)]);
    expect(first).toMatchObject({ kind: 'response', body: Buffer.from('#0') });
    expect(second).toMatchObject({ kind: 'response', body: Buffer.from('#1') });
    expect(first.timing.reusedSocket).toBe(false);
    expect(first.timing.connectMs).toBeGreaterThan(0);
    expect(second.timing.connectMs).toBe(0);
    expect(second.timing.reusedSocket).toBe(true);
    // Queued, not sent at once: it could go out only after the first answer, which the server
    // holds for 5 ms (a lower bound that load cannot break, unlike comparing the two clocks).
    expect(second.timing.sendMs).toBeGreaterThanOrEqual(4);
    expect(server.conns).toHaveLength(1);
  });

  it('returns any status the axon answers as a response', async () => {
    const server = await RawServer.start((_req, answer) =>
      answer('HTTP/1.1 401 Unauthorized\r\nContent-Length: 17\r\n\r\n{"message":"no"}\n'),
    );
    const o = await post(newPool(), server.port);
    expect(o).toMatchObject({ kind: 'response', status: 401 });
    expect(o.kind === 'response' && JSON.parse(o.body.toString())).toEqual({ message: 'no' });
  });

  it('times out with 408 and does not reuse that connection', async () => {
    const server = await RawServer.start((req, answer) => {
      if (!(req.conn.id === 0 && req.index === 1)) answer(ok(`c${req.conn.id}`));
    });
    const pool = newPool();
    expect((await post(pool, server.port)).status).toBe(200);
    const t0 = performance.now();
    const timedOut = failure(await post(pool, server.port, { timeoutMs: 50 }));
    expect(timedOut.status).toBe(408);
    expect(timedOut.message).toBe('Request timeout after 0.05 seconds');
    expect(timedOut.staleSocket).toBe(false);
    expect(timedOut.timing.reusedSocket).toBe(true);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(45);
    await server.conns[0]?.closed;
    const after = await post(pool, server.port);
    expect(after).toMatchObject({ kind: 'response', status: 200, body: Buffer.from('c1') });
    expect(after.timing.reusedSocket).toBe(false);
  });

  it('fails with 422 when the answer is longer than maxResponseBytes, by length or by chunks', async () => {
    const server = await RawServer.start((req, answer) => {
      if (req.conn.id === 0) answer(ok('x'.repeat(11)));
      else answer('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n6\r\nabcdef\r\n6\r\nghijkl\r\n0\r\n\r\n');
    });
    const pool = newPool();
    const byLength = failure(await post(pool, server.port, { maxResponseBytes: 10 }));
    expect(byLength.status).toBe(422);
    expect(byLength.message).toBe('Failed to parse response: longer than 10 bytes');
    await server.conns[0]?.closed;
    const byChunks = failure(await post(pool, server.port, { maxResponseBytes: 10 }));
    expect(byChunks.status).toBe(422);
    // Exactly at the limit is fine.
    server.handler = (_req, answer) => answer(ok('y'.repeat(10)));
    expect(await post(pool, server.port, { maxResponseBytes: 10 })).toMatchObject({ status: 200, kind: 'response' });
  });

  it('fails with 503 on a refused port', async () => {
    const port = await closedPort();
    const o = failure(await post(newPool(), port));
    expect(o.status).toBe(503);
    expect(o.message).toBe(`Service unavailable at 127.0.0.1:${port}/Dummy (ECONNREFUSED)`);
    expect(o.staleSocket).toBe(false);
    expect(o.timing.totalMs).toBeGreaterThan(0);
  });

  it('fails with 503 and staleSocket on a reused connection closed before the answer', async () => {
    const server = await RawServer.start((req, answer) => {
      if (req.index === 0) answer(ok());
      else req.conn.socket.destroy();
    });
    const pool = newPool();
    expect((await post(pool, server.port)).status).toBe(200);
    const o = failure(await post(pool, server.port));
    expect(o.status).toBe(503);
    expect(o.staleSocket).toBe(true);
    expect(o.message).toMatch(/\(ECONNRESET\)$/);
  });

  it.each([
    ['a garbage status line', 'SSH-2.0-OpenSSH_9.6\r\n\r\n', /status line/],
    ['a garbage header line', 'HTTP/1.1 200 OK\r\nthis is not a header\r\n\r\n', /Malformed header line/],
    ['a bad chunk', 'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nnope\r\n', /chunk size/],
  ])('fails with 500 "Client error" on %s', async (_what, garbage, why) => {
    const server = await RawServer.start((_req, answer) => answer(garbage));
    const o = failure(await post(newPool(), server.port));
    expect(o.status).toBe(500);
    expect(o.message).toMatch(/^Client error: /);
    expect(o.message).toMatch(why);
    expect(o.staleSocket).toBe(false);
  });

  it('fails with 500 when the connection closes mid-body', async () => {
    const server = await RawServer.start((req, answer) => {
      answer('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\npartial');
      setTimeout(() => req.conn.socket.end(), 5);
    });
    const o = failure(await post(newPool(), server.port));
    expect(o.status).toBe(500);
    expect(o.message).toBe('Client error: Connection closed mid-body.');
  });

  it('fails with 500 at once on header injection, sending nothing', async () => {
    const server = await RawServer.start((_req, answer) => answer(ok()));
    const o = failure(await post(newPool(), server.port, { headers: { 'x-h': 'a\r\nx-evil: 1' }, timeoutMs: 60_000 }));
    expect(o.status).toBe(500);
    expect(o.message).toBe('Client error: A header or the path contains CR, LF or NUL.');
    await sleep(20);
    expect(server.bytes).toBe(0);
  });

  it('fails with 503 after the pool is destroyed', async () => {
    const pool = newPool();
    pool.destroy();
    const o = failure(await post(pool, 9));
    expect(o.status).toBe(503);
    expect(o.message).toBe('Service unavailable at 127.0.0.1:9/Dummy (ECONNABORTED)');
  });
});
