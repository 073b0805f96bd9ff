/**
 * Per-uid columns are stored as whole arrays (one entry per subnet), and stored values are never
 * mutated, so every per-uid write builds a new array.
 */
import type { State } from '../state/state.js';
import { LastUpdate } from './storage.js';

/** A copy of `arr` with `arr[i] = v`, padded with `fill` if `i` is past the end. */
export function withElement<T>(arr: readonly T[], i: number, v: T, fill: T): T[] {
  const out = arr.slice();
  while (out.length < i) out.push(fill);
  out[i] = v;
  return out;
}

/** The block a uid last set or committed weights (0 = never), which drives the weights rate limit. */
export function lastUpdateOf(s: State, netuid: number, uid: number): bigint {
  return s.get(LastUpdate, netuid)[uid] ?? 0n;
}

export function setLastUpdate(s: State, netuid: number, uid: number, block: bigint): void {
  s.set(LastUpdate, netuid, withElement(s.get(LastUpdate, netuid), uid, block, 0n));
}
