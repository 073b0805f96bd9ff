/**
 * The consensus seam. Block production and import ask this interface who may author which slot,
 * whether a header follows the rules, and when a block is final — nothing else in the node assumes
 * a single producer. Today's engine is round-robin authorities with instant finality for one
 * authority; the multi-node design (shared/spec/consensus-and-p2p.md) plugs in here.
 */
import type { AccountId } from '@taonet/primitives';
import type { Header } from '../codec/block.js';

export class ConsensusError extends Error {
  override readonly name = 'ConsensusError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export interface Finality {
  readonly finalized: boolean;
  /** Proof to store in the header's justification field, if the engine produces one. */
  readonly justification: string | null;
}

export interface Consensus {
  readonly blockTimeMs: number;
  /** The slot a timestamp falls in. */
  slotAt(timestampMs: bigint): bigint;
  /** The authority expected to author `slot`. */
  authorOf(slot: bigint): AccountId;
  /** Checks slot order, author, seal and timestamp of `header` on top of `parent`; throws ConsensusError. */
  verifyHeader(header: Header, parent: Header): void;
  /** Whether `header` (just imported) is final. */
  finality(header: Header): Finality;
}
