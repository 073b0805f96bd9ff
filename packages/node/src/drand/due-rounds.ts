/**
 * The rounds an author should write into a block at `timestampMs`: from the one after the last
 * stored round (or, on a chain with none yet, the current round, as subtensor starts) up to the
 * round the beacon has published by then, at most MAX_PULSES_PER_BLOCK. Null when none is due or
 * the chain has no beacon.
 */
import { roundAt } from '@taonet/primitives';
import { MAX_PULSES_PER_BLOCK, type State, storage } from '@taonet/runtime';

export function dueRounds(state: State, timestampMs: bigint): { from: bigint; to: bigint } | null {
  const config = state.value(storage.BeaconConfig);
  if (config === null) return null;
  const latest = roundAt(timestampMs / 1000n, config);
  const last = state.value(storage.LastStoredRound);
  const from = last === 0n ? latest : last + 1n;
  if (from < 1n || from > latest) return null;
  const cap = from + BigInt(MAX_PULSES_PER_BLOCK) - 1n;
  return { from, to: latest < cap ? latest : cap };
}
