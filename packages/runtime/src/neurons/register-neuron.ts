/**
 * Giving a hotkey a uid on a subnet (§8.3): the next free uid while the subnet has room, otherwise
 * the prune candidate's. Payment is the caller's business — subnet registration uses this for the
 * owner hotkey at uid 0 without charging anything.
 */
import type { AccountId } from '@taonet/primitives';
import { fail } from '../errors.js';
import type { State } from '../state/state.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { clearNeuron } from './clear-neuron.js';
import { neuronToPrune } from './prune-candidate.js';
import { mechanismIndices } from '../subnets/mechanism-index.js';
import {
  Axons,
  BlockAtRegistration,
  type EpochColumns,
  EpochResults,
  Keys,
  MechanismIncentive,
  Uids,
} from './storage.js';
import { subnetHyperparameters } from './subnet-lookup.js';
import { startLastUpdates, withElement } from './uid-columns.js';

/** Epoch columns grow with the subnet so every uid has an entry before its first epoch. */
function appendColumns(c: EpochColumns): EpochColumns {
  return {
    active: [...c.active, true],
    validatorPermit: [...c.validatorPermit, false],
    emission: [...c.emission, 0n],
    consensus: [...c.consensus, 0],
    incentive: [...c.incentive, 0],
    dividends: [...c.dividends, 0],
    validatorTrust: [...c.validatorTrust, 0],
    stakeWeight: [...c.stakeWeight, 0],
  };
}

function appendNeuron(s: State, netuid: number, hotkey: AccountId, now: bigint): number {
  const keys = s.get(Keys, netuid);
  const uid = keys.length;
  s.set(Keys, netuid, [...keys, hotkey]);
  s.set(Uids, [netuid, hotkey], uid);
  s.set(BlockAtRegistration, netuid, withElement(s.get(BlockAtRegistration, netuid), uid, now, 0n));
  startLastUpdates(s, netuid, uid, now);
  const columns = s.get(EpochResults, netuid);
  if (columns !== null) s.set(EpochResults, netuid, appendColumns(columns));
  for (const index of mechanismIndices(s, netuid).slice(1)) {
    const incentive = s.get(MechanismIncentive, index);
    if (incentive.length > 0) s.set(MechanismIncentive, index, withElement(incentive, uid, 0, 0));
  }
  return uid;
}

function replaceNeuron(s: State, netuid: number, uid: number, hotkey: AccountId, now: bigint): void {
  const keys = s.get(Keys, netuid);
  const old = keys[uid];
  if (old !== undefined) {
    s.remove(Uids, [netuid, old]);
    s.remove(Axons, [netuid, old]);
  }
  s.set(Keys, netuid, withElement(keys, uid, hotkey, hotkey));
  s.set(Uids, [netuid, hotkey], uid);
  s.set(BlockAtRegistration, netuid, withElement(s.get(BlockAtRegistration, netuid), uid, now, 0n));
  clearNeuron(s, netuid, uid);
  // The uid is a new neuron: its weights timing starts at this registration.
  startLastUpdates(s, netuid, uid, now);
}

/**
 * Registers `hotkey` on `netuid` at the current block and returns its uid. Fails with
 * NoNeuronIdAvailable when the subnet is full and every uid is protected. Charges nothing.
 */
export function registerNeuron(ctx: Ctx, netuid: number, hotkey: AccountId): number {
  const s = ctx.state;
  const now = ctx.now;
  const n = s.get(Keys, netuid).length;
  let uid: number;
  if (n < subnetHyperparameters(s, netuid).maxAllowedUids) {
    uid = appendNeuron(s, netuid, hotkey, now);
  } else {
    const victim = neuronToPrune(s, netuid, now);
    if (victim === null) fail('NoNeuronIdAvailable', `all ${n} uids are held by the subnet owner`);
    replaceNeuron(s, netuid, victim, hotkey, now);
    uid = victim;
  }
  ctx.emit(event('NeuronRegistered', { netuid, uid, hotkey }));
  return uid;
}
