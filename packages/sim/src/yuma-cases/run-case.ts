/**
 * Runs a yuma-simulation case through the runtime's own epoch function (`epoch.runEpoch`, the one
 * the block step calls), epoch after epoch, carrying bonds and validator permits from one output to
 * the next input as the chain stores them. The subnet holds the three validators (uids 0–2) and the
 * servers (uids 3…), as yuma-simulation's full matrices do.
 *
 * Dividends are reported in yuma-simulation's unit — per epoch, dividends per 1000 TAO staked with
 * 100 units emitted per epoch of which 41% to validators over 1,000,000 TAO total stake — computed
 * from the chain's exact validator emission shares.
 */
import { epoch } from '@taonet/runtime';
import type { YumaCase } from './cases.js';
import type { YumaVariant } from './variants.js';

const TOTAL_STAKE_RAO = 1_000_000n * 1_000_000_000n;
const EPOCH_EMISSION_RAO = 100n * 1_000_000_000n;
const YS_VALIDATOR_RATIO = 0.41;
const YS_EPOCH_EMISSION = 100;
const YS_TOTAL_STAKE = 1_000_000;

export interface CaseRun {
  readonly caseId: number;
  readonly variant: string;
  /** Per validator: dividends per 1000 TAO, per epoch. */
  readonly series: number[][];
  /** Per validator: the sum over the case's epochs. */
  readonly totals: number[];
  /** Per validator, per epoch: share of the validators' emission in [0, 1]. */
  readonly shares: number[][];
}

/** A weight row as the chain stores it: u16 values with the largest upscaled to 65535. */
function storedRow(row: readonly number[], firstServer: number): epoch.U16Row {
  const max = Math.max(...row);
  const cols: number[] = [];
  const vals: number[] = [];
  if (max > 0)
    row.forEach((w, j) => {
      const v = Math.round((w / max) * 65535);
      if (v > 0) {
        cols.push(firstServer + j);
        vals.push(v);
      }
    });
  return { cols: Uint16Array.from(cols), vals: Uint16Array.from(vals) };
}

/** Stake share → I64F64 raw rao, exactly (the share is read at 1e-9 resolution). */
function stakeFixed(share: number): bigint {
  return ((TOTAL_STAKE_RAO * BigInt(Math.round(share * 1e9))) / 1_000_000_000n) << 64n;
}

export function runYumaCase(c: YumaCase, v: YumaVariant): CaseRun {
  const nVal = 3;
  const n = nVal + c.servers;
  const tempo = BigInt(v.hyperparameters.tempo);
  const empty: epoch.U16Row = { cols: new Uint16Array(0), vals: new Uint16Array(0) };
  let bonds: epoch.U16Row[] = Array.from({ length: n }, () => empty);
  let permits: boolean[] = Array.from({ length: n }, (_, i) => i < nVal);
  let last = 0n;
  const series: number[][] = [[], [], []];
  const shares: number[][] = [[], [], []];
  for (let e = 0; e < c.epochs; e++) {
    const block = (BigInt(e) + 1n) * (tempo + 1n);
    const stakes = c.stakes(e);
    const w = c.weights(e);
    const input: epoch.EpochInput = {
      n,
      currentBlock: block,
      hyperparameters: v.hyperparameters,
      lastMechanismStepBlock: last,
      ownerUid: null,
      stakeFixed: Array.from({ length: n }, (_, i) => (i < nVal ? stakeFixed(stakes[i] ?? 0) : 0n)),
      lastUpdate: Array.from({ length: n }, () => block),
      blockAtRegistration: Array.from({ length: n }, () => 0n),
      validatorPermit: permits,
      weights: Array.from({ length: n }, (_, i) => (i < nVal ? storedRow(w[i] ?? [], nVal) : empty)),
      bonds,
      commitBlock: null,
      raoEmission: EPOCH_EMISSION_RAO,
    };
    const out = epoch.runEpoch(input);
    const pot = out.validatorEmission.slice(0, nVal).reduce((a, x) => a + x, 0n);
    for (let i = 0; i < nVal; i++) {
      const d = pot === 0n ? 0 : Number(out.validatorEmission[i] ?? 0n) / Number(pot);
      const s = stakes[i] ?? 0;
      const units = (s * YS_TOTAL_STAKE) / 1000;
      (shares[i] as number[]).push(d);
      (series[i] as number[]).push(units > 1e-6 ? (YS_VALIDATOR_RATIO * d * YS_EPOCH_EMISSION) / units : 0);
    }
    bonds = out.bonds.map((r) => r ?? empty);
    permits = out.newValidatorPermit;
    last = block;
  }
  return {
    caseId: c.id,
    variant: v.id,
    series,
    shares,
    totals: series.map((s) => s.reduce((a, x) => a + x, 0)),
  };
}
