/**
 * Setting how many mechanisms a subnet runs (subtensor's `do_set_mechanism_count`). A count goes
 * from 1 up to the network's MaxMechanismCount (itself at most 16), and the subnet's uids times
 * the count may not exceed 256, so a subnet with more mechanisms keeps fewer neurons. Lowering the
 * count deletes the dropped mechanisms' weights, bonds, commits, incentive and last updates; any
 * change resets the emission split to even.
 */
import { ensure } from '../errors.js';
import { LastUpdate, MechanismIncentive } from '../neurons/storage.js';
import { subnetHyperparameters } from '../neurons/subnet-lookup.js';
import type { State } from '../state/state.js';
import {
  ensureMaxUidsOverAllMechanisms,
  MAX_MECHANISM_COUNT_PER_SUBNET,
  mechanismCount,
  netuidStorageIndex,
} from '../subnets/mechanism-index.js';
import { MaxMechanismCount, MechanismCountCurrent, MechanismEmissionSplit } from '../subnets/storage.js';
import {
  Bonds,
  TimelockedRevealFailures,
  TimelockedWeightCommits,
  WeightCommits,
  Weights,
} from '../weights/storage.js';

/** Removes everything stored under one mechanism storage index. */
function clearMechanism(s: State, index: number): void {
  s.removePrefix(Weights, `${index}/`);
  s.removePrefix(Bonds, `${index}/`);
  s.removePrefix(WeightCommits, `${index}/`);
  s.removePrefix(TimelockedWeightCommits, `${index}/`);
  s.removePrefix(TimelockedRevealFailures, `${index}/`);
  s.remove(MechanismIncentive, index);
  s.remove(LastUpdate, index);
}

export function checkMechanismCount(s: State, netuid: number, count: number): void {
  ensure(count > 0, 'InvalidValue', 'a subnet has at least one mechanism');
  const max = s.value(MaxMechanismCount);
  ensure(count <= max, 'InvalidValue', `the network allows at most ${max} mechanisms per subnet`);
  ensureMaxUidsOverAllMechanisms(subnetHyperparameters(s, netuid).maxAllowedUids, count);
  ensure(count <= MAX_MECHANISM_COUNT_PER_SUBNET, 'InvalidValue', `at most ${MAX_MECHANISM_COUNT_PER_SUBNET}`);
}

/** Writes a checked count; returns false (and changes nothing) when it is the current one. */
export function updateMechanismCount(s: State, netuid: number, count: number): boolean {
  const old = mechanismCount(s, netuid);
  if (old === count) return false;
  for (let m = count; m < old; m++) clearMechanism(s, netuidStorageIndex(netuid, m));
  s.set(MechanismCountCurrent, netuid, count);
  s.remove(MechanismEmissionSplit, netuid);
  return true;
}

/** Removes a dissolved subnet's mechanisms beyond the first (the first goes with the netuid's own items). */
export function clearSubnetMechanisms(s: State, netuid: number): void {
  for (let m = 1; m < mechanismCount(s, netuid); m++) clearMechanism(s, netuidStorageIndex(netuid, m));
}
