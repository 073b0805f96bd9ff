/** Handlers for the fixed-point and matrix helper vectors (`yuma-math.json`). */
import {
  checkedSumU64,
  expSafe,
  fixed,
  fixed64ToFixed32,
  fixed64ToU64,
  fixedProportionToU16,
  fixedToU16,
  fixedToU64,
  I64F64,
  u16ProportionToFixed,
  u16ToFixed,
} from '@taonet/primitives';
import { epoch } from '@taonet/runtime';
import {
  big,
  bigs,
  bool,
  bools,
  dense32,
  encDense,
  encScalar,
  encSparse,
  encVec,
  fixedScalar,
  type Json,
  type JsonObject,
  num,
  nums,
  sparse32,
  VectorInputError,
  vec32,
  vecWide,
} from '../codec.js';
import type { Handler } from '../registry.js';

const { dense } = epoch;
const I = 'I32F32';
const res = (result: Json): JsonObject => ({ result });
const vecRes = (v: ArrayLike<bigint>): JsonObject => res(encVec(I, v));
const denseRes = (m: readonly ArrayLike<bigint>[]): JsonObject => res(encDense(I, m));
const sparseRes = (m: epoch.SparseMatrix): JsonObject => res(encSparse(m));

function maskFn(x: Json | undefined): epoch.MaskFn {
  if (typeof x === 'string' && Object.hasOwn(epoch.MASK_FNS, x)) return epoch.MASK_FNS[x] as epoch.MaskFn;
  throw new VectorInputError(`mask_fn: expected one of eq, lt, le, got ${JSON.stringify(x)}`);
}

function liquidParams(i: JsonObject): epoch.LiquidAlphaParams {
  return { low: fixedScalar(i.alpha_low), high: fixedScalar(i.alpha_high), steepness: fixedScalar(i.steepness) };
}

export const yumaMathHandlers: Record<string, Handler> = {
  exp_safe: (i) => res(encScalar(I, expSafe(fixedScalar(i.x)))),
  sigmoid_safe: (i) =>
    res(encScalar(I, epoch.sigmoidSafe(fixedScalar(i.input), fixedScalar(i.rho), fixedScalar(i.kappa)))),
  alpha_sigmoid: (i) =>
    res(
      encScalar(
        I,
        epoch.alphaSigmoid(fixedScalar(i.consensus), fixedScalar(i.weight), fixedScalar(i.bond), liquidParams(i)),
      ),
    ),
  bonds_moving_average_alpha: (i) => res(encScalar(I, epoch.bondsMovingAverageAlpha(big(i.bonds_moving_average)))),
  u16_to_fixed: (i) => res(encScalar(I, u16ToFixed(num(i.x)))),
  u16_proportion_to_fixed: (i) => res(encScalar(I, u16ProportionToFixed(num(i.x)))),
  fixed_proportion_to_u16: (i) => res(fixedProportionToU16(fixedScalar(i.x))),
  fixed_to_u16: (i) => res(fixedToU16(fixedScalar(i.x))),
  fixed_to_u64: (i) => res(fixedToU64(fixedScalar(i.x)).toString()),
  fixed64_to_u64: (i) => res(fixed64ToU64(fixedScalar(i.x)).toString()),
  fixed64_to_fixed32: (i) => res(encScalar(I, fixed64ToFixed32(fixedScalar(i.x)))),
  vec_fixed64_to_fixed32: (i) => vecRes(vecWide(i.v).map(fixed64ToFixed32)),
  fixed64_div_to_fixed32: (i) => {
    const q = fixed.safeDiv(I64F64, big(i.numerator) << 64n, big(i.denominator) << 64n);
    return { i64f64: encScalar('I64F64', q), i32f32: encScalar(I, fixed64ToFixed32(q)) };
  },
  checked_sum: (i) => {
    const s = checkedSumU64(bigs(i.v));
    return res(s === null ? null : s.toString());
  },

  vec_max_upscale_to_u16: (i) => res(epoch.vecMaxUpscaleToU16(vec32(i.v))),
  vec_u16_max_upscale_to_u16: (i) => res(epoch.vecU16MaxUpscaleToU16(nums(i.v))),
  check_vec_max_limited: (i) => res(epoch.checkVecMaxLimited(nums(i.v), num(i.max_limit))),
  is_topk: (i) => res(epoch.isTopk(vec32(i.v), num(i.k))),
  is_topk_nonzero: (i) => res(epoch.isTopkNonzero(vec32(i.v), num(i.k))),
  sum: (i) => res(encScalar(I, epoch.sum(vec32(i.v)))),
  inplace_normalize: (i) => vecRes(epoch.normalize(vec32(i.v))),
  inplace_normalize_using_sum: (i) => vecRes(epoch.normalizeUsingSum(vec32(i.v), fixedScalar(i.sum))),
  inplace_normalize_64: (i) => {
    const v = vecWide(i.v);
    const s = v.reduce((a, b) => a + b, 0n);
    return res(encVec('I64F64', s === 0n ? v : v.map((x) => fixed.safeDiv(I64F64, x, s))));
  },
  vecdiv: (i) => vecRes(epoch.vecdiv(vec32(i.x), vec32(i.y))),
  vec_mul: (i) => vecRes(epoch.vecMul(vec32(i.a), vec32(i.b))),
  inplace_mask_vector: (i) => vecRes(epoch.maskVector(bools(i.mask), vec32(i.v))),

  inplace_row_normalize: (i) => denseRes(dense.rowNormalize(dense32(i.m))),
  inplace_col_normalize: (i) => denseRes(dense.colNormalize(dense32(i.m))),
  inplace_col_max_upscale: (i) => denseRes(dense.colMaxUpscale(dense32(i.m))),
  inplace_mask_matrix: (i) => {
    const mask = Array.isArray(i.mask) ? i.mask.map((r) => bools(r)) : [];
    return denseRes(dense.maskMatrix(mask, dense32(i.m)));
  },
  inplace_mask_rows: (i) => denseRes(dense.maskRows(bools(i.mask), dense32(i.m))),
  inplace_mask_diag: (i) => denseRes(dense.maskDiag(dense32(i.m))),
  inplace_mask_diag_except_index: (i) => denseRes(dense.maskDiag(dense32(i.m), num(i.except_index))),
  mat_vec_mul: (i) => denseRes(dense.matVecMul(dense32(i.m), vec32(i.v))),
  row_hadamard: (i) => denseRes(dense.rowHadamard(dense32(i.m), vec32(i.v))),
  row_sum: (i) => vecRes(dense.rowSum(dense32(i.m))),
  matmul: (i) => vecRes(dense.matmul(dense32(i.m), vec32(i.v))),
  matmul_transpose: (i) => vecRes(dense.matmulTranspose(dense32(i.m), vec32(i.v))),
  inplace_col_clip: (i) => denseRes(dense.colClip(dense32(i.m), vec32(i.threshold))),
  weighted_median_col: (i) =>
    vecRes(dense.weightedMedianCol(vec32(i.stake), dense32(i.score), fixedScalar(i.majority))),
  interpolate: (i) => denseRes(dense.interpolate(dense32(i.mat1), dense32(i.mat2), fixedScalar(i.ratio))),
  mat_ema: (i) => denseRes(dense.matEma(dense32(i.new), dense32(i.old), fixedScalar(i.alpha))),
  mat_ema_alpha: (i) => denseRes(dense.matEmaAlpha(dense32(i.new), dense32(i.old), dense32(i.alpha))),
  compute_bonds: (i) =>
    denseRes(
      dense.computeBonds(dense32(i.weights), dense32(i.bonds), vec32(i.consensus), {
        liquidAlphaEnabled: bool(i.liquid_alpha_enabled),
        alpha: {
          low: u16ProportionToFixed(num(i.alpha_low)),
          high: u16ProportionToFixed(num(i.alpha_high)),
          steepness: BigInt(num(i.alpha_sigmoid_steepness)) << 32n,
        },
        bondsMovingAverage: big(i.bonds_moving_average),
      }),
    ),

  inplace_row_normalize_sparse: (i) => sparseRes(epoch.rowNormalizeSparse(sparse32(i.m))),
  inplace_col_normalize_sparse: (i) => sparseRes(epoch.colNormalizeSparse(sparse32(i.m), num(i.columns))),
  inplace_col_max_upscale_sparse: (i) => sparseRes(epoch.colMaxUpscaleSparse(sparse32(i.m), num(i.columns))),
  mask_rows_sparse: (i) => sparseRes(epoch.maskRowsSparse(bools(i.mask), sparse32(i.m))),
  mask_diag_sparse: (i) => sparseRes(epoch.maskDiagSparse(sparse32(i.m))),
  mask_diag_sparse_except_index: (i) => sparseRes(epoch.maskDiagSparseExceptIndex(sparse32(i.m), num(i.except_index))),
  vec_mask_sparse_matrix: (i) =>
    sparseRes(epoch.vecMaskSparseMatrix(sparse32(i.m), bigs(i.first), bigs(i.second), maskFn(i.mask_fn))),
  scalar_vec_mask_sparse_matrix: (i) =>
    sparseRes(epoch.scalarVecMaskSparseMatrix(sparse32(i.m), big(i.scalar), bigs(i.vector), maskFn(i.mask_fn))),
  mat_vec_mul_sparse: (i) => sparseRes(epoch.matVecMulSparse(sparse32(i.m), vec32(i.v))),
  row_hadamard_sparse: (i) => sparseRes(epoch.rowHadamardSparse(sparse32(i.m), vec32(i.v))),
  row_sum_sparse: (i) => vecRes(epoch.rowSumSparse(sparse32(i.m))),
  matmul_sparse: (i) => vecRes(epoch.matmulSparse(sparse32(i.m), vec32(i.v), num(i.columns))),
  matmul_transpose_sparse: (i) => vecRes(epoch.matmulTransposeSparse(sparse32(i.m), vec32(i.v))),
  col_clip_sparse: (i) => sparseRes(epoch.colClipSparse(sparse32(i.m), vec32(i.threshold))),
  weighted_median: (i) =>
    res(
      encScalar(
        I,
        epoch.weightedMedian(
          vec32(i.stake),
          vec32(i.score),
          nums(i.partition_idx),
          fixedScalar(i.minority),
          fixedScalar(i.partition_lo),
          fixedScalar(i.partition_hi),
        ),
      ),
    ),
  weighted_median_col_sparse: (i) =>
    vecRes(epoch.weightedMedianColSparse(vec32(i.stake), sparse32(i.score), num(i.columns), fixedScalar(i.majority))),
  interpolate_sparse: (i) =>
    sparseRes(epoch.interpolateSparse(sparse32(i.mat1), sparse32(i.mat2), num(i.columns), fixedScalar(i.ratio))),
  mat_ema_sparse: (i) => sparseRes(epoch.matEmaSparse(sparse32(i.new), sparse32(i.old), fixedScalar(i.alpha))),
  mat_ema_alpha_sparse: (i) =>
    sparseRes(epoch.matEmaAlphaSparse(sparse32(i.new), sparse32(i.old), epoch.denseAlphaSource(dense32(i.alpha)))),
  liquid_alpha_values_sparse: (i) =>
    denseRes(
      epoch.liquidAlphaValuesSparse(sparse32(i.weights), sparse32(i.bonds), vec32(i.consensus), liquidParams(i)),
    ),
};
