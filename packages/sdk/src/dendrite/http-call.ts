/**
 * One HTTP POST from a dendrite to an axon, timed per phase, that never throws: a network failure
 * or timeout comes back as a status and message like an answer would (§2.6 client-side failures),
 * so a fan-out to hundreds of axons cannot be broken by one of them.
 */
import type { PhaseTiming } from '../synapse/synapse.js';
import type { Http1Pool, PoolHandle } from './http1-pool.js';
import { ResponseTooLarge, type ResponseHeaders } from './http1-response-parser.js';

/** What `httpPost` needs. */
export interface HttpPost {
  readonly pool: Http1Pool;
  readonly host: string;
  readonly port: number;
  /** The synapse name (the route, and part of failure messages). */
  readonly name: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly timeoutMs: number;
  /** Answers longer than this are cut off (422): an axon must not exhaust the caller's memory. */
  readonly maxResponseBytes: number;
}

/** An answer (any status) or a failure mapped to a status. */
export type HttpOutcome =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly headers: ResponseHeaders;
      readonly body: Buffer;
      readonly timing: PhaseTiming;
    }
  | {
      readonly kind: 'failure';
      readonly status: number;
      readonly message: string;
      readonly timing: PhaseTiming;
      /** A keep-alive socket the axon had already closed: safe to retry once on a fresh one. */
      readonly staleSocket: boolean;
    };

// Errors that mean "could not reach the axon" (Python: ClientConnectorError, ServerDisconnectedError).
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNABORTED',
]);

/** POSTs `body` and collects the answer. Resolves, never rejects. */
export function httpPost(p: HttpPost): Promise<HttpOutcome> {
  const t0 = performance.now();
  const timing: PhaseTiming = { connectMs: 0, sendMs: 0, firstByteMs: 0, totalMs: 0, reusedSocket: false };
  const since = (): number => performance.now() - t0;
  return new Promise((resolve) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    let handle: PoolHandle | undefined;
    const settle = (o: HttpOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      timing.totalMs = since();
      // A queued request learns which connection it got only when it is sent.
      if (handle !== undefined) timing.reusedSocket = handle.reused;
      resolve(o);
    };
    const failure = (status: number, message: string, staleSocket = false): void =>
      settle({ kind: 'failure', status, message, timing, staleSocket });
    handle = p.pool.request(
      {
        host: p.host,
        port: p.port,
        path: `/${p.name}`,
        headers: p.headers,
        body: p.body,
        contentType: 'application/json',
        maxResponseBytes: p.maxResponseBytes,
      },
      {
        onConnect: () => (timing.connectMs = since()),
        onSent: () => (timing.sendMs = since()),
        onFirstByte: () => (timing.firstByteMs = since()),
        onResponse: (r) => settle({ kind: 'response', status: r.status, headers: r.headers, body: r.body, timing }),
        onError: (e, stale) => {
          if (e instanceof ResponseTooLarge) {
            failure(422, `Failed to parse response: longer than ${p.maxResponseBytes} bytes`);
            return;
          }
          const code = (e as NodeJS.ErrnoException).code ?? '';
          if (UNREACHABLE.has(code) || e.message === 'socket hang up') {
            failure(503, `Service unavailable at ${p.host}:${p.port}/${p.name} (${code || e.message})`, stale);
            return;
          }
          failure(500, `Client error: ${e.message}`);
        },
      },
    );
    timing.reusedSocket = handle.reused;
    if (settled) return;
    timer = setTimeout(() => {
      failure(408, `Request timeout after ${p.timeoutMs / 1000} seconds`);
      handle?.abort();
    }, p.timeoutMs);
  });
}
