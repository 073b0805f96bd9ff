/** Row and column normalisation of sparse matrices. Explicit zero entries are kept. */
import { I32 } from '@taonet/primitives';
import { EMPTY_ROW, type SparseMatrix, type SparseRow } from '../sparse-matrix.js';

/** Divides every row whose sum is > 0 by that sum. */
export function rowNormalizeSparse(m: SparseMatrix): SparseMatrix {
  return m.map((row) => {
    let s = 0n;
    for (const v of row.vals) s += v;
    if (s <= 0n) return row;
    const vals = new BigInt64Array(row.vals.length);
    for (let k = 0; k < vals.length; k++) vals[k] = I32.safeDiv(row.vals[k] as bigint, s);
    return { cols: row.cols, vals };
  });
}

function divideColumns(m: SparseMatrix, columns: number, by: BigInt64Array): SparseMatrix {
  return m.map((row): SparseRow => {
    if (row.cols.length === 0) return EMPTY_ROW;
    const vals = new BigInt64Array(row.vals);
    for (let k = 0; k < vals.length; k++) {
      const j = row.cols[k] as number;
      if (j >= columns) continue;
      const d = by[j] as bigint;
      if (d !== 0n) vals[k] = I32.safeDiv(vals[k] as bigint, d);
    }
    return { cols: row.cols, vals };
  });
}

/** Divides entries by their column sum (columns < `columns`, where the sum is non-zero). */
export function colNormalizeSparse(m: SparseMatrix, columns: number): SparseMatrix {
  const sums = new BigInt64Array(columns);
  for (const row of m) {
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      if (j < columns) sums[j] = (sums[j] as bigint) + (row.vals[k] as bigint);
    }
  }
  return divideColumns(m, columns, sums);
}

/** Divides entries by their column maximum, where that maximum is non-zero. */
export function colMaxUpscaleSparse(m: SparseMatrix, columns: number): SparseMatrix {
  const maxes = new BigInt64Array(columns);
  for (const row of m) {
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      if (j < columns && (row.vals[k] as bigint) > (maxes[j] as bigint)) maxes[j] = row.vals[k] as bigint;
    }
  }
  return divideColumns(m, columns, maxes);
}
