/**
 * Where a mechanism's epoch data lives. Per-mechanism items (weights, bonds, weight commits, last
 * update, incentive) are keyed by subtensor's storage index `mecid × 4096 + netuid`, so mechanism
 * 0 keeps the plain netuid keys every subnet had before mechanisms existed.
 */
import { ensure } from '../errors.js';
import type { State } from '../state/state.js';
import { MechanismCountCurrent, Netuids } from './storage.js';

/** The most subnets the storage index leaves room for (subtensor's GLOBAL_MAX_SUBNET_COUNT). */
export const GLOBAL_MAX_SUBNET_COUNT = 4096;
/** The most mechanisms one subnet can ever have: 16 × 4096 fills the u16 index. */
export const MAX_MECHANISM_COUNT_PER_SUBNET = 16;

/** Mechanism 0 is stored under the netuid itself; mechanism m under `m × 4096 + netuid`. */
export function netuidStorageIndex(netuid: number, mecid = 0): number {
  return mecid * GLOBAL_MAX_SUBNET_COUNT + netuid;
}

/** The subnet's current mechanism count (1 unless its owner set more). */
export function mechanismCount(s: State, netuid: number): number {
  return s.get(MechanismCountCurrent, netuid);
}

/** The storage index of every current mechanism of the subnet, mechanism 0 first. */
export function mechanismIndices(s: State, netuid: number): number[] {
  return Array.from({ length: mechanismCount(s, netuid) }, (_, m) => netuidStorageIndex(netuid, m));
}

/** Fails with subtensor's MechanismDoesNotExist unless the subnet exists and has mechanism `mecid`. */
export function ensureMechanismExists(s: State, netuid: number, mecid: number): void {
  ensure(s.value(Netuids).includes(netuid), 'MechanismDoesNotExist', `netuid ${netuid} does not exist`);
  const count = mechanismCount(s, netuid);
  ensure(
    mecid < count,
    'MechanismDoesNotExist',
    () => `subnet ${netuid} has ${count} mechanism(s): ids 0..${count - 1}`,
  );
}

/** subtensor's DefaultMaxAllowedUids: the cap on uids × mechanisms. */
export const MAX_UIDS_OVER_ALL_MECHANISMS = 256;

/** Fails with TooManyUIDsPerMechanism unless `maxUids × count` fits the cap. */
export function ensureMaxUidsOverAllMechanisms(maxUids: number, count: number): void {
  ensure(
    maxUids * count <= MAX_UIDS_OVER_ALL_MECHANISMS,
    'TooManyUIDsPerMechanism',
    `${count} mechanism(s) × ${maxUids} max uids exceeds ${MAX_UIDS_OVER_ALL_MECHANISMS}: lower maxAllowedUids to ${Math.floor(MAX_UIDS_OVER_ALL_MECHANISMS / count)} first`,
  );
}
