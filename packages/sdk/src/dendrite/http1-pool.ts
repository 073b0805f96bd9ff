/**
 * The dendrite's HTTP/1.1 client: keep-alive connections per axon, one request at a time on each.
 *
 * A validator's query is hundreds of small POSTs at once, and node:http's client cost about
 * 75 µs of CPU per request (headers objects, validation passes, event plumbing), more than the
 * request's own signature on the axon. This client writes the request head as one string and
 * parses the answer with `Http1ResponseParser`: about a third of that. It only does what a
 * dendrite needs: POST with a known body, no pipelining, no redirects, no proxies.
 */
import { connect, type Socket } from 'node:net';
import { Http1ResponseParser, type ParsedResponse } from './http1-response-parser.js';

/** One request. */
export interface PoolRequest {
  readonly host: string;
  readonly port: number;
  readonly path: string;
  /** Header names and values; must not contain CR, LF or NUL. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly contentType: string;
  readonly maxResponseBytes: number;
}

/** Callbacks of one request's life; exactly one of `onResponse` and `onError` is called. */
export interface PoolCallbacks {
  /** The TCP connection came up (not called on a reused connection). */
  onConnect(): void;
  /** The request was handed to the OS. */
  onSent(): void;
  /** The first byte of the answer arrived. */
  onFirstByte(): void;
  onResponse(response: ParsedResponse): void;
  /**
   * The request failed. `stale` is true when a reused keep-alive connection turned out to be
   * closed before any byte of the answer: nothing reached the server, so a retry is safe.
   */
  onError(error: Error, stale: boolean): void;
}

/** A request in flight, so the caller can abandon it (its connection is then closed). */
export interface PoolHandle {
  readonly reused: boolean;
  abort(): void;
}

const BAD_HEADER_CHAR = /[\r\n\0]/;

class HeaderInjection extends Error {
  override readonly name = 'HeaderInjection';
}

interface Waiting {
  readonly request: PoolRequest;
  readonly callbacks: PoolCallbacks;
  readonly handle: MutableHandle;
}

interface MutableHandle extends PoolHandle {
  reused: boolean;
  aborted: boolean;
  conn: Connection | null;
}

class Connection {
  readonly socket: Socket;
  readonly host: Host;
  parser: Http1ResponseParser | null = null;
  current: Waiting | null = null;
  gotByte = false;
  closed = false;
  idleTimer: NodeJS.Timeout | null = null;

  constructor(socket: Socket, host: Host) {
    this.socket = socket;
    this.host = host;
  }
}

class Host {
  readonly idle: Connection[] = [];
  readonly queue: Waiting[] = [];
  /** Every open connection, idle or busy. */
  readonly conns = new Set<Connection>();
  open = 0;
}

/** Keep-alive connections to many servers. */
export class Http1Pool {
  readonly #maxSockets: number;
  readonly #idleTimeoutMs: number;
  readonly #hosts = new Map<string, Host>();
  #destroyed = false;

  /**
   * @param maxSocketsPerHost connections per server (more requests wait their turn)
   * @param idleTimeoutMs an idle connection is closed after this long, before the server's own
   *   keep-alive timeout (5 s on a Taonet axon) can close it under a new request
   */
  constructor(maxSocketsPerHost = 4, idleTimeoutMs = 4_000) {
    this.#maxSockets = maxSocketsPerHost;
    this.#idleTimeoutMs = idleTimeoutMs;
  }

  /** Sends `request`; the outcome arrives through `callbacks`. */
  request(request: PoolRequest, callbacks: PoolCallbacks): PoolHandle {
    const handle: MutableHandle = {
      reused: false,
      aborted: false,
      conn: null,
      abort: () => {
        if (handle.aborted) return;
        handle.aborted = true;
        const conn = handle.conn;
        if (conn !== null) this.#close(conn);
        else {
          const host = this.#hosts.get(`${request.host}|${request.port}`);
          const i = host?.queue.findIndex((w) => w.handle === handle) ?? -1;
          if (host !== undefined && i >= 0) host.queue.splice(i, 1);
        }
      },
    };
    const waiting: Waiting = { request, callbacks, handle };
    if (this.#destroyed) {
      queueMicrotask(() =>
        callbacks.onError(Object.assign(new Error('Client closed'), { code: 'ECONNABORTED' }), false),
      );
      return handle;
    }
    const key = `${request.host}|${request.port}`;
    let host = this.#hosts.get(key);
    if (host === undefined) {
      host = new Host();
      this.#hosts.set(key, host);
    }
    const idle = host.idle.pop();
    if (idle !== undefined) this.#send(idle, waiting, true);
    else if (host.open < this.#maxSockets) this.#open(host, waiting);
    else host.queue.push(waiting);
    return handle;
  }

  /** Closes every connection; requests in flight fail. */
  destroy(): void {
    this.#destroyed = true;
    for (const host of this.#hosts.values()) {
      for (const w of host.queue.splice(0))
        w.callbacks.onError(Object.assign(new Error('Client closed'), { code: 'ECONNABORTED' }), false);
      for (const c of [...host.conns]) this.#close(c);
    }
  }

  #open(host: Host, waiting: Waiting): void {
    const { request } = waiting;
    host.open++;
    const socket = connect({ host: request.host, port: request.port });
    socket.setNoDelay(true);
    const conn = new Connection(socket, host);
    host.conns.add(conn);
    socket.once('connect', () => waiting.handle.conn === conn && waiting.callbacks.onConnect());
    socket.on('data', (chunk: Buffer) => this.#onData(conn, chunk));
    socket.on('end', () => this.#onEnd(conn));
    socket.on('error', (e) => this.#onClose(conn, e));
    socket.on('close', () => this.#onClose(conn, null));
    this.#send(conn, waiting, false);
  }

  #send(conn: Connection, waiting: Waiting, reused: boolean): void {
    if (conn.idleTimer !== null) {
      clearTimeout(conn.idleTimer);
      conn.idleTimer = null;
    }
    const { request, handle } = waiting;
    handle.reused = reused;
    handle.conn = conn;
    conn.current = waiting;
    conn.gotByte = false;
    conn.parser = new Http1ResponseParser(request.maxResponseBytes);
    const hostHeader = request.host.includes(':')
      ? `[${request.host}]:${request.port}`
      : `${request.host}:${request.port}`;
    let head = `POST ${request.path} HTTP/1.1\r\nhost: ${hostHeader}\r\n`;
    let injected = BAD_HEADER_CHAR.test(request.path) || BAD_HEADER_CHAR.test(request.contentType);
    for (const name in request.headers) {
      const value = request.headers[name] as string;
      injected ||= BAD_HEADER_CHAR.test(name) || BAD_HEADER_CHAR.test(value);
      head += `${name}: ${value}\r\n`;
    }
    head += `content-type: ${request.contentType}\r\ncontent-length: ${Buffer.byteLength(request.body)}\r\n\r\n`;
    if (injected) {
      this.#fail(conn, new HeaderInjection('A header or the path contains CR, LF or NUL.'), false);
      return;
    }
    conn.socket.write(head + request.body, 'utf8', () => {
      if (conn.current === waiting) waiting.callbacks.onSent();
    });
  }

  #onData(conn: Connection, chunk: Buffer): void {
    const waiting = conn.current;
    const parser = conn.parser;
    if (waiting === null || parser === null) {
      // Bytes nobody asked for: the connection's framing can no longer be trusted.
      this.#close(conn);
      return;
    }
    if (!conn.gotByte) {
      conn.gotByte = true;
      waiting.callbacks.onFirstByte();
    }
    let extra: Buffer | null;
    try {
      extra = parser.feed(chunk);
    } catch (e) {
      this.#fail(conn, e as Error, false);
      return;
    }
    const response = parser.result;
    if (response === null) return;
    conn.current = null;
    conn.parser = null;
    waiting.handle.conn = null;
    if (response.keepAlive && extra === null && !this.#destroyed) this.#release(conn);
    else this.#close(conn);
    waiting.callbacks.onResponse(response);
  }

  #onEnd(conn: Connection): void {
    const parser = conn.parser;
    const waiting = conn.current;
    if (waiting !== null && parser !== null) {
      try {
        parser.end();
      } catch (e) {
        const unanswered = !conn.gotByte;
        if (unanswered) Object.assign(e as Error, { code: 'ECONNRESET' });
        this.#fail(conn, e as Error, unanswered && waiting.handle.reused);
        return;
      }
      const response = parser.result as ParsedResponse;
      conn.current = null;
      conn.parser = null;
      waiting.handle.conn = null;
      this.#close(conn);
      waiting.callbacks.onResponse(response);
      return;
    }
    this.#close(conn);
  }

  #onClose(conn: Connection, error: Error | null): void {
    if (conn.current !== null) {
      const e = error ?? Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      const code = (e as NodeJS.ErrnoException).code;
      const stale = !conn.gotByte && conn.current.handle.reused && (code === 'ECONNRESET' || code === 'EPIPE');
      this.#fail(conn, e, stale);
      return;
    }
    this.#close(conn);
  }

  #fail(conn: Connection, error: Error, stale: boolean): void {
    const waiting = conn.current;
    conn.current = null;
    conn.parser = null;
    this.#close(conn);
    if (waiting !== null) {
      waiting.handle.conn = null;
      if (!waiting.handle.aborted) waiting.callbacks.onError(error, stale);
    }
  }

  #release(conn: Connection): void {
    const next = conn.host.queue.shift();
    if (next !== undefined) {
      this.#send(conn, next, true);
      return;
    }
    conn.host.idle.push(conn);
    conn.idleTimer = setTimeout(() => this.#close(conn), this.#idleTimeoutMs);
    conn.idleTimer.unref();
  }

  #close(conn: Connection): void {
    if (conn.closed) return;
    conn.closed = true;
    if (conn.idleTimer !== null) clearTimeout(conn.idleTimer);
    const host = conn.host;
    host.open--;
    host.conns.delete(conn);
    const i = host.idle.indexOf(conn);
    if (i >= 0) host.idle.splice(i, 1);
    conn.socket.destroy();
    const waiting = conn.current;
    if (waiting !== null) {
      conn.current = null;
      waiting.handle.conn = null;
      if (!waiting.handle.aborted)
        waiting.callbacks.onError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), false);
    }
    // A freed slot lets a queued request open a connection.
    const next = host.queue.shift();
    if (next !== undefined && !this.#destroyed) this.#open(host, next);
  }
}
