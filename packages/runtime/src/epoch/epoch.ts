/**
 * One Yuma Consensus epoch for one subnet mechanism: the on-chain sparse path, step for step in
 * the reference's order (docs/spec/yuma.md). Pure: plain data in, plain data out, every number an
 * exact fixed-point raw.
 */
import {
  fixed,
  fixed64ToFixed32,
  fixedProportionToU16,
  fixedToU64,
  I32,
  I64F64,
  u16ProportionToFixed,
  u16ToFixed,
} from '@taonet/primitives';
import { activityCutoff, isActive } from './activity.js';
import { bondsMovingAverageAlpha, matEmaAlphaSparse, matEmaSparse } from './bonds-ema.js';
import { colClipSparse } from './col-clip.js';
import { interpolateSparse } from './interpolate.js';
import { lazyLiquidAlpha } from './liquid-alpha.js';
import {
  MASK_FNS,
  maskDiagSparse,
  maskDiagSparseExceptIndex,
  maskRowsSparse,
  scalarVecMaskSparseMatrix,
  vecMaskSparseMatrix,
} from './sparse-mask.js';
import { EMPTY_ROW, RowBuilder, type SparseMatrix, type SparseRow, type U16Row } from './sparse-matrix.js';
import { colMaxUpscaleSparse, colNormalizeSparse, rowNormalizeSparse } from './sparse-normalize.js';
import {
  matmulSparse,
  matmulTransposeSparse,
  matVecMulSparse,
  rowHadamardSparse,
  rowSumSparse,
} from './sparse-product.js';
import type { EpochInput, EpochOutput } from './types.js';
import { type FixedVector, isTopkNonzero, maskVector, normalize, sum, vecMul } from './vector.js';
import { weightedMedianColSparse } from './weighted-median.js';

const U64_MAX = (1n << 64n) - 1n;

function loadRows(
  rows: readonly U16Row[],
  n: number,
  toFixed: (u: number) => bigint,
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
      b.push(j, toFixed(row.vals[k] as number));
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

const toU16 = (v: FixedVector): Uint16Array => Uint16Array.from(v, fixedProportionToU16);

/** share × E in I96F32, floored to u64: the rao amount of a proportion. */
function shareOf(share: bigint, emission: bigint): bigint {
  return fixedToU64(share * emission, 32n);
}

/** Runs one epoch. */
export function runEpoch(input: EpochInput): EpochOutput {
  const { n, currentBlock, hyperparameters: hp, ownerUid } = input;
  const owner = ownerUid !== null && ownerUid < n ? ownerUid : null;

  // 1. Activity.
  const cutoff = activityCutoff(hp.tempo, hp.activityCutoffFactorMilli);
  const lastUpdate = Array.from({ length: n }, (_, i) => input.lastUpdate[i] ?? 0n);
  const blockAtRegistration = Array.from({ length: n }, (_, i) => input.blockAtRegistration[i] ?? 0n);
  const active = lastUpdate.map((lu) => isActive(lu, cutoff, currentBlock));
  const inactive = active.map((a) => !a);

  // 2. Stake: threshold filter (owner exempt), normalise in I64F64, floor to I32F32.
  const rawStake: bigint[] = [];
  const total: bigint[] = [];
  for (let i = 0; i < n; i++) {
    const s = input.stakeFixed[i] ?? 0n;
    const whole = s >> 64n;
    rawStake.push(whole < 0n ? 0n : whole > U64_MAX ? U64_MAX : whole);
    total.push(i !== owner && whole < hp.stakeThreshold ? 0n : s);
  }
  const totalSum = total.reduce((a, b) => a + b, 0n);
  const stake = BigInt64Array.from(total, (t) =>
    fixed64ToFixed32(totalSum === 0n ? t : fixed.safeDiv(I64F64, t, totalSum)),
  );

  // 3. Permits: the previous epoch's (owner forced on) mask this epoch; new ones are only written.
  const oldPermit = input.validatorPermit.slice();
  if (owner !== null && owner < oldPermit.length) oldPermit[owner] = true;
  const forbid = oldPermit.map((p) => !p);
  const newValidatorPermit = isTopkNonzero(stake, hp.maxAllowedValidators);
  if (owner !== null) newValidatorPermit[owner] = true;

  // 4. Active stake.
  const activeStake = normalize(maskVector(forbid, maskVector(inactive, stake)));

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
  const lastTempo =
    input.lastMechanismStepBlock === 0n
      ? currentBlock > BigInt(hp.tempo)
        ? currentBlock - BigInt(hp.tempo)
        : 0n
      : input.lastMechanismStepBlock + 1n;
  const maskRegistered = (b: SparseMatrix): SparseMatrix =>
    scalarVecMaskSparseMatrix(b, lastTempo, blockAtRegistration, MASK_FNS.le as (a: bigint, b: bigint) => boolean);
  let emaBonds: SparseMatrix;
  let storedBonds: SparseMatrix;
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
    storedBonds = emaBonds;
  } else {
    const bonds = colNormalizeSparse(maskRegistered(loadRows(input.bonds, n, u16ToFixed, false)), n);
    bondsDelta = colNormalizeSparse(rowHadamardSparse(bondWeights, activeStake), n);
    const ema = colNormalizeSparse(matEmaSparse(bondsDelta, bonds, bondsMovingAverageAlpha(hp.bondsMovingAverage)), n);
    dividends = normalize(matmulTransposeSparse(ema, incentive));
    emaBonds = colMaxUpscaleSparse(ema, n);
    storedBonds = emaBonds;
  }

  // 10. Emission split, with the fallbacks when nothing was earned.
  const combined = BigInt64Array.from(incentive, (x, i) => I32.satAdd(x, dividends[i] as bigint));
  const esum = sum(combined);
  let nse = incentive.map((x) => (esum === 0n ? x : I32.safeDiv(x, esum)));
  let nve = dividends.map((x) => (esum === 0n ? x : I32.safeDiv(x, esum)));
  let nce = normalize(combined);
  if (esum === 0n) {
    const fallback = sum(activeStake) === 0n ? stake : activeStake;
    nve = new BigInt64Array(fallback);
    nce = new BigInt64Array(fallback);
    nse = new BigInt64Array(n);
  }
  const e = input.raoEmission;
  const serverEmission = Array.from(nse, (s) => shareOf(s, e));
  const validatorEmission = Array.from(nve, (s) => shareOf(s, e));
  const emission = Array.from(nce, (s) => shareOf(s, e));

  const bondRows = Array.from({ length: n }, (_, i): U16Row => {
    const row = storedBonds[i];
    return newValidatorPermit[i] && row !== undefined
      ? toU16Row(row)
      : { cols: new Uint16Array(0), vals: new Uint16Array(0) };
  });

  return {
    stakeWeight: toU16(stake),
    active,
    newValidatorPermit,
    consensus: toU16(consensus),
    incentive: toU16(incentive),
    dividends: toU16(dividends),
    validatorTrust: toU16(validatorTrust),
    emission,
    serverEmission,
    validatorEmission,
    bonds: bondRows,
    rawStake,
    fixed: {
      stake,
      activeStake,
      weights,
      consensus,
      validatorTrust,
      incentive,
      dividends,
      emaBonds,
      bondsDelta,
      normalizedServerEmission: nse,
      normalizedValidatorEmission: nve,
      normalizedCombinedEmission: nce,
    },
  };
}
