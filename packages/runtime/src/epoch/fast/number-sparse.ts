/**
 * The sparse operations of the matrix stages on exact integer Number raws: each mirrors the BigInt
 * operation named in its comment, entry order, explicit zeros and duplicate columns included.
 *
 * Ranges (established by `fastStages`, which only runs on inputs that keep them): entries are
 * non-negative; every value that reaches `mulRaw` is at most 2^32 (proportions, stake, alpha); no
 * column sum reaches 2^53. Under them `mulRaw` and `divRaw` are exact and the reference's
 * saturating adds never saturate (all sums stay far below 2^63), so plain `+` gives its bits.
 * Operations that build a matrix build it in the scratch buffer `into`.
 */
import { divRaw, mulRaw, ONE_RAW } from '@taonet/primitives';
import type { AlphaSource } from '../bonds-ema.js';
import { NumColumnAccumulator } from '../column-accumulator.js';
import {
  EMPTY_NUM_ROW,
  entryCount,
  type NumMatrix,
  NumMatrixBuilder,
  type NumRow,
  unionCapacity,
} from './number-matrix.js';
import type { ScratchBuffer } from './scratch-buffer.js';

/** `colClipSparse` with a full-length threshold. */
export function colClipNum(m: NumMatrix, threshold: Float64Array, into: ScratchBuffer): NumMatrix {
  const out = new NumMatrixBuilder(entryCount(m), into);
  return m.map((row) => {
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      const v = row.vals[k] as number;
      const th = threshold[j] as number;
      if (th < v && th <= 0) continue;
      out.push(j, th < v ? th : v);
    }
    return out.endRow();
  });
}

/** `rowSumSparse`. */
export function rowSumNum(m: NumMatrix): Float64Array {
  const out = new Float64Array(m.length);
  m.forEach((row, i) => {
    let s = 0;
    for (let k = 0; k < row.vals.length; k++) s += row.vals[k] as number;
    out[i] = s;
  });
  return out;
}

/** `matmulSparse` over a full-length v and columns below `columns`. */
export function matmulNum(m: NumMatrix, v: Float64Array, columns: number): Float64Array {
  const out = new Float64Array(columns);
  m.forEach((row, i) => {
    const s = v[i] as number;
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      if (j < columns) out[j] = (out[j] as number) + mulRaw(s, row.vals[k] as number);
    }
  });
  return out;
}

/** `interpolateSparse` for matrices of equal row count and 0 < ratio < 1. */
export function interpolateNum(
  mat1: NumMatrix,
  mat2: NumMatrix,
  columns: number,
  ratio: number,
  into: ScratchBuffer,
): NumMatrix {
  const a = new NumColumnAccumulator(columns);
  const b = new Float64Array(columns);
  const out = new NumMatrixBuilder(unionCapacity(mat1, mat2, columns), into);
  return mat1.map((row1, i) => {
    const row2 = mat2[i] as NumRow;
    for (let k = 0; k < row1.cols.length; k++) {
      const j = row1.cols[k] as number;
      if (j >= columns) continue;
      a.touch(j);
      a.values[j] = row1.vals[k] as number;
    }
    for (let k = 0; k < row2.cols.length; k++) {
      const j = row2.cols[k] as number;
      if (j >= columns) continue;
      a.touch(j);
      b[j] = row2.vals[k] as number;
    }
    const cols = a.sortedColumns();
    for (let k = 0; k < cols.length; k++) {
      const j = cols[k] as number;
      const x = a.values[j] as number;
      const v = x + mulRaw(ratio, (b[j] as number) - x);
      if (v > 0) out.push(j, v);
      b[j] = 0;
    }
    a.reset();
    return out.endRow();
  });
}

/** `matEmaSparse` with 0 ≤ alpha ≤ 1. */
export function matEmaNum(next: NumMatrix, old: NumMatrix, alpha: number, into: ScratchBuffer): NumMatrix {
  const n = next.length;
  const oneMinus = ONE_RAW - alpha;
  const acc = new NumColumnAccumulator(n);
  const { values } = acc;
  const out = new NumMatrixBuilder(unionCapacity(next, old, n), into);
  return next.map((row, i) => {
    const prev = old[i] ?? EMPTY_NUM_ROW;
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      if (j >= n) continue;
      acc.touch(j);
      values[j] = (values[j] as number) + mulRaw(alpha, row.vals[k] as number);
    }
    for (let k = 0; k < prev.cols.length; k++) {
      const j = prev.cols[k] as number;
      if (j >= n) continue;
      acc.touch(j);
      values[j] = (values[j] as number) + mulRaw(oneMinus, prev.vals[k] as number);
    }
    const cols = acc.sortedColumns();
    for (let k = 0; k < cols.length; k++) {
      const j = cols[k] as number;
      const v = values[j] as number;
      if (v > 0) out.push(j, v);
    }
    acc.reset();
    return out.endRow();
  });
}

/** `matEmaAlphaSparse` for matrices of equal row count, with alphas in [0, 1]. */
export function matEmaAlphaNum(next: NumMatrix, old: NumMatrix, alpha: AlphaSource, into: ScratchBuffer): NumMatrix {
  let decayed = new Float64Array(0);
  const out = new NumMatrixBuilder(entryCount(next), into);
  return next.map((row, i) => {
    if (row.cols.length === 0) return EMPTY_NUM_ROW;
    const width = alpha.width(i);
    if (decayed.length < width) decayed = new Float64Array(width);
    const prev = old[i] as NumRow;
    for (let k = 0; k < prev.cols.length; k++) {
      const j = prev.cols[k] as number;
      if (j < width) decayed[j] = mulRaw(ONE_RAW - Number(alpha.get(i, j)), prev.vals[k] as number);
    }
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      if (j >= width) continue;
      // Entries are non-negative, so the reference's max(0, ·) is the product itself.
      const v = Math.min(ONE_RAW, (decayed[j] as number) + mulRaw(Number(alpha.get(i, j)), row.vals[k] as number));
      if (v > 0) out.push(j, v);
    }
    for (let k = 0; k < prev.cols.length; k++) {
      const j = prev.cols[k] as number;
      if (j < width) decayed[j] = 0;
    }
    return out.endRow();
  });
}

/** Divides, in place, entries of columns < `columns` by that column's non-zero divisor. */
function divideColumnsInPlace(m: NumMatrix, columns: number, by: Float64Array): NumMatrix {
  for (const row of m) {
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      if (j >= columns) continue;
      const d = by[j] as number;
      if (d !== 0) row.vals[k] = divRaw(row.vals[k] as number, d);
    }
  }
  return m;
}

function columnSums(m: NumMatrix, columns: number): Float64Array {
  const sums = new Float64Array(columns);
  for (const row of m) {
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      if (j < columns) sums[j] = (sums[j] as number) + (row.vals[k] as number);
    }
  }
  return sums;
}

/** `colNormalizeSparse`, in place: the caller owns m's value arrays. */
export function colNormalizeNumInPlace(m: NumMatrix, columns: number): NumMatrix {
  return divideColumnsInPlace(m, columns, columnSums(m, columns));
}

/** `colMaxUpscaleSparse`, in place: the caller owns m's value arrays. */
export function colMaxUpscaleNumInPlace(m: NumMatrix, columns: number): NumMatrix {
  const maxes = new Float64Array(columns);
  for (const row of m) {
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      if (j < columns && (row.vals[k] as number) > (maxes[j] as number)) maxes[j] = row.vals[k] as number;
    }
  }
  return divideColumnsInPlace(m, columns, maxes);
}

/**
 * `rowSumSparse(matVecMulSparse(colNormalizeSparse(m, v.length), v))` without building either
 * matrix: the zero products `matVecMulSparse` drops add nothing to the sums.
 */
export function normalizedRowDotNum(m: NumMatrix, v: Float64Array): Float64Array {
  const sums = columnSums(m, v.length);
  const out = new Float64Array(m.length);
  m.forEach((row, i) => {
    let acc = 0;
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      if (j >= v.length) continue;
      const d = sums[j] as number;
      const x = row.vals[k] as number;
      acc += mulRaw(d === 0 ? x : divRaw(x, d), v[j] as number);
    }
    out[i] = acc;
  });
  return out;
}

/** `rowHadamardSparse` with a full-length v. */
export function rowHadamardNum(m: NumMatrix, v: Float64Array, into: ScratchBuffer): NumMatrix {
  const vals = into.vals(entryCount(m));
  let at = 0;
  return m.map((row, i) => {
    const len = row.cols.length;
    if (len === 0) return EMPTY_NUM_ROW;
    const s = v[i] as number;
    const out = vals.subarray(at, at + len);
    for (let k = 0; k < len; k++) out[k] = mulRaw(s, row.vals[k] as number);
    at += len;
    return { cols: row.cols, vals: out };
  });
}

/** `matmulTransposeSparse` with a full-length v: Σ_j m_ij × v_j. */
export function matmulTransposeNum(m: NumMatrix, v: Float64Array): Float64Array {
  const out = new Float64Array(m.length);
  m.forEach((row, i) => {
    let acc = 0;
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      if (j < v.length) acc += mulRaw(v[j] as number, row.vals[k] as number);
    }
    out[i] = acc;
  });
  return out;
}
