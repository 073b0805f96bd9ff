/**
 * `Drand.write_pulse`, the author's per-block inherent: the beacon pulses due since the last stored
 * round. Every importer re-runs it, so every rule here is a validity rule of the block:
 *   - each pulse verifies under the chain's beacon key (BLS on G1, randomness = sha256(signature));
 *   - rounds are strictly consecutive after LastStoredRound (a gap is refused, so no round a
 *     timelocked commit waits for can be skipped); the very first pulse may start anywhere;
 *   - no round is published after the block's timestamp by the beacon's schedule (a dev beacon's
 *     future pulses are computable, and must not open commits early);
 *   - at most MAX_PULSES_PER_BLOCK pulses (each costs a pairing check on every node).
 * Unlike subtensor (which skips an unverified pulse and accepts a gap), a bad pulse fails the
 * inherent and so the block.
 */
import { DrandError, assertValidPulse, roundAt } from '@taonet/primitives';
import { ensure, fail } from '../errors.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { BeaconConfig, LastStoredRound, OldestStoredRound, Pulses } from './storage.js';

export const MAX_PULSES_PER_BLOCK = 10;
/** Pulses kept behind the last stored round (one day of 3 s rounds); older ones are pruned. */
export const PULSES_KEPT = 28_800n;
/** Most pulses pruned per block, so a catch-up never makes one block slow. */
const PRUNE_PER_BLOCK = 2 * MAX_PULSES_PER_BLOCK;

export interface PulseInput {
  readonly round: bigint;
  readonly signature: Uint8Array;
  readonly randomness: Uint8Array;
}

export function writePulses(ctx: Ctx, pulses: readonly PulseInput[]): void {
  const s = ctx.state;
  const config = s.value(BeaconConfig);
  if (config === null) fail('NoBeaconConfigured', 'this chain spec has no beacon, so no pulse can be written');
  ensure(pulses.length > 0, 'InvalidArgument', 'a write_pulse inherent carries at least one pulse');
  ensure(
    pulses.length <= MAX_PULSES_PER_BLOCK,
    'TooManyPulses',
    `${pulses.length} pulses; at most ${MAX_PULSES_PER_BLOCK} per block`,
  );
  const latest = roundAt(ctx.block.timestamp / 1000n, config);
  let last = s.value(LastStoredRound);
  const first = last === 0n;
  for (const p of pulses) {
    if (!first || p !== pulses[0]) {
      ensure(
        p.round === last + 1n,
        'InvalidRoundNumber',
        `round ${p.round} does not follow the last stored round ${last}`,
      );
    }
    ensure(p.round <= latest, 'PulseFromTheFuture', `round ${p.round} is not published before round ${latest}'s time`);
    try {
      assertValidPulse(config.publicKey, p);
    } catch (e) {
      if (e instanceof DrandError) fail('PulseVerificationError', `round ${p.round}: ${e.message}`);
      throw e;
    }
    s.set(Pulses, p.round, { signature: Uint8Array.from(p.signature), randomness: Uint8Array.from(p.randomness) });
    last = p.round;
  }
  s.put(LastStoredRound, last);
  let oldest = first ? (pulses[0] as PulseInput).round : s.value(OldestStoredRound);
  for (let i = 0; i < PRUNE_PER_BLOCK && last - oldest >= PULSES_KEPT; i++) s.set(Pulses, oldest++, null);
  s.put(OldestStoredRound, oldest);
  ctx.emit(event('NewPulse', { rounds: pulses.map((p) => p.round) }));
}
