/** Epoch scheduling read from state: is an epoch due, and which epoch index is current. */
import type { State } from '../state/state.js';
import { BlocksSinceLastStep, Hyperparameters, LastEpochBlock, PendingEpochAt, SubnetEpochIndex } from './storage.js';
import { blocksUntilNextAutoEpoch, shouldRunEpoch } from './epoch-schedule.js';

export function tempoOf(s: State, netuid: number): number {
  return s.get(Hyperparameters, netuid)?.tempo ?? 0;
}

export function epochDue(s: State, netuid: number, block: bigint): boolean {
  return shouldRunEpoch(
    {
      tempo: tempoOf(s, netuid),
      lastEpochBlock: s.get(LastEpochBlock, netuid),
      pendingEpochAt: s.get(PendingEpochAt, netuid),
      blocksSinceLastStep: s.get(BlocksSinceLastStep, netuid),
    },
    block,
  );
}

/** The epoch index weights commits are filed under: one ahead if an epoch fires in this block. */
export function currentEpochWithLookahead(s: State, netuid: number, block: bigint): bigint {
  return s.get(SubnetEpochIndex, netuid) + (epochDue(s, netuid, block) ? 1n : 0n);
}

/** Block of the next automatic epoch. */
export function nextEpochBlock(s: State, netuid: number, block: bigint): bigint {
  const wait = blocksUntilNextAutoEpoch(s.get(LastEpochBlock, netuid), tempoOf(s, netuid), block);
  const pending = s.get(PendingEpochAt, netuid);
  const auto = block + wait;
  return pending > 0n && pending < auto ? pending : auto;
}
