/** Root dividends, paid lazily: a per-(hotkey, subnet) rate plus each coldkey's claimed debt. */
import type { AccountId } from '@taonet/primitives';
import { byAccount, storageMap, storageValue } from '../state/storage.js';

/** Alpha of subnet n claimable per unit of root stake on hotkey h, I96F32 raw. */
export const RootClaimable = storageMap<readonly [AccountId, number], bigint>(
  'root.claimable',
  ([h, n]) => `${h}/${n}`,
  () => 0n,
);
/** Alpha already claimed (or written off as debt) by (subnet, hotkey, coldkey). */
export const RootClaimed = storageMap<readonly [number, AccountId, AccountId], bigint>(
  'root.claimed',
  ([n, h, c]) => `${n}/${h}/${c}`,
  () => 0n,
);
/** How a coldkey takes root dividends: 'swap' (sold for TAO, restaked on root) or 'keep' (alpha). */
export const RootClaimType = storageMap<AccountId, 'swap' | 'keep'>('root.claimType', byAccount, () => 'swap');
/** Coldkeys with root stake, for the per-block auto-claim draw. */
export const RootStakingColdkeys = storageValue<AccountId[]>('root.stakingColdkeys', () => []);
