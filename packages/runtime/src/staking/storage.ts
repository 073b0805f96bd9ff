/** Stake: per-(hotkey, subnet) share pools with nominators, takes, and root-claim accounting. */
import { type AccountId, SAFE_FLOAT_ZERO, type SafeFloat } from '@taonet/primitives';
import { byAccount, storageMap, storageValue } from '../state/storage.js';

const hn = ([h, n]: readonly [AccountId, number]): string => `${h}/${n}`;
const hcn = ([h, c, n]: readonly [AccountId, AccountId, number]): string => `${h}/${c}/${n}`;

/** Alpha held by all nominators of a hotkey on a subnet (the pool value). */
export const TotalHotkeyAlpha = storageMap<readonly [AccountId, number], bigint>('staking.hotkeyAlpha', hn, () => 0n);
const isZero = (f: SafeFloat): boolean => f.mantissa === 0n;
/** Total shares of that pool (SafeFloat, as on chain). */
export const TotalHotkeyShares = storageMap<readonly [AccountId, number], SafeFloat>(
  'staking.hotkeyShares',
  hn,
  () => SAFE_FLOAT_ZERO,
  isZero,
);
/** Shares of one coldkey in one pool. */
export const StakeShares = storageMap<readonly [AccountId, AccountId, number], SafeFloat>(
  'staking.shares',
  hcn,
  () => SAFE_FLOAT_ZERO,
  isZero,
);
/** Hotkeys a coldkey has stake on. */
export const StakingHotkeys = storageMap<AccountId, AccountId[]>('staking.stakingHotkeys', byAccount, () => []);
/** Validator take, u16 proportion; absent = the network default (18%). */
export const DelegateTake = storageMap<AccountId, number | null>('staking.take', byAccount, () => null);
export const LastTakeChange = storageMap<AccountId, bigint>('staking.lastTakeChange', byAccount, () => 0n);
/** Sum of TAO in all pools (rao), as the reference counts it (gross of swap fees). */
export const TotalStake = storageValue<bigint>('staking.totalStake', () => 0n);
