/**
 * Per-connection and per-address accounting for the axon, applied before a byte of a request is
 * parsed: how many connections an address (and everyone) may hold, how many requests may be in
 * flight per address, in total and on one connection (pipelining), and how long a connection may
 * sit without complete request headers. A flood then costs an accept and a close per refused
 * connection instead of a parsed, answered request.
 *
 * A connection that has carried a verified request is "authenticated": it is never evicted to make
 * room, and its requests are not counted against the total in-flight cap (only the per-address one),
 * so strangers filling the axon cannot lock out a validator that is already talking to it.
 */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/** The caps. */
export interface ConnectionLimits {
  /** Open connections, in total. */
  readonly maxConnections: number;
  /** Open connections from one address. */
  readonly maxConnectionsPerIp: number;
  /** Requests received and not yet answered, in total (authenticated connections excepted). */
  readonly maxInFlight: number;
  /** Requests received and not yet answered, from one address. */
  readonly maxInFlightPerIp: number;
  /** Requests in flight on one connection; a client pipelining deeper is disconnected. */
  readonly maxPipelined: number;
  /** Time a connection may spend without a complete request head: from accept, or from its last answer, ms. */
  readonly headersTimeoutMs: number;
}

/** Per remote address. */
interface Address {
  connections: number;
  inFlight: number;
}

/** One accepted connection. */
export interface Connection {
  readonly socket: Socket;
  readonly ip: string;
  /** Requests received on it and not yet answered. */
  inFlight: number;
  /** When it last became idle (accept, or its last answer), performance.now() ms. */
  idleSince: number;
  /** Hotkeys whose signature verified on this connection (null until one did). */
  proven: Set<string> | null;
  closed: boolean;
  /**
   * Requests parsed on it whose answer has not finished, with what the server attached to each (its
   * job): what closing the connection must release.
   */
  readonly requests: Map<IncomingMessage, unknown>;
}

/** Why a request was refused before parsing, or null. */
export type InFlightRefusal = null | 'pipelining' | 'ip' | 'total';

/** Keys remembered per connection: a dendrite uses one; a proxy for many validators a few. */
const MAX_PROVEN_PER_CONNECTION = 16;
/** How far the eviction scan looks for an idle stranger before refusing the newcomer. */
const EVICTION_SCAN = 64;
/**
 * Connections one sweep closes at most. Idle sockets opened together expire together (an attacker's
 * 2,000 of them): closing them all in one loop turn would stall everyone else for tens of ms, so the
 * rest wait for the next sweep.
 */
export const SWEEP_CLOSES = 128;

const CONNECTION = Symbol('axon connection');
type Tagged = Socket & { [CONNECTION]?: Connection };

/** The connection and address tables. */
export class ConnectionGuard {
  readonly #limits: ConnectionLimits;
  readonly #onClose: (c: Connection) => void;
  // Insertion order is accept order: the first idle stranger found is the oldest.
  readonly #connections = new Set<Connection>();
  readonly #addresses = new Map<string, Address>();
  #inFlight = 0;
  /** Counts of refusals by cause, for stats and tests. */
  readonly refused = { connectionsPerIp: 0, connections: 0, evicted: 0, pipelining: 0, headersTimeout: 0 };

  /** `onClose` runs first when a connection closes (or is dropped), before node:http hears of it. */
  constructor(limits: ConnectionLimits, onClose: (c: Connection) => void = () => {}) {
    for (const [k, v] of Object.entries(limits))
      if (!(v >= 1)) throw new RangeError(`connection limit ${k} must be at least 1, got ${v}`);
    this.#limits = limits;
    this.#onClose = onClose;
  }

  get connections(): number {
    return this.#connections.size;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** The connection a socket was admitted as. */
  static of(socket: Socket): Connection | undefined {
    return (socket as Tagged)[CONNECTION];
  }

  /**
   * Whether a connection from `ip` is refused by the per-address cap (counted when it is). Checked at
   * accept, before node builds a socket for the connection; `open` checks again.
   */
  refusesAddress(ip: string): boolean {
    const a = this.#addresses.get(ip);
    if (a === undefined || a.connections < this.#limits.maxConnectionsPerIp) return false;
    this.refused.connectionsPerIp++;
    return true;
  }

  /**
   * Admits a freshly accepted socket, evicting the oldest idle unauthenticated connection when the
   * total is reached; null when it must be refused (the caller destroys it).
   */
  open(socket: Socket, ip: string, now: number): Connection | null {
    let a = this.#addresses.get(ip);
    if (a !== undefined && a.connections >= this.#limits.maxConnectionsPerIp) {
      this.refused.connectionsPerIp++;
      return null;
    }
    if (this.#connections.size >= this.#limits.maxConnections && !this.#evictOne()) {
      this.refused.connections++;
      return null;
    }
    if (a === undefined) {
      a = { connections: 0, inFlight: 0 };
      this.#addresses.set(ip, a);
    }
    a.connections++;
    const c: Connection = {
      socket,
      ip,
      inFlight: 0,
      idleSince: now,
      proven: null,
      closed: false,
      requests: new Map(),
    };
    (socket as Tagged)[CONNECTION] = c;
    this.#connections.add(c);
    socket.once('close', () => this.#close(c));
    return c;
  }

  #evictOne(): boolean {
    let n = 0;
    for (const c of this.#connections) {
      if (n++ >= EVICTION_SCAN) break;
      if (c.inFlight === 0 && c.proven === null) {
        this.refused.evicted++;
        this.drop(c);
        return true;
      }
    }
    return false;
  }

  /**
   * Closes `c` now. The socket goes first, so that what `onClose` releases finds it already destroyed
   * (a request destroyed on a live socket would destroy it with an error, at a cost).
   */
  drop(c: Connection): void {
    c.socket.destroy();
    this.#close(c);
  }

  #close(c: Connection): void {
    if (c.closed) return;
    c.closed = true;
    this.#onClose(c);
    c.requests.clear();
    this.#connections.delete(c);
    const a = this.#addresses.get(c.ip);
    if (a !== undefined) {
      a.connections--;
      a.inFlight -= c.inFlight;
      if (a.connections <= 0 && a.inFlight <= 0) this.#addresses.delete(c.ip);
    }
    this.#inFlight -= c.inFlight;
    c.inFlight = 0;
  }

  /**
   * Counts a request whose head just arrived on `c`, or says why it is refused. A pipelining client
   * past the cap has its connection destroyed here (its queued requests would otherwise be parsed).
   */
  begin(c: Connection): InFlightRefusal {
    if (c.inFlight >= this.#limits.maxPipelined) {
      this.refused.pipelining++;
      this.drop(c);
      return 'pipelining';
    }
    const a = this.#addresses.get(c.ip) as Address;
    if (a.inFlight >= this.#limits.maxInFlightPerIp) return 'ip';
    if (c.proven === null && this.#inFlight >= this.#limits.maxInFlight) return 'total';
    a.inFlight++;
    this.#inFlight++;
    c.inFlight++;
    return null;
  }

  /** A request counted by `begin` was answered or abandoned. */
  end(c: Connection, now: number): void {
    if (c.closed || c.inFlight === 0) return;
    c.inFlight--;
    this.#inFlight--;
    const a = this.#addresses.get(c.ip);
    if (a !== undefined) a.inFlight--;
    if (c.inFlight === 0) c.idleSince = now;
  }

  /** Records that `hotkey`'s signature verified on `c`. */
  prove(c: Connection, hotkey: string): void {
    if (c.proven === null) c.proven = new Set();
    if (c.proven.size < MAX_PROVEN_PER_CONNECTION) c.proven.add(hotkey);
  }

  /** A failed verification on `c`: it loses what it had proven. */
  distrust(c: Connection): void {
    c.proven = null;
  }

  /**
   * Closes connections idle (no request in flight) for longer than the headers deadline, at most
   * `SWEEP_CLOSES` of them; returns how many it closed.
   */
  sweep(now: number): number {
    const limit = now - this.#limits.headersTimeoutMs;
    let closed = 0;
    for (const c of this.#connections) {
      if (c.inFlight === 0 && c.idleSince < limit) {
        this.refused.headersTimeout++;
        this.drop(c);
        if (++closed >= SWEEP_CLOSES) break;
      }
    }
    return closed;
  }

  /** Destroys every connection (shutdown). */
  closeAll(): void {
    for (const c of [...this.#connections]) this.drop(c);
  }
}
