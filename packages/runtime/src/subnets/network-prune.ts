/**
 * At the subnet limit, a new registration replaces the non-immune subnet with the lowest price EMA
 * (the EMA, not spot, so a price cannot be dumped for one block to pick a victim); ties go to the
 * older subnet.
 */
export interface PruneCandidate {
  readonly netuid: number;
  readonly registeredAt: bigint;
  /** Price EMA, I96F32 raw (1.0 for stable subnets). */
  readonly movingPrice: bigint;
}

export function networkToPrune(
  block: bigint,
  immunityPeriod: bigint,
  subnets: readonly PruneCandidate[],
): number | null {
  let best: PruneCandidate | null = null;
  for (const s of subnets) {
    if (block < s.registeredAt + immunityPeriod) continue;
    if (
      best === null ||
      s.movingPrice < best.movingPrice ||
      (s.movingPrice === best.movingPrice && s.registeredAt < best.registeredAt)
    ) {
      best = s;
    }
  }
  return best === null ? null : best.netuid;
}
