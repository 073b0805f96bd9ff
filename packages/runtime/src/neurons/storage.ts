/** Neurons: hotkey ownership, uids, per-uid columns, axons and the registration price. */
import type { AccountId } from '@taonet/primitives';
import { byAccount, byNetuid, byNetuidAccount, byNetuidUid, storageMap } from '../state/storage.js';

/** Coldkey owning each hotkey (set when the hotkey is first registered or paired). */
export const Owner = storageMap<AccountId, AccountId | null>('neurons.owner', byAccount, () => null);
export const OwnedHotkeys = storageMap<AccountId, AccountId[]>('neurons.ownedHotkeys', byAccount, () => []);
/** Hotkey at each uid of a subnet; the array length is the subnet size. */
export const Keys = storageMap<number, AccountId[]>('neurons.keys', byNetuid, () => []);
export const Uids = storageMap<readonly [number, AccountId], number | null>(
  'neurons.uids',
  byNetuidAccount,
  () => null,
);
export const BlockAtRegistration = storageMap<number, bigint[]>('neurons.blockAtRegistration', byNetuid, () => []);
/** Block of each uid's last weights update, keyed by mechanism storage index (mecid·4096 + netuid). */
export const LastUpdate = storageMap<number, bigint[]>('neurons.lastUpdate', byNetuid, () => []);
/**
 * Incentive per uid of mechanisms 1 and up, keyed by mechanism storage index (subtensor's
 * Incentive). Mechanism 0's incentive is `EpochResults.incentive`, as subtensor's Incentive[netuid].
 */
export const MechanismIncentive = storageMap<number, number[]>('neurons.mechanismIncentive', byNetuid, () => []);

/** Epoch outputs per uid (written by each epoch). */
export interface EpochColumns {
  readonly active: boolean[];
  readonly validatorPermit: boolean[];
  readonly emission: bigint[];
  readonly consensus: number[];
  readonly incentive: number[];
  readonly dividends: number[];
  readonly validatorTrust: number[];
  readonly stakeWeight: number[];
}
export const EpochResults = storageMap<number, EpochColumns | null>('neurons.epochResults', byNetuid, () => null);

export interface AxonInfo {
  readonly block: bigint;
  readonly version: number;
  /** IPv4 as a u32 or IPv6 as a u128, in a bigint. */
  readonly ip: bigint;
  readonly port: number;
  /** 4 or 6. */
  readonly ipType: number;
  readonly protocol: number;
}
export const Axons = storageMap<readonly [number, AccountId], AxonInfo | null>(
  'neurons.axons',
  byNetuidAccount,
  () => null,
);

/** Current registration price (rao). */
export const Burn = storageMap<number, bigint>('neurons.burn', byNetuid, () => 0n);
export const RegistrationsThisBlock = storageMap<number, number>('neurons.registrationsThisBlock', byNetuid, () => 0);
/** TAO spent on registrations per subnet. */
export const RaoRecycledForRegistration = storageMap<number, bigint>('neurons.raoRecycled', byNetuid, () => 0n);

export type { AccountId };
export const uidKey = byNetuidUid;
