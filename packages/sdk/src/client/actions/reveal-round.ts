import { roundAt } from '@taonet/primitives';

/**
 * Blocks a commit may wait in the pool before a block includes it. Each of those blocks writes the
 * rounds due by its timestamp (the author's pulse inherent runs before any extrinsic), so a round
 * due within this window may be on chain by the time the commit is checked.
 */
export const INCLUSION_WINDOW_BLOCKS = 3n;

export interface RevealRoundInput {
  /** The head's timestamp (ms) and the chain's block time (ms). */
  readonly headTimestampMs: bigint;
  readonly blockTimeMs: bigint;
  /** Blocks from the head to the first block of the reveal epoch. */
  readonly blocksToReveal: bigint;
  readonly genesisTime: bigint;
  readonly period: bigint;
  /** The last round the chain stores. */
  readonly lastStoredRound: bigint;
  readonly inclusionWindowBlocks?: bigint;
}

/**
 * The round to encrypt a commit to: the one published when the reveal epoch starts (as subtensor's
 * clients choose), unless that one could already be on chain when a block within the inclusion
 * window carries the commit; then the first round after that window, which is published at most
 * one beacon period plus the window into the reveal epoch, well inside it (the chain drops a commit
 * as PulseNeverArrived only once its reveal epoch ended).
 */
export function chooseRevealRound(i: RevealRoundInput): bigint {
  const schedule = { genesisTime: i.genesisTime, period: i.period };
  const window = i.inclusionWindowBlocks ?? INCLUSION_WINDOW_BLOCKS;
  const atReveal = roundAt((i.headTimestampMs + i.blocksToReveal * i.blockTimeMs) / 1000n, schedule);
  const dueByInclusion = roundAt((i.headTimestampMs + window * i.blockTimeMs) / 1000n, schedule);
  const floor = (dueByInclusion > i.lastStoredRound ? dueByInclusion : i.lastStoredRound) + 1n;
  return atReveal >= floor ? atReveal : floor;
}
