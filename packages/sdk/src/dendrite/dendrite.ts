/**
 * The dendrite: the client a validator uses to query axons. Each axon gets its own copy of the
 * synapse with its own nonce and signature over
 * `{nonce}.{dendrite hotkey}.{axon hotkey}.{uuid}.{body hash}` (§2.2); all are sent concurrently
 * over keep-alive connections, each under the synapse timeout. A failed axon never throws: it
 * becomes a synapse whose `dendrite.statusCode` says what happened (§2.6), and results come back in
 * axon order.
 */
import { randomUUID } from 'node:crypto';
import type { AxonTarget } from '../axon/axon-info.js';
import { toHex, utf8 } from '../bytes.js';
import type { Keypair } from '../keys/keypair.js';
import { ss58Decode } from '../keys/ss58.js';
import { signatureBytes } from '../keys/verify.js';
import { initFastSr25519, makeSigner, type MessageSigner, verifySr25519Wallet } from '../synapse/fast-sr25519.js';
import { axonMessage, dendriteMessage } from '../synapse/messages.js';
import { STATUS_MESSAGES, Status } from '../synapse/status.js';
import { DEFAULT_SYNAPSE_TIMEOUT_S, type Synapse } from '../synapse/synapse.js';
import {
  fieldsFragment,
  parseSynapseFields,
  synapseBody,
  synapseBodyHash,
  synapseFromHeaders,
  synapseToHeaders,
} from '../synapse/wire.js';
import { type HttpOutcome, httpPost } from './http-call.js';
import { Http1Pool } from './http1-pool.js';
import { nextNonce } from './nonce-clock.js';

/** How a dendrite is set up. */
export interface DendriteOptions {
  /** The hotkey requests are signed with. */
  readonly keypair: Keypair;
  /**
   * This machine's external IP. Sent as `dendrite.ip`; an axon advertised at this IP is reached
   * over loopback (Python connects to `0.0.0.0` then), since many NATs do not hairpin.
   */
  readonly externalIp?: string;
  /** `version_as_int` sent (default 10002000); at least 7002000 gets the modern nonce rules. */
  readonly version?: number;
  /** Keep-alive sockets per axon (default 4). */
  readonly maxSocketsPerAxon?: number;
  /** Answers longer than this fail with 422 (default 64 MiB). */
  readonly maxResponseBytes?: number;
}

/** Options of one query. */
export interface ForwardOptions {
  /** Seconds each axon gets (default 12); also sent as the synapse timeout. */
  readonly timeout?: number;
  /** Return `synapse.deserialize()` instead of the synapse (default true, as in Python). */
  readonly deserialize?: boolean;
}

/** What `deserialize()` of a synapse returns. */
export type Deserialized<S extends Synapse> = S extends Synapse<infer D> ? D : unknown;

const DEFAULT_VERSION = 10_002_000;
// How many requests are signed between yields to the event loop: the first ones go out (and
// the axons start verifying) while the rest are still being signed.
const SIGN_BATCH = 16;

/** A Bittensor-compatible dendrite. */
export class Dendrite {
  /** Fixed for the dendrite's lifetime (Python: a uuid1), part of every signed message. */
  readonly uuid: string = randomUUID();
  readonly #keypair: Keypair;
  readonly #signer: MessageSigner;
  readonly #externalIp: string | undefined;
  readonly #version: number;
  readonly #pool: Http1Pool;
  readonly #maxResponseBytes: number;
  readonly #axonKeys = new Map<string, Uint8Array | null>();

  constructor(options: DendriteOptions) {
    this.#keypair = options.keypair;
    this.#signer = makeSigner(options.keypair);
    this.#externalIp = options.externalIp;
    this.#version = options.version ?? DEFAULT_VERSION;
    this.#maxResponseBytes = options.maxResponseBytes ?? 64 * 1024 * 1024;
    // Idle sockets are dropped before the axon's 5 s keep-alive timeout would close them under us.
    this.#pool = new Http1Pool(options.maxSocketsPerAxon ?? 4, 4_000);
  }

  /** The dendrite's SS58 hotkey. */
  get hotkey(): string {
    return this.#keypair.ss58Address;
  }

  /** Queries every axon at once; results (deserialized by default) in axon order. Never rejects for an axon's failure. */
  forward<S extends Synapse>(
    axons: readonly AxonTarget[],
    synapse: S,
    options: ForwardOptions & { readonly deserialize: false },
  ): Promise<S[]>;
  forward<S extends Synapse>(
    axons: readonly AxonTarget[],
    synapse: S,
    options?: ForwardOptions,
  ): Promise<Deserialized<S>[]>;
  async forward<S extends Synapse>(
    axons: readonly AxonTarget[],
    synapse: S,
    options: ForwardOptions = {},
  ): Promise<(S | Deserialized<S>)[]> {
    await initFastSr25519();
    const timeout = options.timeout ?? DEFAULT_SYNAPSE_TIMEOUT_S;
    const template = synapse.clone();
    template.timeout = timeout;
    // The fields and their hash are the same for every axon: compute them once.
    const fragment = fieldsFragment(template);
    const bodyHash = synapseBodyHash(template);
    const pending: Promise<S>[] = [];
    for (let i = 0; i < axons.length; i++) {
      if (i > 0 && i % SIGN_BATCH === 0) await new Promise<void>((r) => setImmediate(r));
      pending.push(this.#query(axons[i] as AxonTarget, template, fragment, bodyHash, timeout));
    }
    const done = await Promise.all(pending);
    return options.deserialize === false ? done : done.map((s) => s.deserialize() as Deserialized<S>);
  }

  /** Queries one axon and returns the synapse (never deserialized, never rejects). */
  async call<S extends Synapse>(
    axon: AxonTarget,
    synapse: S,
    options: Omit<ForwardOptions, 'deserialize'> = {},
  ): Promise<S> {
    const [s] = await this.forward([axon], synapse, { ...options, deserialize: false });
    return s as S;
  }

  /** Closes the keep-alive sockets. */
  close(): void {
    this.#pool.destroy();
  }

  async #query<S extends Synapse>(
    axon: AxonTarget,
    template: S,
    fragment: string,
    bodyHash: string,
    timeout: number,
  ): Promise<S> {
    const s = template.clone();
    const host = this.#externalIp !== undefined && axon.ip === this.#externalIp ? '127.0.0.1' : axon.ip;
    let outcome = await this.#send(s, axon, host, fragment, bodyHash, timeout);
    // A keep-alive socket the axon closed just before we wrote: nothing reached it, so resend on a
    // fresh socket (with a fresh nonce and signature, so the retry is not a replay).
    if (outcome.kind === 'failure' && outcome.staleSocket)
      outcome = await this.#send(s, axon, host, fragment, bodyHash, timeout);
    this.#merge(s, axon, outcome);
    return s;
  }

  #send(
    s: Synapse,
    axon: AxonTarget,
    host: string,
    fragment: string,
    bodyHash: string,
    timeout: number,
  ): Promise<HttpOutcome> {
    const nonce = nextNonce();
    const dendrite: Synapse['dendrite'] = { version: this.#version, nonce, uuid: this.uuid, hotkey: this.hotkey };
    if (this.#externalIp !== undefined) dendrite.ip = this.#externalIp;
    const message = dendriteMessage({
      nonce,
      dendriteHotkey: this.hotkey,
      axonHotkey: axon.hotkey,
      uuid: this.uuid,
      bodyHash,
    });
    dendrite.signature = toHex(this.#signer(utf8(message)));
    s.dendrite = dendrite;
    s.axon = { ip: axon.ip, port: axon.port, hotkey: axon.hotkey };
    const headers = synapseToHeaders(s, bodyHash, fragment.length);
    return httpPost({
      pool: this.#pool,
      host,
      port: axon.port,
      name: s.name,
      headers,
      body: synapseBody(s, fragment),
      timeoutMs: timeout * 1000,
      maxResponseBytes: this.#maxResponseBytes,
    });
  }

  #axonKey(hotkey: string): Uint8Array | null {
    let pk = this.#axonKeys.get(hotkey);
    if (pk === undefined) {
      try {
        pk = ss58Decode(hotkey).publicKey;
      } catch {
        pk = null;
      }
      this.#axonKeys.set(hotkey, pk);
    }
    return pk;
  }

  // Folds an answer or failure into the synapse (Python `process_server_response`): response
  // fields from a 200 body, the axon's terminal from the headers, then the status callers read.
  #merge(s: Synapse, axon: AxonTarget, o: HttpOutcome): void {
    s.dendrite.timing = o.timing;
    s.dendrite.processTime = o.timing.totalMs / 1000;
    const setStatus = (code: number, message: string): void => {
      s.dendrite.statusCode = code;
      s.dendrite.statusMessage = message;
    };
    if (o.kind === 'failure') {
      setStatus(o.status, o.message);
      return;
    }

    try {
      const fromHeaders = synapseFromHeaders(o.headers).axon;
      for (const [k, v] of Object.entries(fromHeaders)) if (v !== undefined) (s.axon as Record<string, unknown>)[k] = v;
    } catch {
      // Malformed terminal headers from the axon: keep what we know; the status still comes from HTTP.
    }
    s.axon.statusCode = o.status;
    let json: unknown;
    try {
      json = JSON.parse(o.body.toString('utf8'));
    } catch {
      setStatus(Status.Unprocessable, 'Failed to parse response: the body is not JSON');
      return;
    }
    if (o.status === Status.Success) {
      try {
        // Only the outputs: the axon cannot rewrite what we asked.
        Object.assign(s, parseSynapseFields(s.spec, json, 'response'));
      } catch (e) {
        setStatus(Status.Unprocessable, `Failed to parse response: ${(e as Error).message}`);
        return;
      }
    } else {
      const m = (json as { message?: unknown } | null)?.message;
      s.axon.statusMessage = typeof m === 'string' ? m : (STATUS_MESSAGES[o.status] ?? `HTTP ${o.status}`);
    }

    // The axon's own signature, when it sends one, must be over our hotkey and the axon we targeted.
    const sig = s.axon.signature;
    if (sig !== undefined && sig !== '') {
      const pk = this.#axonKey(axon.hotkey);
      const bytes = signatureBytes(sig);
      const message = axonMessage({
        nonce: s.axon.nonce ?? 0n,
        dendriteHotkey: this.hotkey,
        axonHotkey: axon.hotkey,
        uuid: s.axon.uuid ?? '',
      });
      if (pk === null || bytes === null || !verifySr25519Wallet(utf8(message), bytes, pk)) {
        setStatus(Status.Unauthorized, `The axon's response signature does not verify for ${axon.hotkey}.`);
        return;
      }
    }
    setStatus(s.axon.statusCode, s.axon.statusMessage ?? STATUS_MESSAGES[o.status] ?? '');
  }
}
