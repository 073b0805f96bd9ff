/**
 * Sparse matrices as the reference stores them: one list per row of (column, I32F32 raw) pairs, in
 * storage order. Order and explicit zero entries are meaningful (see docs/spec/yuma.md, "entry-set
 * semantics"), so no helper here sorts or drops entries unless the reference does.
 */
export interface SparseRow {
  readonly cols: Uint32Array;
  readonly vals: BigInt64Array;
}

export type SparseMatrix = SparseRow[];

/** A u16 row as stored on chain (weights, bonds): uids and values, in storage order. */
export interface U16Row {
  readonly cols: Uint16Array;
  readonly vals: Uint16Array;
}

export const EMPTY_ROW: SparseRow = Object.freeze({ cols: new Uint32Array(0), vals: new BigInt64Array(0) });

export function emptyMatrix(rows: number): SparseMatrix {
  return Array.from({ length: rows }, () => EMPTY_ROW);
}

/**
 * Appends entries into preallocated buffers and hands out views, so building a row costs two
 * allocations whatever its length.
 */
export class RowBuilder {
  private cols: Uint32Array;
  private vals: BigInt64Array;
  private len = 0;

  constructor(capacity: number) {
    this.cols = new Uint32Array(capacity);
    this.vals = new BigInt64Array(capacity);
  }

  push(col: number, val: bigint): void {
    this.cols[this.len] = col;
    this.vals[this.len] = val;
    this.len++;
  }

  finish(): SparseRow {
    if (this.len === 0) return EMPTY_ROW;
    return { cols: this.cols.subarray(0, this.len), vals: this.vals.subarray(0, this.len) };
  }
}

/** Builds a row from parallel lists. */
export function sparseRow(cols: ArrayLike<number>, vals: ArrayLike<bigint>): SparseRow {
  if (cols.length === 0) return EMPTY_ROW;
  return { cols: Uint32Array.from(cols), vals: BigInt64Array.from(Array.from(vals)) };
}

/** Keeps the entries for which `keep(col, val)` holds, preserving order. */
export function filterRow(row: SparseRow, keep: (col: number, val: bigint) => boolean): SparseRow {
  const { cols, vals } = row;
  let all = true;
  for (let k = 0; k < cols.length; k++) {
    if (!keep(cols[k] as number, vals[k] as bigint)) {
      all = false;
      break;
    }
  }
  if (all) return row;
  const b = new RowBuilder(cols.length);
  for (let k = 0; k < cols.length; k++) {
    const c = cols[k] as number;
    const v = vals[k] as bigint;
    if (keep(c, v)) b.push(c, v);
  }
  return b.finish();
}

/** Applies `f` to every value of a row, keeping columns and order. */
export function mapRow(row: SparseRow, f: (val: bigint, col: number) => bigint): SparseRow {
  const n = row.cols.length;
  if (n === 0) return EMPTY_ROW;
  const vals = new BigInt64Array(n);
  for (let k = 0; k < n; k++) vals[k] = f(row.vals[k] as bigint, row.cols[k] as number);
  return { cols: row.cols, vals };
}
