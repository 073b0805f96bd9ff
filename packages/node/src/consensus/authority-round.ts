/**
 * Authority round: time is cut into slots of `blockTimeMs`; the authority at `slot mod n` may author
 * that slot and seals the block with its sr25519 signature over the block hash. With a single
 * authority every imported block is final at once; with several, finality needs the finality
 * gadget that a later version adds.
 */
import { type AccountId, accountToBytes, fromHex } from '@taonet/primitives';
import { type Header, preSealHashBytes } from '../codec/block.js';
import { verify } from '../crypto.js';
import { type Consensus, ConsensusError, type Finality } from './consensus.js';

export class AuthorityRound implements Consensus {
  constructor(
    readonly authorities: readonly AccountId[],
    readonly blockTimeMs: number,
  ) {
    if (authorities.length === 0) throw new Error('at least one authority is required');
  }

  slotAt(timestampMs: bigint): bigint {
    return timestampMs / BigInt(this.blockTimeMs);
  }

  authorOf(slot: bigint): AccountId {
    return this.authorities[Number(slot % BigInt(this.authorities.length))] as AccountId;
  }

  verifyHeader(header: Header, parent: Header): void {
    if (header.number !== parent.number + 1n) throw new ConsensusError('BadNumber', `expected ${parent.number + 1n}`);
    if (header.number > 1n && header.slot <= parent.slot)
      throw new ConsensusError('SlotNotIncreasing', `slot ${header.slot} after ${parent.slot}`);
    if (header.timestamp !== header.slot * BigInt(this.blockTimeMs))
      throw new ConsensusError('BadTimestamp', `a block of slot ${header.slot} is timed at the slot's start`);
    const expected = this.authorOf(header.slot);
    if (header.author !== expected)
      throw new ConsensusError('WrongAuthor', `slot ${header.slot} belongs to ${expected}`);
    if (header.seal === null) throw new ConsensusError('MissingSeal', 'the block is not sealed');
    if (!verify(fromHex(header.seal), preSealHashBytes(header), accountToBytes(expected))) {
      throw new ConsensusError('BadSeal', 'the seal is not the author’s signature of this header');
    }
  }

  finality(_header: Header): Finality {
    return { finalized: this.authorities.length === 1, justification: null };
  }
}
