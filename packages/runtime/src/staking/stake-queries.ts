/** Read-only stake queries used by weights, the epoch and views (epoch stake: children/epoch-stake.ts). */
import type { AccountId } from '@taonet/primitives';
import type { State } from '../state/state.js';
import { TotalHotkeyAlpha } from './storage.js';

export { stakeOf } from './stake-pool-state.js';

/** Alpha of all nominators of `hotkey` on `netuid` (for root: TAO staked on root). */
export function hotkeyAlpha(s: State, hotkey: AccountId, netuid: number): bigint {
  return s.get(TotalHotkeyAlpha, [hotkey, netuid]);
}
