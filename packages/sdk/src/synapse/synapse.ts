/**
 * The synapse: one request/response exchange between a dendrite (caller) and an axon (server),
 * carrying the protocol's own fields plus the terminal info of both ends. The base `Synapse` is
 * itself a protocol (the `/Synapse` ping every axon serves); subnets declare theirs with
 * `defineSynapse`.
 */
import type { FieldKind } from './reference-headers.js';
import type { Field } from './fields.js';

/** Per-phase timing of one dendrite call, in milliseconds from the start of the call. */
export interface PhaseTiming {
  /** Until the TCP connection was up (0 on a reused keep-alive socket). */
  connectMs: number;
  /** Until the whole request was handed to the OS. */
  sendMs: number;
  /** Until the response headers arrived (the axon's answer started). */
  firstByteMs: number;
  /** Until the response body was complete, or the call failed. */
  totalMs: number;
  /** Whether a keep-alive socket was reused. */
  reusedSocket: boolean;
}

/**
 * One side's terminal info (Python `TerminalInfo`), mutable while a request is processed. Every
 * field is optional; only the set ones travel as `bt_header_<side>_<field>` headers.
 */
export interface Terminal {
  statusCode?: number;
  statusMessage?: string;
  /** Seconds (a Python float): round trip at the dendrite, handling time at the axon. */
  processTime?: number;
  ip?: string;
  port?: number;
  version?: number;
  /** Nanoseconds; beyond 2⁵³, so a bigint. */
  nonce?: bigint;
  uuid?: string;
  /** SS58 hotkey. */
  hotkey?: string;
  /** `0x`-hex sr25519 signature. */
  signature?: string;
  /** Dendrite side only, never sent: where the time of the call went. */
  timing?: PhaseTiming;
}

/** A declared field with its wire name and whether the caller fills it (request) or the axon (response). */
export interface FieldEntry {
  readonly key: string;
  readonly field: Field<unknown>;
  readonly side: 'request' | 'response';
}

/** The static description of a protocol: route name, fields in body order, hash fields. */
export interface SynapseSpec {
  /** The class name: the route (`POST /<name>`) and the `name` header. */
  readonly name: string;
  /** Request fields first, then response fields, each in declaration order (the body order). */
  readonly fields: readonly FieldEntry[];
  /** Fields that feed the body hash, in the declared order (Python `required_hash_fields`). */
  readonly hashFields: readonly string[];
  /** Fields without a default (JSON-schema `required`), which get placeholder headers. */
  readonly requiredFields: readonly { readonly name: string; readonly kind: FieldKind }[];
}

/** Default timeout of a request, seconds (Python's 12.0). */
export const DEFAULT_SYNAPSE_TIMEOUT_S = 12;

/** Field names the base model owns; a protocol cannot reuse them. */
export const RESERVED_FIELD_NAMES: ReadonlySet<string> = new Set([
  'name',
  'timeout',
  'total_size',
  'header_size',
  'dendrite',
  'axon',
  'computed_body_hash',
  'required_hash_fields',
]);

/**
 * The base synapse. Instances are plain mutable objects: a handler sets its response fields and
 * returns the same object. `D` is what `deserialize()` returns (typed by `defineSynapse`).
 */
export class Synapse<D = unknown> {
  /** The protocol description; `defineSynapse` classes override it. */
  static readonly spec: SynapseSpec = { name: 'Synapse', fields: [], hashFields: [], requiredFields: [] };

  /** Seconds the dendrite waits and the axon allows the handler. */
  timeout: number = DEFAULT_SYNAPSE_TIMEOUT_S;
  /** Informational size (Python uses `sys.getsizeof`; any integer is accepted). */
  totalSize = 0;
  /** Informational size. */
  headerSize = 0;
  /** The caller's end. */
  dendrite: Terminal = {};
  /** The server's end. */
  axon: Terminal = {};
  /** The body hash as received in the `computed_body_hash` header (axon side); `""` otherwise. */
  computedBodyHash = '';

  /** This synapse's protocol description. */
  get spec(): SynapseSpec {
    return (this.constructor as typeof Synapse).spec;
  }

  /** The protocol name (the route). */
  get name(): string {
    return this.spec.name;
  }

  /**
   * What `Dendrite.forward(…, {deserialize: true})` returns for this synapse; the base returns the
   * synapse itself. Protocols usually return their main output field.
   */
  deserialize(): D {
    return this as unknown as D;
  }

  /** The status callers read: the dendrite's copy of the axon's answer (or of the local failure). */
  get statusCode(): number | undefined {
    return this.dendrite.statusCode;
  }

  /** True when the axon answered 200. */
  get isSuccess(): boolean {
    return this.dendrite.statusCode === 200;
  }

  /** True when the call timed out (408). */
  get isTimeout(): boolean {
    return this.dendrite.statusCode === 408;
  }

  /** True when the axon blacklisted the caller (403). */
  get isBlacklist(): boolean {
    return this.dendrite.statusCode === 403;
  }

  /** True when the axon could not verify the request (401). */
  get failedVerification(): boolean {
    return this.dendrite.statusCode === 401;
  }

  /** A deep copy (fields, terminals and all), so each axon of a fan-out gets its own. */
  clone(): this {
    const copy = Object.create(Object.getPrototypeOf(this)) as this;
    // structuredClone only what is an object: a fan-out clones once per axon.
    for (const [k, v] of Object.entries(this))
      (copy as Record<string, unknown>)[k] = typeof v === 'object' && v !== null ? structuredClone(v) : v;
    return copy;
  }
}

/** A synapse class: constructible, with its protocol description. */
export interface SynapseType<S extends Synapse = Synapse> {
  readonly spec: SynapseSpec;
  readonly prototype: S;
}

/** Field values of a synapse as a record (fields are own properties named by their wire key). */
export function fieldRecord(s: Synapse): Record<string, unknown> {
  return s as unknown as Record<string, unknown>;
}

/**
 * A synapse of type `type` from already-validated field values, bypassing the typed constructor
 * (the axon and dendrite build synapses from parsed bodies).
 */
export function instantiate<S extends Synapse>(type: SynapseType<S>, values: Record<string, unknown>): S {
  const s = new (type as unknown as new (init: Record<string, unknown>) => S)(values);
  return s;
}
