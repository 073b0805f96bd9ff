/** A dissolved subnet's commitments go with it (the reference's purge_netuid). */
import type { State } from '../state/state.js';
import { CommitmentOf, LastBondsReset, LastCommitment, UsedSpaceOf } from './storage.js';

export function clearCommitmentsOfSubnet(s: State, netuid: number): void {
  for (const item of [CommitmentOf, LastCommitment, LastBondsReset, UsedSpaceOf] as const)
    s.removePrefix(item as typeof LastCommitment, `${netuid}/`);
}
