/** Activity: a uid whose weights are older than the cutoff stops counting as active stake. */

const U64_MAX = (1n << 64n) - 1n;

/** Cutoff in blocks: max(1, floor(factorMilli · tempo / 1000)). */
export function activityCutoff(tempo: number, factorMilli: number): bigint {
  const c = (BigInt(tempo) * BigInt(factorMilli)) / 1000n;
  return c < 1n ? 1n : c;
}

/** active_i = !(last_update_i + cutoff < current_block), the addition saturating at u64::MAX. */
export function isActive(lastUpdate: bigint, cutoff: bigint, currentBlock: bigint): boolean {
  const until = lastUpdate + cutoff;
  return !((until > U64_MAX ? U64_MAX : until) < currentBlock);
}
