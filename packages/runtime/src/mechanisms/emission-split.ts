/**
 * How a subnet's epoch emission is shared between its mechanisms (subtensor's `split_emissions`):
 * by the owner's u16 split (each part floor(alpha · part / 65535)), evenly when there is none, and
 * whatever truncation leaves over goes to mechanism 0, so the parts always add up to the whole.
 */
import { ensure } from '../errors.js';

const U16_MAX = 65535n;

export function splitEmissions(alpha: bigint, count: number, split: readonly number[] | null): bigint[] {
  const parts =
    split === null
      ? Array.from({ length: count }, () => alpha / BigInt(count))
      : split.slice(0, count).map((p) => (alpha * BigInt(p)) / U16_MAX);
  while (parts.length < count) parts.push(0n);
  const rest = alpha - parts.reduce((a, b) => a + b, 0n);
  if (parts.length > 0 && rest > 0n) parts[0] = (parts[0] as bigint) + rest;
  return parts;
}

/**
 * subtensor's rule for a split: not empty, no longer than the mechanism count, parts summing to
 * exactly 65535. Parts for mechanisms beyond its length get nothing.
 */
export function checkEmissionSplit(split: readonly number[], count: number): void {
  ensure(split.length > 0, 'InvalidValue', 'the split needs at least one part');
  ensure(
    split.length <= count,
    'InvalidValue',
    `${split.length} parts for ${count} mechanism(s): set the mechanism count first`,
  );
  const total = split.reduce((a, b) => a + b, 0);
  ensure(total === 65535, 'InvalidValue', `the parts must sum to 65535, they sum to ${total}`);
}
