/**
 * Entry masks on sparse matrices. They drop entries (they never write zeros), which matters later:
 * an absent entry and an explicit zero behave differently in clipping and in the Yuma3 EMA.
 */
import { EMPTY_ROW, filterRow, type SparseMatrix } from '../sparse-matrix.js';

/** Masked rows become empty; a missing mask entry counts as masked. */
export function maskRowsSparse(mask: readonly boolean[], m: SparseMatrix): SparseMatrix {
  return m.map((row, i) => ((mask[i] ?? true) ? EMPTY_ROW : row));
}

/** Drops every (i, i) entry. */
export function maskDiagSparse(m: SparseMatrix): SparseMatrix {
  return m.map((row, i) => filterRow(row, (j) => j !== i));
}

/** Drops every (i, i) entry except (k, k): the subnet owner may weight itself. */
export function maskDiagSparseExceptIndex(m: SparseMatrix, k: number): SparseMatrix {
  return m.map((row, i) => (i === k ? row : filterRow(row, (j) => j !== i)));
}

export type MaskFn = (a: bigint, b: bigint) => boolean;

export const MASK_FNS: Readonly<Record<string, MaskFn>> = {
  eq: (a, b) => a === b,
  lt: (a, b) => a < b,
  le: (a, b) => a <= b,
};

/** Drops (i, j) when `f(first_i, second_j)`; a missing element counts as 0. */
export function vecMaskSparseMatrix(
  m: SparseMatrix,
  first: readonly bigint[],
  second: readonly bigint[],
  f: MaskFn,
): SparseMatrix {
  return m.map((row, i) => {
    const a = first[i] ?? 0n;
    return filterRow(row, (j) => !f(a, second[j] ?? 0n));
  });
}

/** Drops (i, j) when `f(scalar, vector_j)`; a missing element counts as 0. */
export function scalarVecMaskSparseMatrix(
  m: SparseMatrix,
  scalar: bigint,
  vector: readonly bigint[],
  f: MaskFn,
): SparseMatrix {
  return m.map((row) => filterRow(row, (j) => !f(scalar, vector[j] ?? 0n)));
}
