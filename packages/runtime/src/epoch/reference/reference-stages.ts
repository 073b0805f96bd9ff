/**
 * The matrix stages in BigInt, step for step in the reference's order: the specification the fast
 * kernel is checked against, and the path taken whenever an input lies outside the kernel's
 * proven range.
 */
import { fixedProportionToU16, u16ProportionToFixed, u16ToFixed } from '@taonet/primitives';
import { bondsMovingAverageAlpha, matEmaAlphaSparse, matEmaSparse } from '../bonds-ema.js';
import { colClipSparse } from './col-clip.js';
import type { StageInput, StageOutput } from '../epoch-stages.js';
import { interpolateSparse } from './interpolate.js';
import { lazyLiquidAlpha } from '../liquid-alpha.js';
import {
  MASK_FNS,
  maskDiagSparse,
  maskDiagSparseExceptIndex,
  maskRowsSparse,
  scalarVecMaskSparseMatrix,
  vecMaskSparseMatrix,
} from './sparse-mask.js';
import { EMPTY_ROW, RowBuilder, type SparseMatrix, type SparseRow, type U16Row } from '../sparse-matrix.js';
import { colMaxUpscaleSparse, colNormalizeSparse, rowNormalizeSparse } from './sparse-normalize.js';
import {
  matmulSparse,
  matmulTransposeSparse,
  matVecMulSparse,
  rowHadamardSparse,
  rowSumSparse,
} from './sparse-product.js';
import { type FixedVector, normalize, vecMul } from '../vector.js';
import { weightedMedianColSparse } from '../weighted-median.js';

const U64_MAX = (1n << 64n) - 1n;

function loadRows(
  rows: readonly U16Row[],
  n: number,
  fromU16: (u: number) => bigint,
  onlyBelowN: boolean,
): SparseMatrix {
  const out: SparseMatrix = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (row === undefined || row.cols.length === 0) {
      out[i] = EMPTY_ROW;
      continue;
    }
    const b = new RowBuilder(row.cols.length);
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      if (onlyBelowN && j >= n) continue;
      b.push(j, fromU16(row.vals[k] as number));
    }
    out[i] = b.finish();
  }
  return out;
}

function toU16Row(row: SparseRow): U16Row {
  const cols = new Uint16Array(row.cols.length);
  const vals = new Uint16Array(row.cols.length);
  for (let k = 0; k < cols.length; k++) {
    cols[k] = row.cols[k] as number;
    vals[k] = fixedProportionToU16(row.vals[k] as bigint);
  }
  return { cols, vals };
}

export function referenceStages(s: StageInput): StageOutput {
  const { input, n, owner, lastUpdate, blockAtRegistration, forbid, activeStake, lastTempo } = s;
  const hp = input.hyperparameters;

  // 5. Weights: permit mask, self-weights, outdated, commit-reveal, then row-normalise.
  let weights = loadRows(input.weights, n, u16ToFixed, true);
  weights = maskRowsSparse(forbid, weights);
  weights = owner !== null ? maskDiagSparseExceptIndex(weights, owner) : maskDiagSparse(weights);
  weights = vecMaskSparseMatrix(
    weights,
    lastUpdate,
    blockAtRegistration,
    MASK_FNS.le as (a: bigint, b: bigint) => boolean,
  );
  if (hp.commitRevealEnabled) {
    const commits = Array.from({ length: n }, (_, i) => input.commitBlock?.[i] ?? U64_MAX);
    weights = vecMaskSparseMatrix(
      weights,
      commits,
      blockAtRegistration,
      MASK_FNS.lt as (a: bigint, b: bigint) => boolean,
    );
  }
  weights = rowNormalizeSparse(weights);

  // 6. Consensus.
  const consensus = weightedMedianColSparse(activeStake, weights, n, u16ProportionToFixed(hp.kappa));

  // 7. Clip, validator trust, incentive.
  const clipped = colClipSparse(weights, consensus);
  const validatorTrust = rowSumSparse(clipped);
  const incentive = normalize(matmulSparse(clipped, activeStake, n));

  // 8. Weights for bonds.
  const bondWeights = interpolateSparse(weights, clipped, n, u16ProportionToFixed(hp.bondsPenalty));

  // 9. Bonds and dividends.
  const maskRegistered = (b: SparseMatrix): SparseMatrix =>
    scalarVecMaskSparseMatrix(b, lastTempo, blockAtRegistration, MASK_FNS.le as (a: bigint, b: bigint) => boolean);
  let emaBonds: SparseMatrix;
  let bondsDelta: SparseMatrix | null = null;
  let dividends: FixedVector;
  if (hp.yuma3Enabled) {
    const bonds = maskRegistered(loadRows(input.bonds, n, u16ProportionToFixed, false));
    const liquid = hp.liquidAlphaEnabled && consensus.length > 0 && consensus.some((c) => c !== 0n);
    emaBonds = liquid
      ? matEmaAlphaSparse(
          bondWeights,
          bonds,
          lazyLiquidAlpha(bondWeights, bonds, consensus, {
            low: u16ProportionToFixed(hp.alphaLow),
            high: u16ProportionToFixed(hp.alphaHigh),
            steepness: BigInt(hp.alphaSigmoidSteepness) << 32n,
          }),
        )
      : matEmaSparse(bondWeights, bonds, bondsMovingAverageAlpha(hp.bondsMovingAverage));
    const normalizedBonds = colNormalizeSparse(emaBonds, n);
    const totalBondsPerValidator = rowSumSparse(matVecMulSparse(normalizedBonds, incentive));
    dividends = normalize(vecMul(totalBondsPerValidator, activeStake));
  } else {
    const bonds = colNormalizeSparse(maskRegistered(loadRows(input.bonds, n, u16ToFixed, false)), n);
    bondsDelta = colNormalizeSparse(rowHadamardSparse(bondWeights, activeStake), n);
    const ema = colNormalizeSparse(matEmaSparse(bondsDelta, bonds, bondsMovingAverageAlpha(hp.bondsMovingAverage)), n);
    dividends = normalize(matmulTransposeSparse(ema, incentive));
    emaBonds = colMaxUpscaleSparse(ema, n);
  }

  const bondRows = Array.from({ length: n }, (_, i): U16Row => {
    const row = emaBonds[i];
    return s.newValidatorPermit[i] && row !== undefined
      ? toU16Row(row)
      : { cols: new Uint16Array(0), vals: new Uint16Array(0) };
  });

  return { weights, consensus, validatorTrust, incentive, dividends, emaBonds, bondsDelta, bondRows };
}
