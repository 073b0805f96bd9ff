/**
 * Per-uid columns are stored as whole arrays (one entry per subnet), and stored values are never
 * mutated, so every per-uid write builds a new array.
 */
import type { State } from '../state/state.js';
import { mechanismIndices } from '../subnets/mechanism-index.js';
import { LastUpdate } from './storage.js';

/** A copy of `arr` with `arr[i] = v`, padded with `fill` if `i` is past the end. */
export function withElement<T>(arr: readonly T[], i: number, v: T, fill: T): T[] {
  const out = arr.slice();
  while (out.length < i) out.push(fill);
  out[i] = v;
  return out;
}

/**
 * The block a uid last set or committed weights on one mechanism (0 = never), which drives that
 * mechanism's weights rate limit. `index` is the mechanism storage index (the netuid for mechanism 0).
 */
export function lastUpdateOf(s: State, index: number, uid: number): bigint {
  return s.get(LastUpdate, index)[uid] ?? 0n;
}

export function setLastUpdate(s: State, index: number, uid: number, block: bigint): void {
  s.set(LastUpdate, index, withElement(s.get(LastUpdate, index), uid, block, 0n));
}

/** A new neuron at `uid`: its weights timing starts now on every mechanism. */
export function startLastUpdates(s: State, netuid: number, uid: number, block: bigint): void {
  for (const index of mechanismIndices(s, netuid)) setLastUpdate(s, index, uid, block);
}
