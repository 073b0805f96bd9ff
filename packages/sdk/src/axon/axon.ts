/**
 * The axon: the HTTP server a miner (or validator) runs so dendrites can query it. One route per
 * protocol, `POST /<SynapseName>`, plus the `/Synapse` ping every axon serves.
 *
 * The pipeline follows Python's (§2.4) but is stricter where Python is unsafe, and ordered so that a
 * flood is refused at the cheapest step that can tell (limits in `limits.ts`):
 *
 * 0. at accept, before any byte is parsed: an address out of refusal budget or at its connection cap
 *    is closed on the listening handle, before node builds a socket; then the total (the oldest
 *    idle unauthenticated connection makes room for a newcomer); a connection must deliver a
 *    complete request head within `headersTimeoutMs` of opening or of its last answer;
 * 1. when a head arrives: requests in flight on the connection (pipelining past `maxPipelined`
 *    drops the connection), per address (429) and in total (503);
 * 2. route (404), method (405), declared body size (413); the failed-verification budget of the
 *    address (429) unless the connection already authenticated; a signature at all (401);
 * 3. the claimed hotkey alone, before anything is built for the request: present, decodable and
 *    passing the signer-key rule (401: the all-zero key's signatures are forgeable), then the default
 *    blacklist (403): unregistered, no validator permit, or below the minimum stake;
 * 4. headers parsed into a synapse (400); nonce, uuid, signature and body hash present and
 *    well-formed (401); a custom blacklist hook, if any (403);
 * 5. cheap pre-checks that take nothing: the claimed hotkey's rate bucket is not empty (429), the
 *    nonce is fresh (401);
 * 6. the address is charged one failed verification *before* the request may cost one (refunded
 *    when the signature verifies); a small body (≤ 64 KiB declared) is read now, against the
 *    request-body budget (507 past it), within `bodyTimeoutMs` (408);
 * 7. the bounded priority queue (503 when full and outranked). Stake priority only for a hotkey
 *    this connection has already proven; claims on a fresh connection wait at the lowest priority;
 * 8. the verification pump, time-sliced (`pumpSliceMs`) so a deep queue cannot stretch a loop turn:
 *    in one synchronous step, nonce re-check, sr25519 signature over
 *    `{nonce}.{dendrite}.{own hotkey}.{uuid}.{body hash header}` (401), nonce recorded; only then the
 *    hotkey's rate token is taken (429), so forgeries cannot spend a validator's budget;
 * 9. a large or chunked body is read only now, against the body budget: the signed body hash
 *    header vouches for it before the axon holds a byte of it;
 * 10. body parsed (422) and its hash recomputed over the declared hash fields; a mismatch with the
 *    signed header means the body was altered (401);
 * 11. the custom verify hook (401), then the handler under the synapse timeout (408), errors 500;
 * 12. the answer: the whole synapse as JSON with `to_headers()` (200), or `{"message": …}` with the
 *     same headers and the status code for any failure.
 *
 * Every refusal answered before the caller proved a key is charged to its address
 * (`refusalRateLimit`) and to the total (`maxRefusalsPerSecond`); past either budget the answer is
 * written raw to the socket and the connection dropped at once, and step 0 drops the address's new
 * connections until its budget refills.
 *
 * A caller that disconnects is not an error: what its request held (in-flight counts, queue place,
 * body bytes, and a rate token not yet spent on a handler) is released, and stats count it as 499.
 * A closing connection releases every request parsed on it, pipelined ones included.
 * Refusals are plain returns, never exceptions.
 */
import { randomUUID } from 'node:crypto';
import { signerKeyFault } from '@taonet/primitives';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  STATUS_CODES,
  type Server,
  type ServerResponse,
} from 'node:http';
import { type AddressInfo, createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { toHex, utf8 } from '../bytes.js';
import { InvalidInput } from '../errors.js';
import type { Keypair } from '../keys/keypair.js';
import { ss58Decode } from '../keys/ss58.js';
import { signatureBytes } from '../keys/verify.js';
import { EMPTY_BODY_HASH } from '../synapse/body-hash.js';
import { wallClockNs } from '../synapse/clock.js';
import {
  initFastSr25519,
  makeSigner,
  type MessageSigner,
  verifyRequestSr25519Wallet,
} from '../synapse/fast-sr25519.js';
import type { FieldKind } from '../synapse/reference-headers.js';
import { axonMessage, dendriteMessage } from '../synapse/messages.js';
import { STATUS_MESSAGES, Status, SynapseError } from '../synapse/status.js';
import { DEFAULT_SYNAPSE_TIMEOUT_S, instantiate, Synapse, type SynapseType } from '../synapse/synapse.js';
import {
  fieldsFragment,
  parseSynapseFields,
  synapseBody,
  synapseBodyHash,
  synapseFromHeaders,
  synapseToHeaders,
} from '../synapse/wire.js';
import {
  type AccessPolicy,
  type BlacklistResult,
  defaultBlacklist,
  defaultPriority,
  type MetagraphView,
} from './access.js';
import type { AxonInfo } from './axon-info.js';
import { BodyBudget } from './body-budget.js';
import { type Connection, ConnectionGuard, SWEEP_CLOSES } from './connection-guard.js';
import { type AxonLimits, DEFAULT_AXON_LIMITS, EAGER_BODY_BYTES } from './limits.js';
import { NonceGuard } from './nonce-guard.js';
import { type AxonProbe, probeAxon } from './probe.js';
import { BoundedPriorityQueue, type QueueTicket } from './priority-queue.js';
import { type RateLimit, RateLimiter } from './rate-limiter.js';

export { type AxonLimits, DEFAULT_AXON_LIMITS } from './limits.js';

/** What a handler gets besides the synapse. */
export interface HandlerContext {
  /** Aborted when the synapse timeout passes or the caller disconnects: stop work then. */
  readonly signal: AbortSignal;
  /** The caller's TCP address. */
  readonly remoteIp: string;
  readonly remotePort: number;
}

/** Serves one protocol: sets the response fields and returns the synapse. */
export type SynapseHandler<S extends Synapse> = (synapse: S, ctx: HandlerContext) => S | Promise<S>;

/**
 * Per-route hooks. They see the synapse built from the headers (input fields still empty, as in
 * Python), except `verify`, which runs after the body is parsed and the signature checked.
 */
export interface AttachOptions<S extends Synapse> {
  /** Replaces the default blacklist for this route. */
  readonly blacklist?: (synapse: S) => BlacklistResult | Promise<BlacklistResult>;
  /**
   * Replaces the default priority (the caller's stake) for this route; higher is served first. It
   * only applies once the caller's hotkey is proven (on this connection, or by the signature).
   */
  readonly priority?: (synapse: S) => number | Promise<number>;
  /** Extra checks after the built-in ones (which always run); throw to reject with 401. */
  readonly verify?: (synapse: S) => void | Promise<void>;
  /** Body size limit for this route, bytes (default: the axon's). */
  readonly maxBodyBytes?: number;
}

/** How an axon is set up. The flood limits (`AxonLimits`, defaults in `DEFAULT_AXON_LIMITS`) are optional too. */
export interface AxonOptions extends Partial<AxonLimits> {
  /** The axon's hotkey: its SS58 address is what dendrites sign for. */
  readonly keypair: Keypair;
  /** Port to bind (default 8091; 0 picks a free one). */
  readonly port?: number;
  /** Address to bind (default `0.0.0.0`). */
  readonly ip?: string;
  /** Address to advertise, when it differs from the bound one (NAT, containers). */
  readonly externalIp?: string;
  /** Port to advertise, when it differs from the bound one (port forwarding). */
  readonly externalPort?: number;
  /** Who the callers are; required unless `open` is set. */
  readonly metagraph?: MetagraphView;
  /** Serve any caller with a valid signature (local tests, private networks). Default false. */
  readonly open?: boolean;
  /** The default blacklist's rules. */
  readonly access?: AccessPolicy;
  /** Per-hotkey limit, charged once the signature verified (default 50/s, burst 100); false disables. */
  readonly rateLimit?: RateLimit | false;
  /**
   * Failed verifications per remote address (default 10/s, burst 50); false disables. Each request
   * from a connection that has not authenticated is charged before verification and refunded when
   * it verifies, so this also caps unverified work in flight per address.
   */
  readonly failureRateLimit?: RateLimit | false;
  /**
   * Refusals answered to one address before its requests verified (default 20/s, burst 40); false
   * disables. Past it, the refusal closes the connection and new connections from the address are
   * dropped at accept until its budget refills: a flood of junk then costs an accept, not a parse.
   */
  readonly refusalRateLimit?: RateLimit | false;
  /** Request body limit, bytes (default 4 MiB). */
  readonly maxBodyBytes?: number;
  /** Handlers running at once (default 64); more requests wait in the priority queue. */
  readonly maxConcurrent?: number;
  /** Requests waiting at most (default 1024); beyond, the lowest priority is refused (503). */
  readonly maxPending?: number;
  /** Longest synapse timeout honoured, seconds (default 60): a caller cannot hold a slot forever. */
  readonly maxTimeoutS?: number;
  /** How far out of order concurrent requests may arrive, ms (default 2000). */
  readonly nonceReorderWindowMs?: number;
  /**
   * Sign `{axon nonce}.{dendrite}.{axon}.{axon uuid}` into every answer, as Python does. Off by
   * default: the signature covers no body, no Python client checks it, and it costs an sr25519
   * signature per request, which would halve the verified request rate.
   */
  readonly signResponses?: boolean;
  /** `version_as_int` advertised (default 10002000, i.e. 10.2.0). */
  readonly version?: number;
  /** Called with each handler error (the caller only sees an opaque 500). */
  readonly onError?: (error: unknown, synapse: Synapse) => void;
}

/**
 * Counts of answers by status, for metrics and the benchmark; 499 counts callers that disconnected
 * before their answer.
 */
export type AxonStats = Record<number, number>;

/** What the axon holds right now, for metrics, the benchmark and tests. */
export interface AxonLoad {
  readonly connections: number;
  readonly inFlight: number;
  readonly pending: number;
  readonly running: number;
  readonly bodyBytes: number;
  /** Connections refused or dropped before a request was parsed, by cause. */
  readonly refused: Readonly<ConnectionGuard['refused'] & { refusalBudget: number }>;
}

interface Route {
  readonly type: SynapseType;
  readonly handler: SynapseHandler<Synapse>;
  readonly hooks: AttachOptions<Synapse>;
  readonly maxBodyBytes: number;
  /** Whether a response field feeds the body hash (else the answer reuses the request's hash). */
  readonly hashesResponse: boolean;
}

const BODY_DEFERRED = 0;
const BODY_READING = 1;
const BODY_COMPLETE = 2;

type Conn = Connection;
/** A refusal answered before a request is admitted: status and message. */
type Refusal = readonly [number, string];
/** What the head checks established about a request worth admitting. */
interface HeadCheck {
  readonly route: Route;
  readonly declared: number;
  readonly hotkey: string;
  readonly publicKey: Uint8Array;
}

interface Job {
  readonly route: Route;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly conn: Connection;
  readonly t0: number;
  readonly synapse: Synapse;
  readonly remoteIp: string;
  readonly headerHash: string;
  /** Declared content-length; -1 when unknown (chunked). */
  readonly declared: number;
  hotkey: string;
  publicKey: Uint8Array;
  signature: Uint8Array;
  nonce: bigint;
  /** The claimed hotkey's priority; it counts only once the hotkey is proven. */
  stake: number;
  bodyState: number;
  chunks: Buffer[] | null;
  received: number;
  /** Body budget bytes reserved. */
  reserved: number;
  bodyDeadline: number;
  body: Buffer | null;
  done: boolean;
  timer: NodeJS.Timeout | null;
  ticket: QueueTicket | null;
  abort: AbortController | null;
  /** Whether the job holds a handler slot. */
  holdsSlot: boolean;
  /** Whether the handler was started. */
  started: boolean;
  /** Whether the hotkey's rate token was taken (after the signature verified). */
  tokenTaken: boolean;
  /** Whether the address was charged a failed verification ahead of the check. */
  failureCharged: boolean;
  /** Whether the signature verified (the hotkey is the caller's). */
  verified: boolean;
}

const NOT_VERIFIED = 'Not Verified with error: ';
const NEVER_ABORTED = new AbortController().signal;
const DEFAULT_VERSION = 10_002_000;
const UNPROVEN = Number.NEGATIVE_INFINITY;
const CLIENT_CLOSED = 499;
/** The key of the total refusal bucket. */
const ALL_ADDRESSES = '*';
/** Answers that refuse the caller itself (not the axon's overload), charged to its refusal budget. */
const REFUSALS = new Set<number>([
  Status.BadRequest,
  Status.Unauthorized,
  Status.Forbidden,
  Status.PayloadTooLarge,
  Status.TooManyRequests,
]);

// The placeholder value of each Python type: what `from_headers` fills required inputs with.
const EMPTY: Record<FieldKind, () => unknown> = {
  int: () => 0,
  float: () => 0,
  str: () => '',
  bool: () => false,
  list: () => [],
  dict: () => ({}),
};

function placeholderValues(type: SynapseType): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, field } of type.spec.fields) out[key] = field.required ? EMPTY[field.kind]() : field.makeDefault();
  return out;
}

/** A connection as node's listening handle hands it over, before it becomes a net.Socket. */
interface AcceptedHandle {
  getpeername?(out: { address?: string }): number;
  close(): void;
}

const normalizeIp = (ip: string | undefined): string => (ip?.startsWith('::ffff:') ? ip.slice(7) : (ip ?? ''));

const isPromise = <T>(v: T | Promise<T>): v is Promise<T> =>
  typeof (v as { then?: unknown } | null)?.then === 'function';

/** A Bittensor-compatible axon. */
export class Axon {
  readonly #keypair: Keypair;
  readonly #hotkey: string;
  readonly #signer: MessageSigner;
  readonly #uuid = randomUUID();
  readonly #bindIp: string;
  readonly #bindPort: number;
  readonly #externalIp: string | undefined;
  readonly #externalPort: number | undefined;
  readonly #metagraph: MetagraphView | undefined;
  readonly #access: AccessPolicy;
  readonly #rate: RateLimiter | null;
  readonly #failures: RateLimiter | null;
  readonly #refusals: RateLimiter | null;
  /** The same, all addresses together (one bucket). */
  readonly #allRefusals: RateLimiter | null;
  #droppedForRefusals = 0;
  readonly #nonces: NonceGuard;
  /** Requests waiting for verification (and a handler slot). */
  readonly #queue: BoundedPriorityQueue<Job>;
  /** Verified requests whose body arrived after verification, waiting for a handler slot. */
  readonly #ready: BoundedPriorityQueue<Job>;
  readonly #limits: AxonLimits;
  readonly #guard: ConnectionGuard;
  readonly #budget: BodyBudget;
  /** Jobs reading a body, for the body deadline. */
  readonly #reading = new Set<Job>();
  readonly #maxBodyBytes: number;
  readonly #maxConcurrent: number;
  readonly #maxTimeoutS: number;
  readonly #signResponses: boolean;
  readonly #version: number;
  readonly #onError: ((error: unknown, synapse: Synapse) => void) | undefined;
  readonly #routes = new Map<string, Route>();
  readonly #keys = new Map<string, Uint8Array | null>();
  readonly #stats: AxonStats = {};
  #server: NetServer | null = null;
  #http: Server | null = null;
  #sweeper: NodeJS.Timeout | null = null;
  #boundPort = 0;
  #advertisedIp = '';
  #advertisedPort = 0;
  #running = 0;
  #pumpScheduled = false;
  /** The headers every raw refusal ends with (the axon's identity, `connection: close`). */
  readonly #rawTail: string;

  /**
   * @throws InvalidInput without a metagraph unless `open` is set (an axon that serves anyone must
   * say so), or for a keypair that cannot sign while `signResponses` is on.
   */
  constructor(options: AxonOptions) {
    if (options.metagraph === undefined && options.open !== true)
      throw new InvalidInput(
        'An axon needs a metagraph to decide who may call it.',
        'Pass `metagraph` (callers must be registered, permitted and staked), or `open: true` to serve any signed caller.',
      );
    this.#keypair = options.keypair;
    this.#hotkey = options.keypair.ss58Address;
    this.#signResponses = options.signResponses ?? false;
    if (this.#signResponses && !options.keypair.canSign)
      throw new InvalidInput(
        'signResponses needs the hotkey secret.',
        'Load the hotkey keyfile, not only its address.',
      );
    this.#signer = makeSigner(options.keypair);
    this.#bindIp = options.ip ?? '0.0.0.0';
    this.#bindPort = options.port ?? 8091;
    this.#externalIp = options.externalIp;
    this.#externalPort = options.externalPort;
    this.#metagraph = options.metagraph;
    this.#access = options.access ?? {};
    const rate = options.rateLimit ?? { perSecond: 50, burst: 100 };
    this.#rate = rate === false ? null : new RateLimiter(rate);
    const failures = options.failureRateLimit ?? { perSecond: 10, burst: 50 };
    this.#failures = failures === false ? null : new RateLimiter(failures);
    const refusals = options.refusalRateLimit ?? { perSecond: 20, burst: 40 };
    this.#refusals = refusals === false ? null : new RateLimiter(refusals);
    this.#nonces = new NonceGuard(BigInt(Math.round((options.nonceReorderWindowMs ?? 2000) * 1e6)));
    this.#queue = new BoundedPriorityQueue(options.maxPending ?? 1024);
    this.#ready = new BoundedPriorityQueue(options.maxPending ?? 1024);
    const limits: Record<string, number> = { ...DEFAULT_AXON_LIMITS };
    for (const k of Object.keys(DEFAULT_AXON_LIMITS)) {
      const v = (options as unknown as Record<string, unknown>)[k];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !(v > 0))
        throw new InvalidInput(`Axon option ${k} must be a positive number.`, `The default is ${limits[k]}.`);
      limits[k] = v;
    }
    this.#limits = Object.freeze(limits as unknown as AxonLimits);
    const l = this.#limits;
    this.#guard = new ConnectionGuard(
      {
        maxConnections: l.maxConnections,
        maxConnectionsPerIp: l.maxConnectionsPerIp,
        maxInFlight: l.maxInFlight,
        maxInFlightPerIp: l.maxInFlightPerIp,
        maxPipelined: l.maxPipelined,
        headersTimeoutMs: l.headersTimeoutMs,
      },
      (c) => this.#onConnectionClosed(c),
    );
    this.#allRefusals =
      this.#refusals === null
        ? null
        : new RateLimiter({ perSecond: l.maxRefusalsPerSecond, burst: l.maxRefusalBurst }, 1);
    this.#budget = new BodyBudget({
      totalBytes: this.#limits.maxBodyBytesInFlight,
      perIpBytes: this.#limits.maxBodyBytesInFlightPerIp,
    });
    this.#maxBodyBytes = options.maxBodyBytes ?? 4 * 1024 * 1024;
    this.#maxConcurrent = options.maxConcurrent ?? 64;
    this.#maxTimeoutS = options.maxTimeoutS ?? 60;
    this.#version = options.version ?? DEFAULT_VERSION;
    this.#onError = options.onError;
    this.#rawTail =
      `bt_header_axon_hotkey: ${this.#hotkey}\r\nbt_header_axon_uuid: ${this.#uuid}\r\n` +
      `bt_header_axon_version: ${this.#version}\r\nconnection: close\r\n\r\n`;
    // Every axon answers the base synapse as a ping, verified like any other route.
    this.attach(Synapse, (s) => s);
  }

  /**
   * Serves `type` at `POST /<type.spec.name>`, replacing any earlier handler for it.
   * @throws InvalidInput after `start()` (routes are fixed while serving).
   */
  attach<S extends Synapse>(type: SynapseType<S>, handler: SynapseHandler<S>, options: AttachOptions<S> = {}): this {
    if (this.#server !== null) throw new InvalidInput('Attach handlers before starting the axon.');
    this.#routes.set(type.spec.name, {
      type,
      handler: handler as unknown as SynapseHandler<Synapse>,
      hooks: options as AttachOptions<Synapse>,
      maxBodyBytes: options.maxBodyBytes ?? this.#maxBodyBytes,
      hashesResponse: type.spec.fields.some((f) => f.side === 'response' && type.spec.hashFields.includes(f.key)),
    });
    return this;
  }

  /** Starts listening; resolves with what the axon advertises. */
  async start(): Promise<AxonInfo> {
    if (this.#server !== null) return this.info;
    await initFastSr25519();
    // node:http parses; the listening socket is ours, so the caps apply before it sees a byte.
    const http = createHttpServer({ keepAlive: true }, (req, res) => this.#onRequest(req, res));
    http.keepAliveTimeout = this.#limits.headersTimeoutMs;
    // The head and body deadlines are enforced by the sweep below (node:http only checks its own
    // on servers it listens for itself).
    http.headersTimeout = this.#limits.headersTimeoutMs;
    http.requestTimeout = 0;
    this.#http = http;
    const server = createNetServer({ allowHalfOpen: true, noDelay: true }, (socket) => this.#onConnection(socket));
    this.#server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#bindPort, this.#bindIp, 511, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.#refuseAtAccept(server);
    const tick = Math.max(10, Math.min(250, this.#limits.headersTimeoutMs / 4, this.#limits.bodyTimeoutMs / 4));
    this.#sweeper = setInterval(() => this.#sweep(), tick);
    this.#sweeper.unref();
    this.#boundPort = (server.address() as AddressInfo).port;
    const info = this.info;
    this.#advertisedIp = info.ip;
    this.#advertisedPort = info.port;
    return info;
  }

  /** Stops listening, refuses queued requests (503) and closes every connection. */
  async stop(): Promise<void> {
    const server = this.#server;
    if (server === null) return;
    this.#server = null;
    if (this.#sweeper !== null) clearInterval(this.#sweeper);
    this.#sweeper = null;
    for (const q of [this.#ready, this.#queue])
      for (let job = q.pop(); job !== undefined; job = q.pop())
        this.#reply(job, Status.Unavailable, 'Axon is shutting down.');
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      this.#guard.closeAll();
    });
    this.#http = null;
  }

  /** What the axon advertises: external address when set, else the bound one. */
  get info(): AxonInfo {
    return {
      ip: this.#externalIp ?? this.#bindIp,
      port: this.#externalPort ?? (this.#boundPort || this.#bindPort),
      hotkey: this.#hotkey,
      version: this.#version,
    };
  }

  /**
   * Pings this axon at the address it advertises, signed with its own hotkey: whether it answers
   * there, and whether the answer comes from this very process (`probe.ts`). Call after `start()`,
   * before advertising the address on chain.
   */
  checkReachable(timeoutS = 5): Promise<AxonProbe> {
    const { ip, port } = this.info;
    return probeAxon({ ip, port, hotkey: this.#hotkey }, { keypair: this.#keypair, timeoutS, expectUuid: this.#uuid });
  }

  /** The bound address (differs from `info` behind NAT). */
  get boundAddress(): { readonly ip: string; readonly port: number } {
    return { ip: this.#bindIp, port: this.#boundPort || this.#bindPort };
  }

  /** The axon's hotkey. */
  get hotkey(): string {
    return this.#hotkey;
  }

  /** The flood limits in force (defaults merged with the options). */
  get limits(): AxonLimits {
    return this.#limits;
  }

  /** Requests past the cheap checks, waiting for verification or for a handler slot. */
  get pending(): number {
    return this.#queue.size + this.#ready.size;
  }

  /** Answers sent so far, by status code. */
  get stats(): Readonly<AxonStats> {
    return this.#stats;
  }

  /** What the axon holds right now. */
  get load(): AxonLoad {
    return {
      connections: this.#guard.connections,
      inFlight: this.#guard.inFlight,
      pending: this.pending,
      running: this.#running,
      bodyBytes: this.#budget.reserved,
      refused: { ...this.#guard.refused, refusalBudget: this.#droppedForRefusals },
    };
  }

  #publicKey(hotkey: string): Uint8Array | null {
    let pk = this.#keys.get(hotkey);
    if (pk === undefined) {
      try {
        pk = ss58Decode(hotkey).publicKey;
      } catch {
        pk = null;
      }
      // Bounded: only a flood of distinct addresses could grow it, and a clear only costs re-decoding.
      if (this.#keys.size >= 100_000) this.#keys.clear();
      this.#keys.set(hotkey, pk);
    }
    return pk;
  }

  /**
   * Why the claimed hotkey is refused before any signature work, or null. The place for checks on
   * the claim alone (a key no one can hold, a banned key): they run before the blacklist, the
   * queue and the pump.
   */
  #claimedHotkeyProblem(hotkey: string, publicKey: Uint8Array | null): string | null {
    if (publicKey === null) return `${hotkey} is not a valid SS58 address.`;
    // The signer-key rule, before any signature work: a forged request from the all-zero hotkey
    // would pass both the x-only check and the strict fallback.
    const fault = signerKeyFault(publicKey);
    if (fault !== null) return `${hotkey} cannot sign: ${fault.explanation}.`;
    return null;
  }

  // The cheapest refusal. A flood that reconnects as fast as it is dropped would otherwise cost a
  // net.Socket built and destroyed per attempt (~50 µs); closing the accepted descriptor before node
  // wraps it costs a few. This hooks the listening handle's accept callback, which is node's internal
  // API: when it is not there, the same checks run on the socket in #onConnection.
  #refuseAtAccept(server: NetServer): void {
    const handle = (server as unknown as { _handle?: { onconnection?: unknown } | null })._handle;
    const accept = handle?.onconnection;
    if (handle == null || typeof accept !== 'function') return;
    handle.onconnection = (err: number, client?: AcceptedHandle) => {
      if (err === 0 && client !== undefined && this.#refusedAtAccept(client)) {
        client.close();
        return;
      }
      accept.call(handle, err, client);
    };
  }

  #refusedAtAccept(client: AcceptedHandle): boolean {
    const peer: { address?: string } = {};
    if (typeof client.getpeername !== 'function' || client.getpeername(peer) !== 0) return false;
    const ip = normalizeIp(peer.address);
    if (this.#refusals !== null && !this.#refusals.has(ip)) {
      this.#droppedForRefusals++;
      return true;
    }
    return this.#guard.refusesAddress(ip);
  }

  #onConnection(socket: Socket): void {
    const ip = normalizeIp(socket.remoteAddress);
    if (this.#refusals !== null && !this.#refusals.has(ip)) {
      this.#droppedForRefusals++;
      socket.destroy();
      return;
    }
    const conn = this.#guard.open(socket, ip, performance.now());
    if (conn === null || this.#http === null) {
      socket.destroy();
      return;
    }
    this.#http.emit('connection', socket);
  }

  // What a closing connection held: jobs not yet answered are abandoned (a pipelined one would
  // otherwise hold its queue place and token until its timeout), and every request node:http parsed
  // on it is destroyed here, without an error: node:http's own abort, which follows, then has
  // nothing left to do. It would build an error per request and format its stack (with source maps
  // on, tens of µs each), the costliest step of a pipelining flood.
  #onConnectionClosed(c: Connection): void {
    for (const [req, job] of c.requests) {
      if (job !== null && !(job as Job).done) this.#abandon(job as Job);
      if (!req.destroyed) req.destroy();
    }
  }

  #sweep(): void {
    const now = performance.now();
    // A full sweep leaves the rest to the next loop turn, after pending I/O (a validator's request).
    if (this.#guard.sweep(now) >= SWEEP_CLOSES) setImmediate(() => this.#server !== null && this.#guard.sweep(now));
    for (const job of this.#reading) {
      if (job.bodyDeadline < now) {
        job.res.setHeader('connection', 'close');
        this.#reply(
          job,
          Status.Timeout,
          `Request body not received within ${this.#limits.bodyTimeoutMs / 1000} seconds.`,
        );
      }
    }
  }

  #onRequest(req: IncomingMessage, res: ServerResponse): void {
    const t0 = performance.now();
    const conn = ConnectionGuard.of(req.socket);
    if (conn === undefined) return;
    if (conn.closed || req.socket.destroyed) {
      // Bytes that came with a request that got the connection dropped: nothing to answer, and
      // nothing for node:http to abort later (see #onConnectionClosed).
      req.destroy();
      return;
    }
    const busy = this.#inFlightRefusal(conn, res);
    if (busy === null) {
      req.destroy(); // pipelining: the connection was just dropped
      return;
    }
    conn.requests.set(req, null);
    if (busy !== undefined) {
      res.once('close', () => conn.requests.delete(req));
      this.#bare(conn, res, t0, busy[0], busy[1]);
      return;
    }
    let job: Job | null = null;
    res.once('close', () => {
      conn.requests.delete(req);
      this.#guard.end(conn, performance.now());
      if (job !== null && !job.done) this.#abandon(job);
    });
    const head = this.#checkHead(req, res, conn);
    if ('refusal' in head) {
      this.#bare(conn, res, t0, head.refusal[0], head.refusal[1]);
      return;
    }
    let hs: ReturnType<typeof synapseFromHeaders>;
    try {
      hs = synapseFromHeaders(req.headers);
    } catch (e) {
      this.#bare(conn, res, t0, Status.BadRequest, `Synapse parsing error: ${(e as Error).message}`);
      return;
    }
    job = this.#newJob(req, res, conn, t0, head, hs);
    conn.requests.set(req, job);
    // The caller's clock started when it sent; ours starts on arrival and covers queueing too.
    const j = job;
    job.timer = setTimeout(() => this.#onTimeout(j), job.synapse.timeout * 1000);
    this.#admit(job);
  }

  // Step 1: requests in flight. `null` means the connection is already gone (pipelining).
  #inFlightRefusal(conn: Conn, res: ServerResponse): Refusal | null | undefined {
    const refused = this.#guard.begin(conn);
    if (refused === null) return undefined;
    if (refused === 'pipelining') return null;
    res.setHeader('retry-after', '1');
    return refused === 'ip'
      ? [Status.TooManyRequests, `Too many requests in flight from ${conn.ip}.`]
      : [Status.Unavailable, 'Axon is overloaded: too many requests in flight.'];
  }

  // Steps 2 and 3: route, method, declared size, the address's failure budget, a signature at all,
  // then the claimed hotkey alone, before anything is built for the request.
  #checkHead(req: IncomingMessage, res: ServerResponse, conn: Conn): HeadCheck | { refusal: Refusal } {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const name = (q < 0 ? url : url.slice(0, q)).slice(1);
    const route = this.#routes.get(name);
    if (route === undefined) {
      const names = [...this.#routes.keys()].map((n) => `'${n}'`).join(', ');
      return { refusal: [Status.NotFound, `Synapse name '${name}' not found. Available synapses [${names}]`] };
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return { refusal: [Status.MethodNotAllowed, `Synapse ${name} must be called with POST.`] };
    }
    const lengthHeader = req.headers['content-length'];
    const declared =
      lengthHeader === undefined ? (req.headers['transfer-encoding'] === undefined ? 0 : -1) : Number(lengthHeader);
    if (declared > route.maxBodyBytes) {
      // Do not read (or make Node drain) a body we refuse; close the connection instead.
      res.setHeader('connection', 'close');
      return { refusal: [Status.PayloadTooLarge, `Request body exceeds ${route.maxBodyBytes} bytes.`] };
    }
    const ip = conn.ip;
    if (conn.proven === null && this.#failures !== null && !this.#failures.has(ip)) {
      res.setHeader('retry-after', String(Math.max(1, this.#failures.retryAfterS(ip))));
      return { refusal: [Status.TooManyRequests, `Too many failed verifications from ${ip}.`] };
    }
    const sigHeader = req.headers.bt_header_dendrite_signature;
    if (sigHeader === undefined || sigHeader === '')
      return {
        refusal: [Status.Unauthorized, `${NOT_VERIFIED}Missing signature; this axon requires signed requests.`],
      };
    const claimed = req.headers.bt_header_dendrite_hotkey;
    if (typeof claimed !== 'string' || claimed === '')
      return { refusal: [Status.Unauthorized, `${NOT_VERIFIED}No SS58 formatted address or public key provided.`] };
    const publicKey = this.#publicKey(claimed);
    const problem = this.#claimedHotkeyProblem(claimed, publicKey);
    if (problem !== null) return { refusal: [Status.Unauthorized, `${NOT_VERIFIED}${problem}`] };
    if (route.hooks.blacklist === undefined && this.#metagraph !== undefined) {
      const verdict = defaultBlacklist(claimed, this.#metagraph, this.#access);
      if (verdict.blocked) return { refusal: [Status.Forbidden, `Forbidden. Key is blacklisted: ${verdict.reason}.`] };
    }
    return { route, declared, hotkey: claimed, publicKey: publicKey as Uint8Array };
  }

  #newJob(
    req: IncomingMessage,
    res: ServerResponse,
    conn: Conn,
    t0: number,
    head: HeadCheck,
    hs: ReturnType<typeof synapseFromHeaders>,
  ): Job {
    const synapse = instantiate(head.route.type, placeholderValues(head.route.type));
    synapse.timeout = Math.min(hs.timeout ?? DEFAULT_SYNAPSE_TIMEOUT_S, this.#maxTimeoutS);
    synapse.dendrite = { ...hs.dendrite, ip: conn.ip, port: req.socket.remotePort ?? 0 };
    synapse.axon = {
      statusCode: 100,
      ip: this.#advertisedIp,
      port: this.#advertisedPort,
      version: this.#version,
      nonce: wallClockNs(),
      uuid: this.#uuid,
      hotkey: this.#hotkey,
    };
    const declared = head.declared;
    return {
      route: head.route,
      req,
      res,
      conn,
      t0,
      synapse,
      remoteIp: conn.ip,
      headerHash: hs.computedBodyHash ?? '',
      declared: Number.isFinite(declared) && declared >= -1 ? declared : 0,
      hotkey: head.hotkey,
      publicKey: head.publicKey,
      signature: new Uint8Array(),
      nonce: 0n,
      stake: UNPROVEN,
      bodyState: BODY_DEFERRED,
      chunks: null,
      received: 0,
      reserved: 0,
      bodyDeadline: 0,
      body: null,
      done: false,
      timer: null,
      ticket: null,
      abort: null,
      holdsSlot: false,
      started: false,
      tokenTaken: false,
      failureCharged: false,
      verified: false,
    };
  }

  // Step 4: the rest of the claim is well-formed, then a custom blacklist.
  #admit(job: Job): void {
    const d = job.synapse.dendrite;
    if (d.nonce === undefined) {
      this.#reply(job, Status.Unauthorized, `${NOT_VERIFIED}Missing nonce.`);
      return;
    }
    if (d.uuid === undefined) {
      this.#reply(job, Status.Unauthorized, `${NOT_VERIFIED}Missing dendrite uuid.`);
      return;
    }
    const sig = signatureBytes(d.signature ?? '');
    if (sig === null || sig.length !== 64) {
      this.#reply(job, Status.Unauthorized, `${NOT_VERIFIED}The signature is not 64 bytes of 0x-hex.`);
      return;
    }
    if (job.headerHash === '') {
      this.#reply(job, Status.Unauthorized, `${NOT_VERIFIED}Missing computed_body_hash header.`);
      return;
    }
    job.signature = sig;
    job.nonce = d.nonce;

    const hook = job.route.hooks.blacklist;
    if (hook === undefined) {
      this.#admitCleared(job); // the default blacklist ran on arrival
      return;
    }
    let verdict: BlacklistResult | Promise<BlacklistResult>;
    try {
      verdict = hook(job.synapse);
    } catch (e) {
      this.#replyError(job, e);
      return;
    }
    if (!isPromise(verdict)) {
      if (verdict.blocked) {
        this.#blocked(job, verdict);
        return;
      }
      this.#admitCleared(job);
      return;
    }
    verdict.then(
      (v) => {
        if (job.done) return;
        if (v.blocked) this.#blocked(job, v);
        else this.#admitCleared(job);
      },
      (e: unknown) => this.#replyError(job, e),
    );
  }

  #blocked(job: Job, verdict: BlacklistResult): void {
    this.#reply(
      job,
      Status.Forbidden,
      `Forbidden. Key is blacklisted: ${verdict.reason ?? 'blocked by the blacklist'}.`,
    );
  }

  // Step 5: pre-checks that take nothing, then the claimed hotkey's priority.
  #admitCleared(job: Job): void {
    const hotkey = job.hotkey;
    if (this.#rate !== null && !this.#rate.has(hotkey)) {
      this.#tooMany(job, `Rate limit exceeded for hotkey ${hotkey}.`, this.#rate, hotkey);
      return;
    }
    const s = job.synapse;
    const stale = this.#nonces.check(hotkey, job.nonce, s.dendrite.version ?? 0, s.timeout, wallClockNs());
    if (stale !== null) {
      this.#reply(job, Status.Unauthorized, `${NOT_VERIFIED}${stale.reason}`);
      return;
    }
    const hook = job.route.hooks.priority;
    if (hook === undefined) {
      job.stake = defaultPriority(hotkey, this.#metagraph);
      this.#enqueue(job);
      return;
    }
    let p: number | Promise<number>;
    try {
      p = hook(s);
    } catch (e) {
      this.#replyError(job, e);
      return;
    }
    if (!isPromise(p)) {
      job.stake = p;
      this.#enqueue(job);
      return;
    }
    p.then(
      (v) => {
        if (job.done) return;
        job.stake = v;
        this.#enqueue(job);
      },
      (e: unknown) => this.#replyError(job, e),
    );
  }

  // Steps 6–7: charge the address, start a small body, queue for verification.
  #enqueue(job: Job): void {
    if (!Number.isFinite(job.stake)) job.stake = 0;
    if (this.#server === null) {
      this.#reply(job, Status.Unavailable, 'Axon is shutting down.');
      return;
    }
    const conn = job.conn;
    if (conn.proven === null && this.#failures !== null) {
      if (!this.#failures.take(job.remoteIp)) {
        this.#tooMany(job, `Too many failed verifications from ${job.remoteIp}.`, this.#failures, job.remoteIp);
        return;
      }
      job.failureCharged = true;
    }
    // A small body is read first and the request queued once it is complete, so a request whose
    // body never comes is never verified and holds no token; a large one is queued now and read
    // only once its signature verified.
    if (job.declared >= 0 && job.declared <= EAGER_BODY_BYTES) this.#readBody(job);
    else if (job.declared > 0 && !this.#budget.fits(job.remoteIp, job.declared)) this.#overBudget(job);
    else this.#queueForVerification(job);
  }

  #queueForVerification(job: Job): void {
    const priority = job.conn.proven?.has(job.hotkey) === true ? job.stake : UNPROVEN;
    const pushed = this.#queue.push(job, priority);
    if (!pushed.accepted) {
      this.#reply(job, Status.Unavailable, 'Axon is overloaded; higher-priority requests are waiting.');
      return;
    }
    job.ticket = pushed.ticket;
    if (pushed.evicted !== undefined)
      this.#reply(pushed.evicted, Status.Unavailable, 'Axon is overloaded; displaced by a higher-priority request.');
    this.#schedulePump();
  }

  /** Starts reading the body against the budget; false when refused (answered). */
  #readBody(job: Job): void {
    if (job.declared > 0 && !this.#budget.reserve(job.remoteIp, job.declared)) {
      this.#overBudget(job);
      return;
    }
    job.reserved = Math.max(0, job.declared);
    job.bodyState = BODY_READING;
    job.chunks = [];
    job.bodyDeadline = performance.now() + this.#limits.bodyTimeoutMs;
    this.#reading.add(job);
    job.req.on('data', (c: Buffer) => this.#onBodyChunk(job, c));
    job.req.on('end', () => this.#onBodyEnd(job));
  }

  #overBudget(job: Job): void {
    job.res.setHeader('connection', 'close');
    job.res.setHeader('retry-after', '1');
    this.#reply(
      job,
      Status.InsufficientStorage,
      'Axon is holding its limit of request-body bytes in flight; retry shortly.',
    );
  }

  #onBodyChunk(job: Job, c: Buffer): void {
    if (job.done) return;
    job.received += c.length;
    if (job.received > job.route.maxBodyBytes) {
      job.res.setHeader('connection', 'close');
      this.#reply(job, Status.PayloadTooLarge, `Request body exceeds ${job.route.maxBodyBytes} bytes.`);
      return;
    }
    if (job.received > job.reserved) {
      // Unknown length (chunked): reserve as it streams.
      const more = job.received - job.reserved;
      if (!this.#budget.reserve(job.remoteIp, more)) {
        this.#overBudget(job);
        return;
      }
      job.reserved += more;
    }
    job.chunks?.push(c);
  }

  #onBodyEnd(job: Job): void {
    if (job.done) return;
    const chunks = job.chunks ?? [];
    job.body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, job.received);
    job.chunks = null;
    job.bodyState = BODY_COMPLETE;
    this.#reading.delete(job);
    if (job.verified) this.#afterBody(job);
    else this.#queueForVerification(job);
  }

  #tooMany(job: Job, message: string, limiter: RateLimiter, key: string): void {
    job.res.setHeader('retry-after', String(Math.max(1, limiter.retryAfterS(key))));
    this.#reply(job, Status.TooManyRequests, message);
  }

  #schedulePump(): void {
    if (this.#pumpScheduled) return;
    this.#pumpScheduled = true;
    setImmediate(() => this.#pump());
  }

  // Step 8. Runs from setImmediate, after the I/O phase has queued every request that arrived, and
  // yields after a time slice so newcomers (a validator among a flood) can outrank the rest.
  #pump(): void {
    this.#pumpScheduled = false;
    const until = performance.now() + this.#limits.pumpSliceMs;
    while (this.#running < this.#maxConcurrent) {
      const job = this.#ready.pop() ?? this.#queue.pop();
      if (job === undefined) return;
      job.ticket = null;
      if (job.done) continue;
      if (job.verified) this.#start(job);
      else this.#verify(job);
      if (performance.now() >= until) break;
    }
    if (this.#running < this.#maxConcurrent && this.pending > 0) this.#schedulePump();
  }

  #verify(job: Job): void {
    const s = job.synapse;
    const d = s.dendrite;
    // Nonce check, signature check and nonce record in one synchronous step: two copies of a
    // request cannot both pass, whatever the interleaving.
    const stale = this.#nonces.check(job.hotkey, job.nonce, d.version ?? 0, s.timeout, wallClockNs());
    if (stale !== null) {
      this.#reply(job, Status.Unauthorized, `${NOT_VERIFIED}${stale.reason}`);
      return;
    }
    const message = dendriteMessage({
      nonce: job.nonce,
      dendriteHotkey: job.hotkey,
      axonHotkey: this.#hotkey,
      uuid: d.uuid ?? '',
      bodyHash: job.headerHash,
    });
    if (!verifyRequestSr25519Wallet(utf8(message), job.signature, job.publicKey)) {
      this.#failedVerification(job, `${NOT_VERIFIED}Signature mismatch with ${message}`);
      return;
    }
    this.#nonces.accept(job.hotkey, job.nonce);
    job.verified = true;
    if (job.failureCharged) {
      this.#failures?.refund(job.remoteIp);
      job.failureCharged = false;
    }
    this.#guard.prove(job.conn, job.hotkey);
    // The token only now: a forgery in a validator's name never reaches this line.
    if (this.#rate !== null) {
      if (!this.#rate.take(job.hotkey)) {
        this.#tooMany(job, `Rate limit exceeded for hotkey ${job.hotkey}.`, this.#rate, job.hotkey);
        return;
      }
      job.tokenTaken = true;
    }
    if (job.bodyState === BODY_COMPLETE) this.#afterBody(job);
    else this.#readBody(job);
  }

  // Charged to the address (unless already charged ahead); the connection loses its standing.
  #failedVerification(job: Job, message: string): void {
    if (!job.failureCharged) this.#failures?.take(job.remoteIp);
    job.failureCharged = false;
    this.#guard.distrust(job.conn);
    this.#reply(job, Status.Unauthorized, message);
  }

  // Steps 10–11 for a verified job whose body is complete.
  #afterBody(job: Job): void {
    const s = job.synapse;
    let parsed: unknown;
    try {
      parsed = JSON.parse((job.body as Buffer).toString('utf8'));
      Object.assign(s, parseSynapseFields(job.route.type.spec, parsed));
    } catch (e) {
      this.#reply(job, Status.Unprocessable, `Invalid request body: ${(e as Error).message}`);
      return;
    }
    job.body = null;
    this.#releaseBody(job);
    s.computedBodyHash = job.headerHash;
    const actual = synapseBodyHash(s);
    if (actual !== job.headerHash) {
      this.#failedVerification(
        job,
        `${NOT_VERIFIED}Body hash mismatch: the body hashes to ${actual}, the signed header says ${job.headerHash}.`,
      );
      return;
    }
    if (this.#running < this.#maxConcurrent) {
      this.#start(job);
      return;
    }
    const pushed = this.#ready.push(job, job.stake);
    if (!pushed.accepted) {
      this.#reply(job, Status.Unavailable, 'Axon is overloaded; higher-priority requests are waiting.');
      return;
    }
    job.ticket = pushed.ticket;
    if (pushed.evicted !== undefined)
      this.#reply(pushed.evicted, Status.Unavailable, 'Axon is overloaded; displaced by a higher-priority request.');
  }

  #start(job: Job): void {
    this.#running++;
    job.holdsSlot = true;
    job.started = true;
    this.#run(job).catch((e: unknown) => this.#replyError(job, e));
  }

  async #run(job: Job): Promise<void> {
    const s = job.synapse;
    const hooks = job.route.hooks;
    if (hooks.verify !== undefined) {
      try {
        await hooks.verify(s);
      } catch (e) {
        this.#reply(job, Status.Unauthorized, `${NOT_VERIFIED}${(e as Error).message ?? String(e)}`);
        return;
      }
    }
    if (job.done) return;
    const handler = job.route.handler;
    // An AbortController (and the DOMException of aborting it) costs a few µs per request; only
    // handlers that take the context parameter can observe it.
    const abort = handler.length >= 2 ? new AbortController() : null;
    job.abort = abort;
    const out = await handler(s, {
      signal: abort?.signal ?? NEVER_ABORTED,
      remoteIp: job.remoteIp,
      remotePort: s.dendrite.port ?? 0,
    });
    job.abort = null; // the handler is done: nothing to abort (and abort() costs a DOMException)
    if (job.done) return;
    if (!(out instanceof Synapse))
      throw new TypeError(`The ${job.route.type.spec.name} handler did not return a synapse.`);
    if (out !== s) {
      // A fresh object from the handler: the terminals are the pipeline's, not the handler's.
      out.dendrite = s.dendrite;
      out.axon = s.axon;
      out.timeout = s.timeout;
      out.computedBodyHash = s.computedBodyHash;
    }
    // Python lets forward pick the status through synapse.axon.status_code.
    const chosen = out.axon.statusCode;
    if (chosen !== undefined && chosen !== 100 && chosen !== Status.Success) {
      this.#reply(job, chosen, out.axon.statusMessage ?? STATUS_MESSAGES[chosen] ?? 'Error', out);
      return;
    }
    this.#reply(job, Status.Success, 'Success', out);
  }

  #onTimeout(job: Job): void {
    job.timer = null;
    this.#reply(job, Status.Timeout, `Request timeout after ${job.synapse.timeout} seconds.`);
  }

  #replyError(job: Job, e: unknown): void {
    if (job.done) return;
    if (e instanceof SynapseError) {
      this.#reply(job, e.status, e.explanation);
      return;
    }
    // Opaque to the caller (as Python does): details are for the operator.
    this.#onError?.(e, job.synapse);
    this.#reply(job, Status.InternalError, `Internal Server Error #${randomUUID()}`);
  }

  #releaseBody(job: Job): void {
    if (job.reserved > 0) this.#budget.release(job.remoteIp, job.reserved);
    job.reserved = 0;
    job.chunks = null;
    job.body = null;
  }

  // Marks the job finished and releases what it holds. A handler that ignores its abort signal
  // keeps running, but no longer counts against maxConcurrent: a stuck handler must not stall the axon.
  // `refund`: the caller got nothing for its rate token (it left, timed out or was shed first).
  #finish(job: Job, refund: boolean): void {
    job.done = true;
    if (job.timer !== null) clearTimeout(job.timer);
    job.timer = null;
    job.ticket?.cancel();
    job.ticket = null;
    job.abort?.abort();
    this.#reading.delete(job);
    this.#releaseBody(job);
    if (job.tokenTaken && refund && !job.started) {
      this.#rate?.refund(job.hotkey);
      job.tokenTaken = false;
    }
    if (job.holdsSlot) {
      job.holdsSlot = false;
      this.#running--;
      if (this.pending > 0) this.#schedulePump();
    }
  }

  // The caller disconnected before its answer: not an error, nothing to write.
  #abandon(job: Job): void {
    this.#finish(job, true);
    this.#count(CLIENT_CLOSED);
  }

  #count(status: number): void {
    this.#stats[status] = (this.#stats[status] ?? 0) + 1;
  }

  #reply(job: Job, status: number, message: string, result?: Synapse): void {
    if (job.done) return;
    this.#finish(
      job,
      status === Status.Timeout || status === Status.Unavailable || status === Status.InsufficientStorage,
    );
    const res = job.res;
    if (res.headersSent || res.destroyed) return;
    if (!job.verified && REFUSALS.has(status) && this.#outOfRefusals(job.conn)) {
      this.#count(status);
      this.#refuseAndDrop(job.conn, res, status, message);
      return;
    }
    const s = result ?? job.synapse;
    s.axon.statusCode = status;
    s.axon.statusMessage = message;
    s.axon.processTime = (performance.now() - job.t0) / 1000;
    if (this.#signResponses && s.dendrite.hotkey !== undefined && s.axon.nonce !== undefined)
      s.axon.signature = toHex(
        this.#signer(
          utf8(
            axonMessage({
              nonce: s.axon.nonce,
              dendriteHotkey: s.dendrite.hotkey,
              axonHotkey: this.#hotkey,
              uuid: this.#uuid,
            }),
          ),
        ),
      );
    // A refused upload may still be streaming in: close rather than read it to the end.
    if (status === Status.PayloadTooLarge || job.bodyState === BODY_READING) res.setHeader('connection', 'close');
    const ok = status === Status.Success;
    const fragment = ok ? fieldsFragment(s) : '';
    // The answer's `computed_body_hash` header is informational (nobody checks it); recompute it only
    // when the handler's outputs feed it, else it is the request's, checked above.
    const hash = ok && job.route.hashesResponse ? synapseBodyHash(s) : job.headerHash || EMPTY_BODY_HASH;
    const headers = synapseToHeaders(s, hash, fragment.length, true);
    const body = ok ? synapseBody(s, fragment) : JSON.stringify({ message });
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
    this.#count(status);
    res.writeHead(status, headers);
    res.end(body);
  }

  // An answer before any synapse exists (404, 405, 413, 400, the caps): status headers only.
  #bare(conn: Connection, res: ServerResponse, t0: number, status: number, message: string): void {
    this.#count(status);
    if (status !== Status.Unavailable && this.#outOfRefusals(conn)) {
      this.#refuseAndDrop(conn, res, status, message);
      return;
    }
    const body = JSON.stringify({ message });
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      bt_header_axon_status_code: String(status),
      bt_header_axon_status_message: message.replace(/[^\x20-\x7e]/g, '?'),
      bt_header_axon_process_time: String((performance.now() - t0) / 1000),
      bt_header_axon_hotkey: this.#hotkey,
      // Lets a prober tell this very axon's refusal from another server's (probe.ts).
      bt_header_axon_uuid: this.#uuid,
      bt_header_axon_version: String(this.#version),
    });
    res.end(body);
  }

  // A refusal before the caller proved anything costs its address; true once it is out of budget.
  // The total bucket bounds what many addresses, each within its own budget, can make the axon
  // spend on full answers in one loop turn (a botnet's first burst).
  #outOfRefusals(conn: Connection): boolean {
    if (this.#refusals === null || conn.proven !== null) return false;
    if (!this.#refusals.take(conn.ip)) return true;
    return this.#allRefusals !== null && !this.#allRefusals.take(ALL_ADDRESSES);
  }

  // Past its refusal budget an address gets no more of the axon's time: the refusal is a raw answer
  // written straight to the socket (when it is next in line on the connection; else none), and the
  // connection is dropped at once, so node:http parses nothing more of what it sent. Its next
  // connections are dropped at accept until the budget refills.
  #refuseAndDrop(conn: Connection, res: ServerResponse, status: number, message: string): void {
    const socket = conn.socket;
    if (res.socket === socket && !res.headersSent && socket.writable) socket.write(this.#rawRefusal(status, message));
    this.#guard.drop(conn);
  }

  /** A complete HTTP/1.1 refusal, built without a ServerResponse. */
  #rawRefusal(status: number, message: string): string {
    const body = JSON.stringify({ message });
    return (
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\ncontent-type: application/json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nbt_header_axon_status_code: ${status}\r\n` +
      `bt_header_axon_status_message: ${message.replace(/[^\x20-\x7e]/g, '?')}\r\n${this.#rawTail}${body}`
    );
  }

  /** The keypair the axon signs with (exposed for serving on chain). */
  get keypair(): Keypair {
    return this.#keypair;
  }
}
