/**
 * Dendrite nonces: wall-clock nanoseconds (an axon rejects nonces older than `now − 4 s − timeout`),
 * made strictly increasing across every dendrite in the process, because axons key nonces by
 * hotkey and two requests in the same nanosecond — or after a clock step back — must still differ.
 */
import { wallClockNs } from '../synapse/clock.js';

let last = 0n;

/** The next nonce: the current time in ns, or one more than the previous nonce if that is later. */
export function nextNonce(): bigint {
  const t = wallClockNs();
  last = t > last ? t : last + 1n;
  return last;
}
