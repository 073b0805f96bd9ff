/**
 * When a subnet's epoch runs. The current scheduler is stateful (`LastEpochBlock + tempo`, plus an
 * owner-triggered pending epoch and a safety net for stalled subnets); the legacy modulo formula is
 * kept because migrations seed the new state from it.
 */
const U64_MAX = (1n << 64n) - 1n;
const U64_MOD = 1n << 64n;
/** The safety net: a subnet that has not stepped for longer than this runs regardless. */
export const MAX_TEMPO = 50_400n;

/** Blocks until `lastEpochBlock + tempo` (0 once due); u64::MAX when tempo is 0 (never). */
export function blocksUntilNextAutoEpoch(lastEpochBlock: bigint, tempo: number, block: bigint): bigint {
  if (tempo === 0) return U64_MAX;
  const due = lastEpochBlock + BigInt(tempo);
  return due > block ? due - block : 0n;
}

/** The pre-2026 schedule: an epoch whenever `(block + netuid + 1) mod (tempo + 1) == 0`. */
export function blocksUntilNextEpochLegacy(netuid: number, tempo: number, block: bigint): bigint {
  if (tempo === 0) return U64_MAX;
  const adjusted = (block + BigInt(netuid) + 1n) % U64_MOD;
  return BigInt(tempo) - (adjusted % BigInt(tempo + 1));
}

export interface EpochScheduleState {
  readonly tempo: number;
  readonly lastEpochBlock: bigint;
  /** Block of an owner-triggered epoch, 0 when none is pending. */
  readonly pendingEpochAt: bigint;
  readonly blocksSinceLastStep: bigint;
}

export function shouldRunEpoch(s: EpochScheduleState, block: bigint, maxTempo: bigint = MAX_TEMPO): boolean {
  if (s.tempo === 0) return false;
  if (s.pendingEpochAt > 0n && block >= s.pendingEpochAt) return true;
  if (s.blocksSinceLastStep > maxTempo) return true;
  return block - s.lastEpochBlock >= BigInt(s.tempo);
}
