/**
 * Builds a subnet's epoch input from state and writes the epoch's results back. The epoch itself
 * (epoch/epoch.ts) is pure; only these two functions touch storage, so the epoch stays testable
 * against the reference vectors on plain data.
 */
import type { AccountId } from '@taonet/primitives';
import type { EpochInput, EpochOutput } from '../epoch/types.js';
import type { U16Row } from '../epoch/sparse-matrix.js';
import { BlockAtRegistration, EpochResults, Keys, LastUpdate, Uids } from '../neurons/storage.js';
import { Params } from '../params/storage.js';
import type { State } from '../state/state.js';
import { epochStakeFixed } from '../children/epoch-stake.js';
import { Hyperparameters, LastMechanismStepBlock, SubnetEpochIndex, SubnetOwnerHotkey } from '../subnets/storage.js';
import { Bonds, WeightCommits, Weights } from '../weights/storage.js';

const EMPTY: U16Row = { cols: new Uint16Array(0), vals: new Uint16Array(0) };

/** Block of the hotkey's earliest commit that has not expired, or null. */
function liveCommitBlock(
  s: State,
  netuid: number,
  hotkey: AccountId,
  epochNow: bigint,
  revealPeriod: number,
): bigint | null {
  for (const c of s.get(WeightCommits, [netuid, hotkey])) {
    if (epochNow <= c.commitEpoch + BigInt(revealPeriod)) return c.commitBlock;
  }
  return null;
}

export function loadEpochInput(
  s: State,
  netuid: number,
  now: bigint,
  raoEmission: bigint,
  epochFires: boolean,
): EpochInput {
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
    lastUpdate: s.get(LastUpdate, netuid),
    blockAtRegistration: s.get(BlockAtRegistration, netuid),
    validatorPermit: s.get(EpochResults, netuid)?.validatorPermit ?? [],
    weights: keys.map((_, uid) => s.get(Weights, [netuid, uid]) ?? EMPTY),
    bonds: keys.map((_, uid) => s.get(Bonds, [netuid, uid]) ?? EMPTY),
    commitBlock: hp.commitRevealEnabled
      ? keys.map((h) => liveCommitBlock(s, netuid, h, epochNow, hp.revealPeriodEpochs))
      : null,
    raoEmission,
  };
}

export function persistEpochOutput(s: State, netuid: number, out: EpochOutput): void {
  s.set(EpochResults, netuid, {
    active: out.active,
    validatorPermit: out.newValidatorPermit,
    emission: out.emission,
    consensus: Array.from(out.consensus),
    incentive: Array.from(out.incentive),
    dividends: Array.from(out.dividends),
    validatorTrust: Array.from(out.validatorTrust),
    stakeWeight: Array.from(out.stakeWeight),
  });
  out.bonds.forEach((row, uid) => {
    if (row.cols.length === 0) s.remove(Bonds, [netuid, uid]);
    else s.set(Bonds, [netuid, uid], row);
  });
}
