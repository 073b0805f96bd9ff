/** A dissolved subnet's commitments go with it (the reference's purge_netuid). */
import type { State } from '../state/state.js';
import {
  CommitmentOf,
  CommitmentRevealFailures,
  LastBondsReset,
  LastCommitment,
  RevealedCommitments,
  TimelockedIndex,
  UsedSpaceOf,
} from './storage.js';

export function clearCommitmentsOfSubnet(s: State, netuid: number): void {
  for (const item of [
    CommitmentOf,
    LastCommitment,
    LastBondsReset,
    UsedSpaceOf,
    RevealedCommitments,
    CommitmentRevealFailures,
  ] as const)
    s.removePrefix(item as typeof LastCommitment, `${netuid}/`);
  s.put(
    TimelockedIndex,
    s.value(TimelockedIndex).filter((k) => !k.startsWith(`${netuid}/`)),
  );
}
