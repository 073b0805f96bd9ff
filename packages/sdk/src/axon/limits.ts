/**
 * The axon's flood limits and their defaults, in one place so every axon (the subnet framework's
 * miners included) starts from the same values. Sized for one core serving a few thousand verified
 * requests per second: a refused request must cost far less than a served one, and nothing a
 * stranger sends may hold memory or a handler slot for long.
 */

/** Limits an axon applies before and around verification. All optional in `AxonOptions`. */
export interface AxonLimits {
  /** Open connections in total; at the cap, the oldest idle unauthenticated one is dropped for a newcomer. */
  readonly maxConnections: number;
  /** Open connections from one address. */
  readonly maxConnectionsPerIp: number;
  /** Requests in flight in total (received, not answered), not counting authenticated connections. */
  readonly maxInFlight: number;
  /** Requests in flight from one address. */
  readonly maxInFlightPerIp: number;
  /** Requests in flight on one connection; a client pipelining deeper is disconnected. */
  readonly maxPipelined: number;
  /** A connection must deliver a complete request head within this long of opening or of its last answer, ms. */
  readonly headersTimeoutMs: number;
  /** A request body must arrive within this long of the axon starting to read it, ms. */
  readonly bodyTimeoutMs: number;
  /** Request-body bytes held at once, in total; past it requests are refused with 507. */
  readonly maxBodyBytesInFlight: number;
  /** Request-body bytes held at once for one address; past it, 507. */
  readonly maxBodyBytesInFlightPerIp: number;
  /** Longest the verification pump runs before yielding to the event loop, ms. */
  readonly pumpSliceMs: number;
  /**
   * Refusals answered in full per second, all addresses together (on top of each address's
   * `refusalRateLimit`); past it a refusal is a raw answer and the connection is dropped.
   */
  readonly maxRefusalsPerSecond: number;
  /** How many of those may come at once. */
  readonly maxRefusalBurst: number;
}

export const DEFAULT_AXON_LIMITS: AxonLimits = Object.freeze({
  maxConnections: 2048,
  maxConnectionsPerIp: 128,
  maxInFlight: 2048,
  maxInFlightPerIp: 256,
  maxPipelined: 4,
  headersTimeoutMs: 5_000,
  bodyTimeoutMs: 10_000,
  maxBodyBytesInFlight: 16 * 1024 * 1024,
  maxBodyBytesInFlightPerIp: 8 * 1024 * 1024,
  pumpSliceMs: 4,
  maxRefusalsPerSecond: 500,
  maxRefusalBurst: 50,
});

/** Bodies declared at most this long are read on arrival; longer ones (or unknown length) only once the signature verified. */
export const EAGER_BODY_BYTES = 64 * 1024;
