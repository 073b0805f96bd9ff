/**
 * One HTTP POST from a dendrite to an axon, timed per phase, that never throws: a network failure
 * or timeout comes back as a status and message like an answer would (§2.6 client-side failures),
 * so a fan-out to hundreds of axons cannot be broken by one of them.
 */
import { type Agent, type IncomingHttpHeaders, request } from 'node:http';
import type { Socket } from 'node:net';
import type { PhaseTiming } from '../synapse/synapse.js';

/** What `httpPost` needs. */
export interface HttpPost {
  readonly agent: Agent;
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
      readonly headers: IncomingHttpHeaders;
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

class TimeoutMarker extends Error {}
class TooLarge extends Error {}

/** POSTs `body` and collects the answer. Resolves, never rejects. */
export function httpPost(p: HttpPost): Promise<HttpOutcome> {
  const t0 = performance.now();
  const timing: PhaseTiming = { connectMs: 0, sendMs: 0, firstByteMs: 0, totalMs: 0, reusedSocket: false };
  const since = (): number => performance.now() - t0;
  return new Promise((resolve) => {
    let settled = false;
    let responded = false;
    const settle = (o: HttpOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      timing.totalMs = since();
      resolve(o);
    };
    const req = request({
      agent: p.agent,
      host: p.host,
      port: p.port,
      path: `/${p.name}`,
      method: 'POST',
      headers: { ...p.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(p.body) },
    });
    // Settle first, then tear down: whatever error the teardown emits is then ignored.
    const timer = setTimeout(() => {
      fail(new TimeoutMarker());
      req.destroy();
    }, p.timeoutMs);
    req.on('socket', (socket: Socket) => {
      timing.reusedSocket = req.reusedSocket;
      if (socket.connecting) socket.once('connect', () => (timing.connectMs = since()));
    });
    req.on('finish', () => (timing.sendMs = since()));
    req.on('response', (res) => {
      responded = true;
      timing.firstByteMs = since();
      const chunks: Buffer[] = [];
      let n = 0;
      res.on('data', (c: Buffer) => {
        n += c.length;
        if (n > p.maxResponseBytes) res.destroy(new TooLarge());
        else chunks.push(c);
      });
      res.on('end', () =>
        settle({
          kind: 'response',
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, n),
          timing,
        }),
      );
      res.on('error', (e) => fail(e));
      // The connection dropped mid-answer.
      res.on('close', () => {
        if (!res.complete) fail(new Error('socket hang up'));
      });
    });
    const fail = (e: unknown): void => {
      if (e instanceof TimeoutMarker) {
        settle({
          kind: 'failure',
          status: 408,
          message: `Request timeout after ${p.timeoutMs / 1000} seconds`,
          timing,
          staleSocket: false,
        });
        return;
      }
      if (e instanceof TooLarge) {
        settle({
          kind: 'failure',
          status: 422,
          message: `Failed to parse response: longer than ${p.maxResponseBytes} bytes`,
          timing,
          staleSocket: false,
        });
        return;
      }
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (UNREACHABLE.has(code) || (e as Error).message === 'socket hang up') {
        settle({
          kind: 'failure',
          status: 503,
          message: `Service unavailable at ${p.host}:${p.port}/${p.name} (${code || (e as Error).message})`,
          timing,
          staleSocket: req.reusedSocket && !responded && (code === 'ECONNRESET' || code === 'EPIPE'),
        });
        return;
      }
      settle({
        kind: 'failure',
        status: 500,
        message: `Client error: ${(e as Error).message ?? String(e)}`,
        timing,
        staleSocket: false,
      });
    };
    req.on('error', fail);
    req.end(p.body);
  });
}
