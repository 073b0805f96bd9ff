/**
 * Builds a subnet's epoch input from state and writes the epoch's results back. The epoch itself
 * (epoch/epoch.ts) is pure; only these two functions touch storage, so the epoch stays testable
 * against the reference vectors on plain data.
 */
import type { AccountId } from '@taonet/primitives';
import type { EpochInput, EpochOutput } from '../epoch/types.js';
import type { U16Row } from '../epoch/sparse-matrix.js';
import type { CombinedEpoch } from '../mechanisms/combine-epochs.js';
import { BlockAtRegistration, EpochResults, Keys, LastUpdate, MechanismIncentive, Uids } from '../neurons/storage.js';
import { netuidStorageIndex } from '../subnets/mechanism-index.js';
import { Params } from '../params/storage.js';
import type { State } from '../state/state.js';
import { epochStakeFixed } from '../children/epoch-stake.js';
import { Hyperparameters, LastMechanismStepBlock, SubnetEpochIndex, SubnetOwnerHotkey } from '../subnets/storage.js';
import { Bonds, WeightCommits, Weights } from '../weights/storage.js';

const EMPTY: U16Row = { cols: new Uint16Array(0), vals: new Uint16Array(0) };

/** Block of the hotkey's earliest commit on one mechanism that has not expired, or null. */
function liveCommitBlock(
  s: State,
  index: number,
  hotkey: AccountId,
  epochNow: bigint,
  revealPeriod: number,
): bigint | null {
  for (const c of s.get(WeightCommits, [index, hotkey])) {
    if (epochNow <= c.commitEpoch + BigInt(revealPeriod)) return c.commitBlock;
  }
  return null;
}

/**
 * The epoch input of one mechanism: the subnet's neurons, stake and permits, with the mechanism's
 * own weights, bonds, last updates and commits (stored under its storage index).
 */
export function loadEpochInput(
  s: State,
  netuid: number,
  now: bigint,
  raoEmission: bigint,
  epochFires: boolean,
  mecid = 0,
): EpochInput {
  const index = netuidStorageIndex(netuid, mecid);
  const hp = s.get(Hyperparameters, netuid);
  if (hp === null) throw new Error(`epoch on missing subnet ${netuid}`);
  const keys = s.get(Keys, netuid);
  const n = keys.length;
  const ownerHotkey = s.get(SubnetOwnerHotkey, netuid);
  const ownerUid = ownerHotkey === null ? null : s.get(Uids, [netuid, ownerHotkey]);
  const epochNow = s.get(SubnetEpochIndex, netuid) + (epochFires ? 1n : 0n);
  return {
    n,
    currentBlock: now,
    hyperparameters: { ...hp, stakeThreshold: s.value(Params).stakeThreshold },
    lastMechanismStepBlock: s.get(LastMechanismStepBlock, netuid),
    ownerUid,
    stakeFixed: keys.map((h) => epochStakeFixed(s, h, netuid)),
    lastUpdate: s.get(LastUpdate, index),
    blockAtRegistration: s.get(BlockAtRegistration, netuid),
    validatorPermit: s.get(EpochResults, netuid)?.validatorPermit ?? [],
    weights: keys.map((_, uid) => s.get(Weights, [index, uid]) ?? EMPTY),
    bonds: keys.map((_, uid) => s.get(Bonds, [index, uid]) ?? EMPTY),
    commitBlock: hp.commitRevealEnabled
      ? keys.map((h) => liveCommitBlock(s, index, h, epochNow, hp.revealPeriodEpochs))
      : null,
    raoEmission,
  };
}

/** What one mechanism's epoch keeps for itself: its bonds and (beyond mechanism 0) its incentive. */
export function persistMechanismOutput(s: State, netuid: number, mecid: number, out: EpochOutput): void {
  const index = netuidStorageIndex(netuid, mecid);
  if (mecid > 0) s.set(MechanismIncentive, index, Array.from(out.incentive));
  out.bonds.forEach((row, uid) => {
    if (row.cols.length === 0) s.remove(Bonds, [index, uid]);
    else s.set(Bonds, [index, uid], row);
  });
}

/** The subnet's columns, combined over its mechanisms (incentive: mechanism 0's). */
export function persistSubnetColumns(s: State, netuid: number, out: CombinedEpoch): void {
  s.set(EpochResults, netuid, {
    active: out.active,
    validatorPermit: out.newValidatorPermit,
    emission: out.emission,
    consensus: out.consensus,
    incentive: out.incentive,
    dividends: out.dividends,
    validatorTrust: out.validatorTrust,
    stakeWeight: out.stakeWeight,
  });
}
