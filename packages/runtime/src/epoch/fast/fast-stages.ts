/**
 * The matrix stages on exact integer Number raws: the same steps as `referenceStages`, bit for
 * bit, without a BigInt per entry. It declines (returns null) any input outside the range its
 * exactness proof covers, and the epoch then runs the reference instead.
 *
 * The proof's ranges, established here:
 *  - active stake, alpha, the bonds penalty and the liquid-alpha bounds lie in [0, 1];
 *  - weights are u16 row shares and bonds u16 proportions, so every entry is in [0, 1] except EMA
 *    sums over duplicate bond columns, and a weight row sums to at most 1;
 *  - a column sum is therefore at most (n + stored bond entries) · 2^32, kept below 2^53 by
 *    requiring fewer than 2^21 of them; classic bond columns also keep their u16 sums below 2^31,
 *    where the reference's int64 column sums would wrap;
 *  - block numbers compare exactly: registration blocks are required below 2^53 in magnitude, and
 *    any other block beyond that clamps to ±2^53 without changing a comparison with them.
 */
import { ONE_RAW, proportionRawToU16, ratioRaw, u16ProportionRaw, u16ProportionToFixed } from '@taonet/primitives';
import { bondsMovingAverageAlpha } from '../bonds-ema.js';
import type { StageInput, StageOutput } from '../epoch-stages.js';
import { lazyLiquidAlpha } from '../liquid-alpha.js';
import {
  EMPTY_NUM_ROW,
  entryCount,
  type NumMatrix,
  NumMatrixBuilder,
  toFixedVector,
  toNumberVector,
  toSparseMatrix,
} from './number-matrix.js';
import { weightedMedianColNum } from './number-median.js';
import {
  colClipNum,
  colMaxUpscaleNumInPlace,
  colNormalizeNumInPlace,
  interpolateNum,
  matEmaAlphaNum,
  matEmaNum,
  matmulNum,
  matmulTransposeNum,
  normalizedRowDotNum,
  rowHadamardNum,
  rowSumNum,
} from './number-sparse.js';
import { ScratchBuffer } from './scratch-buffer.js';
import type { U16Row } from '../sparse-matrix.js';
import { normalize, vecMul } from '../vector.js';

/** One buffer per intermediate matrix: each holds a single live matrix during an epoch. */
const SCRATCH = {
  weights: new ScratchBuffer(),
  scores: new ScratchBuffer(),
  clipped: new ScratchBuffer(),
  bondWeights: new ScratchBuffer(),
  bonds: new ScratchBuffer(),
  ema: new ScratchBuffer(),
  delta: new ScratchBuffer(),
};

const TWO_53 = 2 ** 53;
const MAX_EXACT_BLOCK = TWO_53 - 1;
const U64_MAX = (1n << 64n) - 1n;

/** A block number as a Number that orders against every (exact) registration block like `b`. */
function clampBlock(b: bigint): number {
  return b >= 2n ** 53n ? TWO_53 : b <= -(2n ** 53n) ? -TWO_53 : Number(b);
}

/** A u16 proportion hyperparameter as a raw in [0, 1], or null above 1. */
function unitRaw(u: number): number | null {
  const raw = u16ProportionToFixed(u);
  return raw >= 0n && raw <= BigInt(ONE_RAW) ? Number(raw) : null;
}

/** Step 5: load, mask (permit, diagonal, outdated, commit-reveal) and row-normalise the weights. */
function loadWeights(s: StageInput, registered: Float64Array, into: ScratchBuffer): NumMatrix {
  const { input, n, owner, forbid } = s;
  const commits = input.hyperparameters.commitRevealEnabled
    ? Array.from({ length: n }, (_, i) => clampBlock(input.commitBlock?.[i] ?? U64_MAX))
    : null;
  const rows = input.weights.slice(0, n);
  const out = new NumMatrixBuilder(entryCount(rows), into);
  return Array.from({ length: n }, (_, i) => {
    const row = rows[i];
    if ((forbid[i] ?? true) || row === undefined) return EMPTY_NUM_ROW;
    const updated = clampBlock(s.lastUpdate[i] as bigint);
    const committed = commits === null ? TWO_53 : (commits[i] as number);
    let sum = 0;
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      if (j >= n || (j === i && i !== owner)) continue;
      const reg = registered[j] as number;
      if (updated <= reg || committed < reg) continue;
      const u = row.vals[k] as number;
      out.push(j, u);
      sum += u;
    }
    const loaded = out.endRow();
    // A zero sum leaves the row as loaded: all zeros.
    if (sum > 0) for (let k = 0; k < loaded.vals.length; k++) loaded.vals[k] = ratioRaw(loaded.vals[k] as number, sum);
    return loaded;
  });
}

/** Loads stored u16 bond rows as `value(u)`, without bonds to uids registered since the last epoch. */
function loadBonds(
  s: StageInput,
  registered: Float64Array,
  value: (u: number) => number,
  into: ScratchBuffer,
): NumMatrix {
  const { input, n } = s;
  const lastTempo = clampBlock(s.lastTempo);
  const rows = input.bonds.slice(0, n);
  const out = new NumMatrixBuilder(entryCount(rows), into);
  return Array.from({ length: n }, (_, i) => {
    const row = rows[i];
    if (row === undefined) return EMPTY_NUM_ROW;
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      if (lastTempo <= (j < n ? (registered[j] as number) : 0)) continue;
      out.push(j, value(row.vals[k] as number));
    }
    return out.endRow();
  });
}

/**
 * Classic bonds: integer-valued u16 bonds, column-normalised in place. The raws are u·2^32 over a
 * column sum Σu·2^32, so the share is trunc(u·2^32 / Σu); a zero column holds only zeros. Null
 * when a column's u16 sum reaches 2^31, where the reference's int64 column sum would wrap.
 */
function normalizeClassicBonds(bonds: NumMatrix, n: number): NumMatrix | null {
  const sums = new Float64Array(n);
  for (const row of bonds) {
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      if (j < n) sums[j] = (sums[j] as number) + (row.vals[k] as number);
    }
  }
  for (const total of sums) if (total >= 2 ** 31) return null;
  for (const row of bonds) {
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      const total = j < n ? (sums[j] as number) : 0;
      if (total !== 0) row.vals[k] = ratioRaw(row.vals[k] as number, total);
    }
  }
  return bonds;
}

/** The stored u16 bond rows, all in one pair of buffers; uids without a new permit store none. */
function toU16Rows(m: NumMatrix, permit: readonly boolean[]): U16Row[] {
  const size = m.reduce((total, row, i) => (permit[i] ? total + row.cols.length : total), 0);
  const cols = new Uint16Array(size);
  const vals = new Uint16Array(size);
  let at = 0;
  return m.map((row, i) => {
    const len = permit[i] ? row.cols.length : 0;
    for (let k = 0; k < len; k++) {
      cols[at + k] = row.cols[k] as number;
      vals[at + k] = proportionRawToU16(row.vals[k] as number);
    }
    at += len;
    return { cols: cols.subarray(at - len, at), vals: vals.subarray(at - len, at) };
  });
}

/** The matrix stages, or null when the input lies outside the proven range. */
export function fastStages(s: StageInput): StageOutput | null {
  const { input, n } = s;
  const hp = input.hyperparameters;
  let storedBonds = n;
  for (let i = 0; i < n; i++) storedBonds += input.bonds[i]?.cols.length ?? 0;
  if (storedBonds >= 2 ** 21) return null;
  const registered = toNumberVector(s.blockAtRegistration, -MAX_EXACT_BLOCK, MAX_EXACT_BLOCK);
  const activeStake = toNumberVector(s.activeStake, 0, ONE_RAW);
  const ratio = unitRaw(hp.bondsPenalty);
  const alphaFixed = bondsMovingAverageAlpha(hp.bondsMovingAverage);
  const alpha = alphaFixed >= 0n && alphaFixed <= BigInt(ONE_RAW) ? Number(alphaFixed) : null;
  if (registered === null || activeStake === null || ratio === null || alpha === null) return null;

  // 5. Weights.
  const weights = loadWeights(s, registered, SCRATCH.weights);

  // 6. Consensus.
  const consensus = weightedMedianColNum(s.activeStake, weights, n, u16ProportionToFixed(hp.kappa), SCRATCH.scores);
  if (consensus === null) return null;

  // 7. Clip, validator trust, incentive.
  const clipped = colClipNum(weights, consensus, SCRATCH.clipped);
  const validatorTrust = toFixedVector(rowSumNum(clipped));
  const incentive = normalize(toFixedVector(matmulNum(clipped, activeStake, n)));
  // Normalised non-negative ranks (or all zeros): within [0, 1], exact as Numbers.
  const incentiveNum = Float64Array.from(incentive, Number);

  // 8. Weights for bonds.
  const bondWeights =
    ratio === 0
      ? weights
      : ratio === ONE_RAW
        ? clipped
        : interpolateNum(weights, clipped, n, ratio, SCRATCH.bondWeights);

  // 9. Bonds and dividends.
  let emaBonds: NumMatrix;
  let bondsDelta: NumMatrix | null = null;
  let dividends: BigInt64Array;
  if (hp.yuma3Enabled) {
    const bonds = loadBonds(s, registered, u16ProportionRaw, SCRATCH.bonds);
    const liquid = hp.liquidAlphaEnabled && consensus.some((c) => c !== 0);
    if (liquid) {
      const low = unitRaw(hp.alphaLow);
      const high = unitRaw(hp.alphaHigh);
      if (low === null || high === null) return null;
      // The sigmoid goes through the chain's exp, so the rates come from the BigInt helper.
      const rates = lazyLiquidAlpha(toSparseMatrix(bondWeights), toSparseMatrix(bonds), toFixedVector(consensus), {
        low: BigInt(low),
        high: BigInt(high),
        steepness: BigInt(hp.alphaSigmoidSteepness) << 32n,
      });
      emaBonds = matEmaAlphaNum(bondWeights, bonds, rates, SCRATCH.ema);
    } else {
      emaBonds = matEmaNum(bondWeights, bonds, alpha, SCRATCH.ema);
    }
    const totalBondsPerValidator = normalizedRowDotNum(emaBonds, incentiveNum);
    dividends = normalize(vecMul(toFixedVector(totalBondsPerValidator), s.activeStake));
  } else {
    const bonds = normalizeClassicBonds(
      loadBonds(s, registered, (u) => u, SCRATCH.bonds),
      n,
    );
    if (bonds === null) return null;
    bondsDelta = colNormalizeNumInPlace(rowHadamardNum(bondWeights, activeStake, SCRATCH.delta), n);
    const ema = colNormalizeNumInPlace(matEmaNum(bondsDelta, bonds, alpha, SCRATCH.ema), n);
    dividends = normalize(toFixedVector(matmulTransposeNum(ema, incentiveNum)));
    emaBonds = colMaxUpscaleNumInPlace(ema, n);
  }

  return {
    weights: toSparseMatrix(weights),
    consensus: toFixedVector(consensus),
    validatorTrust,
    incentive,
    dividends,
    emaBonds: toSparseMatrix(emaBonds),
    bondsDelta: bondsDelta === null ? null : toSparseMatrix(bondsDelta),
    bondRows: toU16Rows(emaBonds, s.newValidatorPermit),
  };
}
