/**
 * Resetting a uid that changes hands (§8.3, yuma §3.14). The newcomer must not inherit the previous
 * neuron's standing: its epoch outputs, its bonds and the weights it set go. Weights other validators
 * set on the uid are kept as explicit zeros rather than removed, because the epoch treats a present
 * zero entry differently from an absent one (entry-set semantics), exactly as the reference does.
 */
import type { U16Row } from '../epoch/sparse-matrix.js';
import type { State } from '../state/state.js';
import { Bonds, Weights } from '../weights/storage.js';
import { mechanismIndices } from '../subnets/mechanism-index.js';
import { type EpochColumns, EpochResults, Keys, MechanismIncentive } from './storage.js';
import { withElement } from './uid-columns.js';

function zeroColumnsAt(c: EpochColumns, uid: number): EpochColumns {
  return {
    // A fresh neuron counts as active until its first epoch says otherwise (reference `set_active_for_uid`).
    active: withElement(c.active, uid, true, false),
    validatorPermit: withElement(c.validatorPermit, uid, false, false),
    emission: withElement(c.emission, uid, 0n, 0n),
    consensus: withElement(c.consensus, uid, 0, 0),
    incentive: withElement(c.incentive, uid, 0, 0),
    dividends: withElement(c.dividends, uid, 0, 0),
    validatorTrust: withElement(c.validatorTrust, uid, 0, 0),
    stakeWeight: withElement(c.stakeWeight, uid, 0, 0),
  };
}

function zeroWeightOn(row: U16Row, uid: number): U16Row | null {
  let hit = false;
  for (let i = 0; i < row.cols.length; i++) if (row.cols[i] === uid && row.vals[i] !== 0) hit = true;
  if (!hit) return null;
  const vals = Uint16Array.from(row.vals);
  for (let i = 0; i < row.cols.length; i++) if (row.cols[i] === uid) vals[i] = 0;
  return { cols: row.cols, vals };
}

/** Clears the uid on every mechanism of the subnet: its rows go, weights on it become zeros. */
export function clearNeuron(s: State, netuid: number, uid: number): void {
  const columns = s.get(EpochResults, netuid);
  if (columns !== null) s.set(EpochResults, netuid, zeroColumnsAt(columns, uid));
  const n = s.get(Keys, netuid).length;
  mechanismIndices(s, netuid).forEach((index, mecid) => {
    if (mecid > 0) {
      const incentive = s.get(MechanismIncentive, index);
      if (uid < incentive.length) s.set(MechanismIncentive, index, withElement(incentive, uid, 0, 0));
    }
    s.remove(Bonds, [index, uid]);
    s.remove(Weights, [index, uid]);
    // Weight rows exist only for uids of this subnet, so visiting each uid finds them all without a scan.
    for (let other = 0; other < n; other++) {
      const row = s.get(Weights, [index, other]);
      const zeroed = row === null ? null : zeroWeightOn(row, uid);
      if (zeroed !== null) s.set(Weights, [index, other], zeroed);
    }
  });
}
