/** Read-only stake queries used by weights, the epoch and views. */
import { type AccountId, fixed, U64F64 } from '@taonet/primitives';
import { hotkeyStakeWeight } from '../children/state-graph.js';
import { Params } from '../params/storage.js';
import type { State } from '../state/state.js';
import { ROOT_NETUID } from '../subnets/root.js';
import { TotalHotkeyAlpha } from './storage.js';

export { stakeOf } from './stake-pool-state.js';

/** Alpha of all nominators of `hotkey` on `netuid` (for root: TAO staked on root). */
export function hotkeyAlpha(s: State, hotkey: AccountId, netuid: number): bigint {
  return s.get(TotalHotkeyAlpha, [hotkey, netuid]);
}

/**
 * Stake that counts for weights and the epoch, as an I64F64 raw: subnet alpha plus root TAO
 * weighted by `tao_weight / u64::MAX`, both after what the hotkey lends its children and borrows
 * from its parents (children/inherited-stake.ts).
 */
export function epochStakeFixed(s: State, hotkey: AccountId, netuid: number): bigint {
  if (netuid !== ROOT_NETUID) return hotkeyStakeWeight(s, hotkey, netuid).totalStake;
  const alpha = hotkeyAlpha(s, hotkey, netuid);
  const root = netuid === ROOT_NETUID ? 0n : hotkeyAlpha(s, hotkey, ROOT_NETUID);
  const w = fixed.safeDiv(U64F64, s.value(Params).taoWeight << 64n, ((1n << 64n) - 1n) << 64n);
  return (alpha << 64n) + root * w;
}

/** Whole-rao stake for the weights stake threshold. */
export function stakeForWeights(s: State, hotkey: AccountId, netuid: number): bigint {
  return epochStakeFixed(s, hotkey, netuid) >> 64n;
}
