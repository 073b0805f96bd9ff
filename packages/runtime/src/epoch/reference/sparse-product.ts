/** Products between sparse matrices and vectors (ranks, validator trust, dividends). */
import { I32 } from '@taonet/primitives';
import { EMPTY_ROW, RowBuilder, type SparseMatrix } from '../sparse-matrix.js';
import type { FixedVector } from '../vector.js';

/** m_ij × v_j for j < len(v); zero products are dropped from the row. */
export function matVecMulSparse(m: SparseMatrix, v: FixedVector): SparseMatrix {
  return m.map((row) => {
    if (row.cols.length === 0) return EMPTY_ROW;
    const b = new RowBuilder(row.cols.length);
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      if (j >= v.length) continue;
      const p = I32.satMul(row.vals[k] as bigint, v[j] as bigint);
      if (p !== 0n) b.push(j, p);
    }
    return b.finish();
  });
}

/** Scales row i by v_i. Rows past len(v) are dropped, as a zip would. */
export function rowHadamardSparse(m: SparseMatrix, v: FixedVector): SparseMatrix {
  const rows = Math.min(m.length, v.length);
  const out: SparseMatrix = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const row = m[i] as SparseMatrix[number];
    const s = v[i] as bigint;
    if (row.cols.length === 0) {
      out[i] = EMPTY_ROW;
      continue;
    }
    const vals = new BigInt64Array(row.vals.length);
    for (let k = 0; k < vals.length; k++) vals[k] = I32.mul(row.vals[k] as bigint, s);
    out[i] = { cols: row.cols, vals };
  }
  return out;
}

/** Plain row sums. */
export function rowSumSparse(m: SparseMatrix): FixedVector {
  const out = new BigInt64Array(m.length);
  m.forEach((row, i) => {
    let s = 0n;
    for (const x of row.vals) s += x;
    out[i] = s;
  });
  return out;
}

/** r_j = Σ_i v_i × m_ij (saturating), for j < columns: ranks from weights and active stake. */
export function matmulSparse(m: SparseMatrix, v: FixedVector, columns: number): FixedVector {
  const out = new BigInt64Array(columns);
  const rows = Math.min(m.length, v.length);
  for (let i = 0; i < rows; i++) {
    const row = m[i] as SparseMatrix[number];
    const s = v[i] as bigint;
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      if (j < columns) out[j] = I32.satAdd(out[j] as bigint, I32.satMul(s, row.vals[k] as bigint));
    }
  }
  return out;
}

/** r_i = Σ_j m_ij × v_j (saturating); a missing v_j counts as 0. */
export function matmulTransposeSparse(m: SparseMatrix, v: FixedVector): FixedVector {
  const out = new BigInt64Array(m.length);
  m.forEach((row, i) => {
    let acc = 0n;
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      if (j < v.length) acc = I32.satAdd(acc, I32.satMul(v[j] as bigint, row.vals[k] as bigint));
    }
    out[i] = acc;
  });
  return out;
}
