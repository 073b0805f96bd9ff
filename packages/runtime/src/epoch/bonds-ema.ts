/** Exponential moving averages of bonds: the fixed-α form and the per-cell (liquid alpha) form. */
import { fixed64ToFixed32, fixed, I32, I64F64 } from '@taonet/primitives';
import { ColumnAccumulator } from './column-accumulator.js';
import { EMPTY_ROW, RowBuilder, type SparseMatrix } from './sparse-matrix.js';

/** α = 1 − bonds_moving_average / 1e6, the division done in I64F64 and floored to I32F32. */
export function bondsMovingAverageAlpha(bondsMovingAverage: bigint): bigint {
  const ratio = fixed.safeDiv(I64F64, bondsMovingAverage << 64n, 1_000_000n << 64n);
  return I32.satSub(I32.ONE, fixed64ToFixed32(ratio));
}

/**
 * `α × new + (1 − α) × old` per row, over columns < n where n is the number of rows (the reference
 * assumes a square matrix). Old bonds on columns with no new entry decay instead of vanishing.
 * Entries > 0 are kept, in column order.
 */
export function matEmaSparse(next: SparseMatrix, old: SparseMatrix, alpha: bigint): SparseMatrix {
  const n = next.length;
  const oneMinus = I32.satSub(I32.ONE, alpha);
  const acc = new ColumnAccumulator(n);
  const { values } = acc;
  return next.map((row, i) => {
    const prev = old[i] ?? EMPTY_ROW;
    if (row.cols.length === 0 && prev.cols.length === 0) return EMPTY_ROW;
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      if (j >= n) continue;
      acc.touch(j);
      values[j] = I32.satAdd(values[j] as bigint, I32.satMul(alpha, row.vals[k] as bigint));
    }
    for (let k = 0; k < prev.cols.length; k++) {
      const j = prev.cols[k] as number;
      if (j >= n) continue;
      acc.touch(j);
      values[j] = I32.satAdd(values[j] as bigint, I32.satMul(oneMinus, prev.vals[k] as bigint));
    }
    const cols = acc.sortedColumns();
    const out = new RowBuilder(cols.length);
    for (const j of cols) {
      const v = values[j] as bigint;
      if (v > 0n) out.push(j, v);
    }
    acc.reset();
    return out.finish();
  });
}

/** Per-cell EMA rates: `width(i)` is the length of alpha row i, `get(i, j)` its j-th entry. */
export interface AlphaSource {
  width(i: number): number;
  get(i: number, j: number): bigint;
}

export function denseAlphaSource(alpha: readonly BigInt64Array[]): AlphaSource {
  return {
    width: (i) => alpha[i]?.length ?? 0,
    get: (i, j) => (alpha[i] as BigInt64Array)[j] as bigint,
  };
}

/**
 * Liquid-alpha EMA: `min(1, (1 − a_ij) × old_ij + max(0, a_ij × new_ij))` for each entry of the
 * **new** row, in its order, kept when > 0. Bonds on columns absent from the new row are dropped,
 * not decayed (the on-chain sparse behaviour). A row-count mismatch returns `next` unchanged.
 */
export function matEmaAlphaSparse(next: SparseMatrix, old: SparseMatrix, alpha: AlphaSource): SparseMatrix {
  if (next.length !== old.length) return next;
  let decayed = new BigInt64Array(0);
  return next.map((row, i) => {
    if (row.cols.length === 0) return EMPTY_ROW;
    const width = alpha.width(i);
    if (decayed.length < width) decayed = new BigInt64Array(width);
    const prev = old[i] as SparseMatrix[number];
    for (let k = 0; k < prev.cols.length; k++) {
      const j = prev.cols[k] as number;
      if (j < width) decayed[j] = I32.satMul(I32.satSub(I32.ONE, alpha.get(i, j)), prev.vals[k] as bigint);
    }
    const out = new RowBuilder(row.cols.length);
    for (let k = 0; k < row.cols.length; k++) {
      const j = row.cols[k] as number;
      if (j >= width) continue;
      const buy = I32.max(0n, I32.satMul(alpha.get(i, j), row.vals[k] as bigint));
      const v = I32.min(I32.ONE, I32.satAdd(decayed[j] as bigint, buy));
      if (v > 0n) out.push(j, v);
    }
    for (let k = 0; k < prev.cols.length; k++) {
      const j = prev.cols[k] as number;
      if (j < width) decayed[j] = 0n;
    }
    return out.finish();
  });
}
