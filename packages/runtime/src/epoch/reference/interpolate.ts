/** Interpolation between weights and clipped weights by the bonds penalty β. */
import { I32 } from '@taonet/primitives';
import { ColumnAccumulator } from '../column-accumulator.js';
import { RowBuilder, type SparseMatrix } from '../sparse-matrix.js';

/**
 * `a + ratio × (b − a)` per entry, over columns < `columns` (absent = 0), keeping entries > 0 in
 * column order. Ratio 0 and 1 return an input untouched (explicit zeros and storage order
 * included), and a row-count mismatch returns `mat2`, as the reference does.
 */
export function interpolateSparse(
  mat1: SparseMatrix,
  mat2: SparseMatrix,
  columns: number,
  ratio: bigint,
): SparseMatrix {
  if (ratio === 0n) return mat1;
  if (ratio === I32.ONE) return mat2;
  if (mat1.length !== mat2.length) return mat2;
  const a = new ColumnAccumulator(columns);
  const b = new ColumnAccumulator(columns);
  return mat1.map((row1, i) => {
    const row2 = mat2[i] as SparseMatrix[number];
    for (let k = 0; k < row1.cols.length; k++) {
      const j = row1.cols[k] as number;
      if (j >= columns) continue;
      a.touch(j);
      a.values[j] = row1.vals[k] as bigint;
    }
    for (let k = 0; k < row2.cols.length; k++) {
      const j = row2.cols[k] as number;
      if (j >= columns) continue;
      a.touch(j);
      b.values[j] = row2.vals[k] as bigint;
    }
    const cols = a.sortedColumns();
    const out = new RowBuilder(cols.length);
    for (const j of cols) {
      const x = a.values[j] as bigint;
      const y = b.values[j] as bigint;
      const v = I32.satAdd(x, I32.satMul(ratio, I32.satSub(y, x)));
      if (v > 0n) out.push(j, v);
      b.values[j] = 0n;
    }
    a.reset();
    return out.finish();
  });
}
