/** The reference's `TotalStake` counter (TAO in pools, counted gross of swap fees on the way in). */
import type { State } from '../state/state.js';
import { TotalStake } from './storage.js';

export const StakingTotals = {
  add(s: State, delta: bigint): void {
    const v = s.value(TotalStake) + delta;
    s.put(TotalStake, v < 0n ? 0n : v);
  },
};
