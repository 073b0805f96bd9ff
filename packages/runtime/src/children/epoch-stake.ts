/**
 * The stake a hotkey counts with for weights and the epoch. It lives beside child hotkeys because
 * on a subnet it is what the hotkey holds after lending to its children and borrowing from its
 * parents (inherited-stake.ts).
 */
import type { AccountId } from '@taonet/primitives';
import type { State } from '../state/state.js';
import { hotkeyAlpha } from '../staking/stake-queries.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import { hotkeyStakeWeight } from './state-graph.js';

/**
 * As an I64F64 raw: on a subnet, alpha plus root TAO weighted by `tao_weight / u64::MAX`, both
 * after inheritance; on root, the TAO staked there (root weighs no other stake).
 */
export function epochStakeFixed(s: State, hotkey: AccountId, netuid: number): bigint {
  if (netuid !== ROOT_NETUID) return hotkeyStakeWeight(s, hotkey, netuid).totalStake;
  return hotkeyAlpha(s, hotkey, netuid) << 64n;
}

/** Whole-rao stake for the weights stake threshold. */
export function stakeForWeights(s: State, hotkey: AccountId, netuid: number): bigint {
  return epochStakeFixed(s, hotkey, netuid) >> 64n;
}
