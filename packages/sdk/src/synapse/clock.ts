/**
 * Wall-clock time in nanoseconds, as Python's `time.time_ns()`: nonces are compared across
 * machines, so they must be Unix time. `Date.now()` has only millisecond resolution, so the
 * sub-millisecond part comes from the monotonic high-resolution clock, anchored to the wall clock
 * and re-anchored whenever the two drift apart by more than 50 ms (NTP adjustments, long uptimes).
 */
const MAX_DRIFT_NS = 50_000_000n;

let anchorWallNs = BigInt(Date.now()) * 1_000_000n;
let anchorHrNs = process.hrtime.bigint();

/** Nanoseconds since the Unix epoch. May step back after a wall-clock adjustment. */
export function wallClockNs(): bigint {
  const hr = process.hrtime.bigint();
  const t = anchorWallNs + (hr - anchorHrNs);
  const wall = BigInt(Date.now()) * 1_000_000n;
  const drift = t - wall;
  if (drift > MAX_DRIFT_NS || drift < -MAX_DRIFT_NS) {
    anchorWallNs = wall;
    anchorHrNs = hr;
    return wall;
  }
  return t;
}
