/** The storage index of a subnet mechanism (`mechid × 4096 + netuid`), used in weight commits. */
import { InvalidInput } from '../errors.js';

/** Netuids live below this bound, so index and mechanism never collide. */
export const GLOBAL_MAX_SUBNET_COUNT = 4096;

/**
 * `mechid × 4096 + netuid`.
 * @throws InvalidInput when netuid ≥ 4096 or the index does not fit a u16.
 */
export function mechStorageIndex(netuid: number, mechid: number): number {
  if (!Number.isInteger(netuid) || netuid < 0 || netuid >= GLOBAL_MAX_SUBNET_COUNT)
    throw new InvalidInput(`netuid ${netuid} is outside 0..4095.`);
  if (!Number.isInteger(mechid) || mechid < 0)
    throw new InvalidInput(`mechid ${mechid} is not a non-negative integer.`);
  const index = mechid * GLOBAL_MAX_SUBNET_COUNT + netuid;
  if (index > 0xffff) throw new InvalidInput(`storage index ${index} does not fit a u16.`);
  return index;
}
