/**
 * The axon: the HTTP server a miner (or validator) runs so dendrites can query it. One route per
 * protocol, `POST /<SynapseName>`, plus the `/Synapse` ping every axon serves.
 *
 * The pipeline follows Python's (§2.4) but is stricter where Python is unsafe:
 *
 * 1. route (404), method (405), declared body size (413);
 * 2. headers parsed into a synapse (400); dendrite hotkey, nonce, uuid, signature and body hash all
 *    present (401 — Python skips the signature check when there is none);
 * 3. failed-verification budget of the remote address (429), so forged requests cannot burn CPU;
 * 4. blacklist on the claimed hotkey (403): by default unregistered, no validator permit, or below
 *    the minimum stake — cheap, so strangers are turned away before any cryptography;
 * 5. per-hotkey rate limit (429) and nonce freshness/replay (401), both cheap pre-checks;
 * 6. priority (by default the caller's stake) and the body (413 past the limit);
 * 7. the bounded priority queue (503 when full and outranked): under load, high-stake callers are
 *    verified and served first — Python computes a priority and then ignores it;
 * 8. in one synchronous step: nonce re-check, sr25519 signature over
 *    `{nonce}.{dendrite}.{own hotkey}.{uuid}.{body hash header}` (401), nonce recorded;
 * 9. body parsed (422) and its hash recomputed over the declared hash fields; a mismatch with the
 *    signed header means the body was altered (401);
 * 10. the custom verify hook (401), then the handler under the synapse timeout (408), errors 500;
 * 11. the answer: the whole synapse as JSON with `to_headers()` (200), or `{"message": …}` with the
 *     same headers and the status code for any failure.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { NonceGuard } from './nonce-guard.js';
import { type AxonProbe, probeAxon } from './probe.js';
import { BoundedPriorityQueue, type QueueTicket } from './priority-queue.js';
import { type RateLimit, RateLimiter } from './rate-limiter.js';

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
  /** Replaces the default priority (the caller's stake) for this route; higher is served first. */
  readonly priority?: (synapse: S) => number | Promise<number>;
  /** Extra checks after the built-in ones (which always run); throw to reject with 401. */
  readonly verify?: (synapse: S) => void | Promise<void>;
  /** Body size limit for this route, bytes (default: the axon's). */
  readonly maxBodyBytes?: number;
}

/** How an axon is set up. */
export interface AxonOptions {
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
  /** Per-hotkey limit (default 50/s, burst 100); false disables. */
  readonly rateLimit?: RateLimit | false;
  /** Limit on failed verifications per remote address (default 10/s, burst 50); false disables. */
  readonly failureRateLimit?: RateLimit | false;
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

/** Counts of answers by status, for metrics and the benchmark. */
export type AxonStats = Record<number, number>;

interface Route {
  readonly type: SynapseType;
  readonly handler: SynapseHandler<Synapse>;
  readonly hooks: AttachOptions<Synapse>;
  readonly maxBodyBytes: number;
  /** Whether a response field feeds the body hash (else the answer reuses the request's hash). */
  readonly hashesResponse: boolean;
}

interface Job {
  readonly route: Route;
  readonly res: ServerResponse;
  readonly t0: number;
  readonly synapse: Synapse;
  readonly remoteIp: string;
  readonly headerHash: string;
  hotkey: string;
  publicKey: Uint8Array;
  signature: Uint8Array;
  nonce: bigint;
  body: Buffer | null;
  done: boolean;
  timer: NodeJS.Timeout | null;
  ticket: QueueTicket | null;
  abort: AbortController | null;
  /** Whether the job holds a handler slot. */
  holdsSlot: boolean;
  /** Whether a rate-limit token was taken for the claimed hotkey (refunded unless the signature verifies). */
  tokenTaken: boolean;
  /** Whether the signature verified (the hotkey is the caller's). */
  verified: boolean;
}

const NOT_VERIFIED = 'Not Verified with error: ';
const NEVER_ABORTED = new AbortController().signal;
const DEFAULT_VERSION = 10_002_000;

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

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let n = 0;
    const onData = (c: Buffer): void => {
      n += c.length;
      if (n > max) {
        req.off('data', onData);
        reject(new SynapseError(Status.PayloadTooLarge, `Request body exceeds ${max} bytes.`));
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, n)));
    req.on('error', reject);
  });
}

const normalizeIp = (ip: string | undefined): string => (ip?.startsWith('::ffff:') ? ip.slice(7) : (ip ?? ''));

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
  readonly #nonces: NonceGuard;
  readonly #queue: BoundedPriorityQueue<Job>;
  readonly #maxBodyBytes: number;
  readonly #maxConcurrent: number;
  readonly #maxTimeoutS: number;
  readonly #signResponses: boolean;
  readonly #version: number;
  readonly #onError: ((error: unknown, synapse: Synapse) => void) | undefined;
  readonly #routes = new Map<string, Route>();
  readonly #keys = new Map<string, Uint8Array | null>();
  readonly #stats: AxonStats = {};
  #server: Server | null = null;
  #boundPort = 0;
  #advertisedIp = '';
  #advertisedPort = 0;
  #running = 0;
  #pumpScheduled = false;

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
    this.#nonces = new NonceGuard(BigInt(Math.round((options.nonceReorderWindowMs ?? 2000) * 1e6)));
    this.#queue = new BoundedPriorityQueue(options.maxPending ?? 1024);
    this.#maxBodyBytes = options.maxBodyBytes ?? 4 * 1024 * 1024;
    this.#maxConcurrent = options.maxConcurrent ?? 64;
    this.#maxTimeoutS = options.maxTimeoutS ?? 60;
    this.#version = options.version ?? DEFAULT_VERSION;
    this.#onError = options.onError;
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
    const server = createServer({ keepAlive: true }, (req, res) => this.#onRequest(req, res));
    // Slow-header clients hold sockets; the body deadline is the synapse timeout plus slack.
    server.headersTimeout = 10_000;
    server.requestTimeout = (this.#maxTimeoutS + 10) * 1000;
    server.keepAliveTimeout = 5_000;
    this.#server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#bindPort, this.#bindIp, () => {
        server.off('error', reject);
        resolve();
      });
    });
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
    for (let job = this.#queue.pop(); job !== undefined; job = this.#queue.pop())
      this.#reply(job, Status.Unavailable, 'Axon is shutting down.');
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
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

  /** Requests past the cheap checks, waiting in the priority queue for verification and a handler slot. */
  get pending(): number {
    return this.#queue.size;
  }

  /** Answers sent so far, by status code. */
  get stats(): Readonly<AxonStats> {
    return this.#stats;
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

  #onRequest(req: IncomingMessage, res: ServerResponse): void {
    const t0 = performance.now();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const name = (q < 0 ? url : url.slice(0, q)).slice(1);
    const route = this.#routes.get(name);
    if (route === undefined) {
      this.#bare(
        res,
        t0,
        Status.NotFound,
        `Synapse name '${name}' not found. Available synapses [${[...this.#routes.keys()].map((n) => `'${n}'`).join(', ')}]`,
      );
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      this.#bare(res, t0, Status.MethodNotAllowed, `Synapse ${name} must be called with POST.`);
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > route.maxBodyBytes) {
      // Do not read (or make Node drain) a body we refuse; close the connection instead.
      res.setHeader('connection', 'close');
      this.#bare(res, t0, Status.PayloadTooLarge, `Request body exceeds ${route.maxBodyBytes} bytes.`);
      return;
    }
    const body = readBody(req, route.maxBodyBytes);
    body.catch(() => {}); // handled where awaited; a refusal before that must not be "unhandled"
    let hs: ReturnType<typeof synapseFromHeaders>;
    try {
      hs = synapseFromHeaders(req.headers);
    } catch (e) {
      this.#bare(res, t0, Status.BadRequest, `Synapse parsing error: ${(e as Error).message}`);
      return;
    }
    const remoteIp = normalizeIp(req.socket.remoteAddress);
    const synapse = instantiate(route.type, placeholderValues(route.type));
    synapse.timeout = Math.min(hs.timeout ?? DEFAULT_SYNAPSE_TIMEOUT_S, this.#maxTimeoutS);
    synapse.dendrite = { ...hs.dendrite, ip: remoteIp, port: req.socket.remotePort ?? 0 };
    synapse.axon = {
      statusCode: 100,
      ip: this.#advertisedIp,
      port: this.#advertisedPort,
      version: this.#version,
      nonce: wallClockNs(),
      uuid: this.#uuid,
      hotkey: this.#hotkey,
    };
    const job: Job = {
      route,
      res,
      t0,
      synapse,
      remoteIp,
      headerHash: hs.computedBodyHash ?? '',
      hotkey: '',
      publicKey: new Uint8Array(),
      signature: new Uint8Array(),
      nonce: 0n,
      body: null,
      done: false,
      timer: null,
      ticket: null,
      abort: null,
      holdsSlot: false,
      tokenTaken: false,
      verified: false,
    };
    // The caller's clock started when it sent; ours starts on arrival and covers queueing too.
    job.timer = setTimeout(() => this.#onTimeout(job), synapse.timeout * 1000);
    res.on('close', () => {
      if (!job.done) this.#finish(job); // caller went away: free the slot, stop the handler
    });
    this.#admit(job, body).catch((e: unknown) => this.#replyError(job, e));
  }

  async #admit(job: Job, body: Promise<Buffer>): Promise<void> {
    const s = job.synapse;
    const d = s.dendrite;
    const reject = (status: number, msg: string): never => {
      throw new SynapseError(status, msg);
    };
    if (d.hotkey === undefined || d.hotkey === '')
      reject(Status.Unauthorized, `${NOT_VERIFIED}No SS58 formatted address or public key provided.`);
    const hotkey = d.hotkey as string;
    const pk = this.#publicKey(hotkey);
    if (pk === null) reject(Status.Unauthorized, `${NOT_VERIFIED}${hotkey} is not a valid SS58 address.`);
    if (d.nonce === undefined) reject(Status.Unauthorized, `${NOT_VERIFIED}Missing nonce.`);
    if (d.uuid === undefined) reject(Status.Unauthorized, `${NOT_VERIFIED}Missing dendrite uuid.`);
    if (d.signature === undefined || d.signature === '')
      reject(Status.Unauthorized, `${NOT_VERIFIED}Missing signature; this axon requires signed requests.`);
    const sig = signatureBytes(d.signature as string);
    if (sig === null || sig.length !== 64)
      reject(Status.Unauthorized, `${NOT_VERIFIED}The signature is not 64 bytes of 0x-hex.`);
    if (job.headerHash === '') reject(Status.Unauthorized, `${NOT_VERIFIED}Missing computed_body_hash header.`);
    job.hotkey = hotkey;
    job.publicKey = pk as Uint8Array;
    job.signature = sig as Uint8Array;
    job.nonce = d.nonce as bigint;

    if (this.#failures !== null && !this.#failures.has(job.remoteIp))
      this.#tooMany(job, `Too many failed verifications from ${job.remoteIp}.`, this.#failures, job.remoteIp);

    const hooks = job.route.hooks;
    const verdict =
      hooks.blacklist !== undefined
        ? await hooks.blacklist(s)
        : this.#metagraph === undefined
          ? { blocked: false }
          : defaultBlacklist(hotkey, this.#metagraph, this.#access);
    if (verdict.blocked)
      reject(Status.Forbidden, `Forbidden. Key is blacklisted: ${verdict.reason ?? 'blocked by the blacklist'}.`);

    // The token is taken now, so a burst is refused before it costs any signature checks; it is
    // given back if the request fails before its signature verified, so forging a validator's
    // hotkey cannot use up that validator's budget.
    if (this.#rate !== null) {
      if (!this.#rate.take(hotkey)) this.#tooMany(job, `Rate limit exceeded for hotkey ${hotkey}.`, this.#rate, hotkey);
      job.tokenTaken = true;
    }

    const stale = this.#nonces.check(hotkey, job.nonce, d.version ?? 0, s.timeout, wallClockNs());
    if (stale !== null) reject(Status.Unauthorized, `${NOT_VERIFIED}${stale.reason}`);

    const priority = hooks.priority !== undefined ? await hooks.priority(s) : defaultPriority(hotkey, this.#metagraph);
    job.body = await body;
    if (job.done) return;
    if (this.#server === null) reject(Status.Unavailable, 'Axon is shutting down.');

    const pushed = this.#queue.push(job, Number.isFinite(priority) ? priority : 0);
    if (!pushed.accepted) reject(Status.Unavailable, 'Axon is overloaded; higher-priority requests are waiting.');
    else {
      job.ticket = pushed.ticket;
      if (pushed.evicted !== undefined)
        this.#reply(pushed.evicted, Status.Unavailable, 'Axon is overloaded; displaced by a higher-priority request.');
    }
    this.#schedulePump();
  }

  #tooMany(job: Job, message: string, limiter: RateLimiter, key: string): never {
    job.res.setHeader('retry-after', String(Math.max(1, limiter.retryAfterS(key))));
    throw new SynapseError(Status.TooManyRequests, message);
  }

  #schedulePump(): void {
    if (this.#pumpScheduled) return;
    this.#pumpScheduled = true;
    setImmediate(() => this.#pump());
  }

  // Starts queued jobs in priority order. It runs from setImmediate, after the I/O phase has
  // queued every request that arrived, and yields after a batch so newcomers can outrank the rest.
  #pump(): void {
    this.#pumpScheduled = false;
    for (let budget = 64; budget > 0 && this.#running < this.#maxConcurrent; budget--) {
      const job = this.#queue.pop();
      if (job === undefined) return;
      job.ticket = null;
      if (!job.done) this.#start(job);
    }
    if (this.#queue.size > 0 && this.#running < this.#maxConcurrent) this.#schedulePump();
  }

  #start(job: Job): void {
    const s = job.synapse;
    const d = s.dendrite;
    const fail = (status: number, message: string, charge: boolean): void => {
      if (charge) this.#failures?.take(job.remoteIp);
      this.#reply(job, status, message);
    };
    // Nonce check, signature check and nonce record in one synchronous step: two copies of a
    // request cannot both pass, whatever the interleaving.
    const stale = this.#nonces.check(job.hotkey, job.nonce, d.version ?? 0, s.timeout, wallClockNs());
    if (stale !== null) {
      fail(Status.Unauthorized, `${NOT_VERIFIED}${stale.reason}`, false);
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
      fail(Status.Unauthorized, `${NOT_VERIFIED}Signature mismatch with ${message}`, true);
      return;
    }
    this.#nonces.accept(job.hotkey, job.nonce);
    job.verified = true;

    let parsed: unknown;
    try {
      parsed = JSON.parse((job.body as Buffer).toString('utf8'));
      Object.assign(s, parseSynapseFields(job.route.type.spec, parsed));
    } catch (e) {
      fail(Status.Unprocessable, `Invalid request body: ${(e as Error).message}`, false);
      return;
    }
    job.body = null;
    s.computedBodyHash = job.headerHash;
    const actual = synapseBodyHash(s);
    if (actual !== job.headerHash) {
      fail(
        Status.Unauthorized,
        `${NOT_VERIFIED}Body hash mismatch: the body hashes to ${actual}, the signed header says ${job.headerHash}.`,
        true,
      );
      return;
    }

    this.#running++;
    job.holdsSlot = true;
    this.#run(job).catch((e: unknown) => this.#replyError(job, e));
  }

  async #run(job: Job): Promise<void> {
    const s = job.synapse;
    const hooks = job.route.hooks;
    if (hooks.verify !== undefined) {
      try {
        await hooks.verify(s);
      } catch (e) {
        throw new SynapseError(Status.Unauthorized, `${NOT_VERIFIED}${(e as Error).message ?? String(e)}`);
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
    if (chosen !== undefined && chosen !== 100 && chosen !== Status.Success)
      return this.#reply(job, chosen, out.axon.statusMessage ?? STATUS_MESSAGES[chosen] ?? 'Error', out);
    this.#reply(job, Status.Success, 'Success', out);
  }

  #onTimeout(job: Job): void {
    job.timer = null;
    this.#reply(job, Status.Timeout, `Request timeout after ${job.synapse.timeout} seconds.`);
  }

  #replyError(job: Job, e: unknown): void {
    if (e instanceof SynapseError) {
      this.#reply(job, e.status, e.explanation);
      return;
    }
    // Opaque to the caller (as Python does): details are for the operator.
    this.#onError?.(e, job.synapse);
    this.#reply(job, Status.InternalError, `Internal Server Error #${randomUUID()}`);
  }

  // Marks the job finished and releases what it holds. A handler that ignores its abort signal
  // keeps running, but no longer counts against maxConcurrent: a stuck handler must not stall the axon.
  #finish(job: Job): void {
    job.done = true;
    if (job.timer !== null) clearTimeout(job.timer);
    job.timer = null;
    job.ticket?.cancel();
    job.ticket = null;
    job.abort?.abort();
    if (job.holdsSlot) {
      job.holdsSlot = false;
      this.#running--;
      if (this.#queue.size > 0) this.#schedulePump();
    }
  }

  #count(status: number): void {
    this.#stats[status] = (this.#stats[status] ?? 0) + 1;
  }

  #reply(job: Job, status: number, message: string, result?: Synapse): void {
    if (job.done) return;
    this.#finish(job);
    if (job.tokenTaken && !job.verified) this.#rate?.refund(job.hotkey);
    const res = job.res;
    if (res.headersSent || res.destroyed) return;
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
    if (status === Status.PayloadTooLarge) res.setHeader('connection', 'close');
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

  // An answer before any synapse exists (404, 405, 413, 400): status headers only.
  #bare(res: ServerResponse, t0: number, status: number, message: string): void {
    const body = JSON.stringify({ message });
    this.#count(status);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      bt_header_axon_status_code: String(status),
      bt_header_axon_status_message: message.replace(/[^\x20-\x7e]/g, '?'),
      bt_header_axon_process_time: String((performance.now() - t0) / 1000),
      bt_header_axon_hotkey: this.#hotkey,
    });
    res.end(body);
  }

  /** The keypair the axon signs with (exposed for serving on chain). */
  get keypair(): Keypair {
    return this.#keypair;
  }
}
