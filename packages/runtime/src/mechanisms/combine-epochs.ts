/**
 * One subnet-level result from the epochs of its mechanisms, as subtensor's
 * `epoch_with_mechanisms` folds them: emissions paid (server and validator) are summed; the
 * displayed columns (dividends, consensus, validator trust, stake weight, combined emission) are
 * the mechanisms' values weighted by each mechanism's share of the emission, accumulated in U64F64
 * and floored at every step, mechanism 0 first; `active` and the validator permit are ORed.
 * Incentive stays per mechanism; the subnet's own incentive column is mechanism 0's.
 */
import { fixed, U64F64 } from '@taonet/primitives';
import type { EpochOutput } from '../epoch/types.js';

export interface CombinedEpoch {
  readonly active: boolean[];
  readonly newValidatorPermit: boolean[];
  readonly emission: bigint[];
  readonly consensus: number[];
  readonly incentive: number[];
  readonly dividends: number[];
  readonly validatorTrust: number[];
  readonly stakeWeight: number[];
  readonly serverEmission: bigint[];
  readonly validatorEmission: bigint[];
}

const ONE = 1n << 64n;
const U16_MAX = 65535n;
const U64_MAX = (1n << 64n) - 1n;

/** U64F64 weight of one mechanism: its emission over the total; with no emission, all to mechanism 0. */
export function mechanismWeight(emission: bigint, total: bigint, mecid: number): bigint {
  return total === 0n ? (mecid === 0 ? ONE : 0n) : fixed.saturatingDiv(U64F64, emission << 64n, total << 64n);
}

/** floor(existing + added · weight), saturated to `max` (subtensor's `weighted_acc_*`). */
function weightedAcc(existing: bigint, added: bigint, weight: bigint, max: bigint): bigint {
  const sum = fixed.saturatingAdd(U64F64, existing << 64n, fixed.saturatingMul(U64F64, added << 64n, weight));
  const v = sum >> 64n;
  return v > max ? max : v;
}

export function combineMechanismEpochs(
  outputs: readonly EpochOutput[],
  emissions: readonly bigint[],
  total: bigint,
): CombinedEpoch {
  const first = outputs[0];
  if (first === undefined) throw new Error('combineMechanismEpochs: no mechanism outputs');
  const n = first.active.length;
  const u16 = (): number[] => new Array<number>(n).fill(0);
  const out: CombinedEpoch = {
    active: new Array<boolean>(n).fill(false),
    newValidatorPermit: new Array<boolean>(n).fill(false),
    emission: new Array<bigint>(n).fill(0n),
    consensus: u16(),
    incentive: Array.from(first.incentive),
    dividends: u16(),
    validatorTrust: u16(),
    stakeWeight: u16(),
    serverEmission: new Array<bigint>(n).fill(0n),
    validatorEmission: new Array<bigint>(n).fill(0n),
  };
  outputs.forEach((o, m) => {
    const w = mechanismWeight(emissions[m] ?? 0n, total, m);
    const acc16 = (col: number[], add: Uint16Array, i: number): void => {
      col[i] = Number(weightedAcc(BigInt(col[i] ?? 0), BigInt(add[i] ?? 0), w, U16_MAX));
    };
    for (let i = 0; i < n; i++) {
      out.active[i] = (out.active[i] ?? false) || (o.active[i] ?? false);
      out.newValidatorPermit[i] = (out.newValidatorPermit[i] ?? false) || (o.newValidatorPermit[i] ?? false);
      out.serverEmission[i] = sat64((out.serverEmission[i] ?? 0n) + (o.serverEmission[i] ?? 0n));
      out.validatorEmission[i] = sat64((out.validatorEmission[i] ?? 0n) + (o.validatorEmission[i] ?? 0n));
      out.emission[i] = weightedAcc(out.emission[i] ?? 0n, o.emission[i] ?? 0n, w, U64_MAX);
      acc16(out.dividends, o.dividends, i);
      acc16(out.consensus, o.consensus, i);
      acc16(out.validatorTrust, o.validatorTrust, i);
      acc16(out.stakeWeight, o.stakeWeight, i);
    }
  });
  return out;
}

function sat64(x: bigint): bigint {
  return x > U64_MAX ? U64_MAX : x;
}
