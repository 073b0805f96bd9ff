/**
 * The axon's nonce rule (`default_verify`). From version 7.2.0 on, a first nonce from a
 * `{hotkey}:{uuid}` endpoint must be newer than `now − 4 s − timeout`; after that each nonce must
 * exceed the last accepted one. Older versions get only the monotonic check. No upper bound.
 */

/** Dendrite versions from which the freshness window applies (7.2.0). */
export const NONCE_WINDOW_MIN_VERSION = 7_002_000;
/** Clock skew allowed on top of the request timeout, in ns (4 s). */
export const NONCE_ALLOWED_DELTA_NS = 4_000_000_000n;

/** The inputs of a nonce check. */
export interface NonceCheck {
  /** The dendrite's `version_as_int`. */
  readonly version: number;
  /** The axon's clock, ns. */
  readonly nowNs: bigint;
  /** The request timeout in seconds (may be fractional). */
  readonly timeoutS: number;
  /** The request's nonce, ns. */
  readonly nonce: bigint;
  /** The last nonce accepted from this endpoint, or null for a first request. */
  readonly storedNonce: bigint | null;
}

/** Whole nanoseconds of a timeout given in (possibly fractional) seconds. */
function secondsToNs(s: number): bigint {
  return BigInt(Math.round(s * 1e9));
}

/** Whether the axon accepts the nonce. */
export function isNonceAccepted(c: NonceCheck): boolean {
  if (c.storedNonce !== null) return c.nonce > c.storedNonce;
  if (c.version < NONCE_WINDOW_MIN_VERSION) return true;
  return c.nonce > c.nowNs - NONCE_ALLOWED_DELTA_NS - secondsToNs(c.timeoutS);
}
