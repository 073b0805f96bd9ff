/**
 * The smallest add_stake the chain accepts: the default minimum plus the swap fee on it, so that
 * what reaches the pool after the fee is still at least the minimum.
 */
import { swapFee } from '../swap/swap-fee.js';

export const DEFAULT_MIN_STAKE = 2_000_000n;

export function addStakeMinAmount(defaultMinStake: bigint = DEFAULT_MIN_STAKE, feeRate = 33): bigint {
  return defaultMinStake + swapFee(defaultMinStake, feeRate);
}
