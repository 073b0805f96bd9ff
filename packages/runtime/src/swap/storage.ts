/** Pool state per subnet: the TAO and alpha reserves and the balancer weight. */
import { byNetuid, storageMap } from '../state/storage.js';

/** TAO reserve (rao). For the root subnet: all TAO staked on root. */
export const SubnetTao = storageMap<number, bigint>('swap.subnetTao', byNetuid, () => 0n);
/** Alpha reserve in the pool. */
export const SubnetAlphaIn = storageMap<number, bigint>('swap.alphaIn', byNetuid, () => 0n);
/** Alpha outside the pool: stake, pending emission, protocol holdings. */
export const SubnetAlphaOut = storageMap<number, bigint>('swap.alphaOut', byNetuid, () => 0n);
/** Alpha bought by the chain with excess emission (counted in alpha out). */
export const SubnetProtocolAlpha = storageMap<number, bigint>('swap.protocolAlpha', byNetuid, () => 0n);
/** Quote (TAO) weight of the balancer pool, Perquintill parts (1e18 = 1.0); default 0.5. */
export const SwapQuoteWeight = storageMap<number, bigint>('swap.quoteWeight', byNetuid, () => 500_000_000_000_000_000n);
/** Cumulative TAO volume. */
export const SubnetVolume = storageMap<number, bigint>('swap.volume', byNetuid, () => 0n);
/** TAO held by the subnet account outside the pool (registration swap fees). */
export const SubnetAccountTao = storageMap<number, bigint>('swap.accountTao', byNetuid, () => 0n);
/** Alpha burned (not recycled) on this subnet: it stays counted in alpha out. */
export const SubnetAlphaBurned = storageMap<number, bigint>('swap.alphaBurned', byNetuid, () => 0n);
