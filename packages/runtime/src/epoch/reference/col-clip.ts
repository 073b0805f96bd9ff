/** Clipping weights to consensus: the step that makes weight above consensus earn nothing. */
import { filterRow, mapRow, type SparseMatrix } from '../sparse-matrix.js';
import type { FixedVector } from '../vector.js';

/**
 * Entries above their column's threshold are cut to it, or dropped when the threshold is ≤ 0 (a
 * dropped entry is not the same as a zero one later on). A missing threshold counts as 0.
 */
export function colClipSparse(m: SparseMatrix, threshold: FixedVector): SparseMatrix {
  return m.map((row) => {
    const kept = filterRow(row, (j, v) => {
      const th = threshold[j] ?? 0n;
      return !(th < v && th <= 0n);
    });
    return mapRow(kept, (v, j) => {
      const th = threshold[j] ?? 0n;
      return th < v ? th : v;
    });
  });
}
