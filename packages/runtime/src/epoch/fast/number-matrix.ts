/**
 * The fast kernel's working form of vectors and sparse matrices: I32F32 raws as exact integer
 * Numbers (|x| < 2^53, see `number-raw.ts` in primitives), in the same layout and with the same
 * entry-set semantics as `FixedVector` and `SparseMatrix`. Conversions to and from the BigInt
 * forms are exact.
 */
import type { ScratchBuffer } from './scratch-buffer.js';
import { EMPTY_ROW, type SparseMatrix } from '../sparse-matrix.js';
import type { FixedVector } from '../vector.js';

export interface NumRow {
  readonly cols: Uint32Array;
  readonly vals: Float64Array;
}

export type NumMatrix = NumRow[];

export const EMPTY_NUM_ROW: NumRow = Object.freeze({ cols: new Uint32Array(0), vals: new Float64Array(0) });

/** Builds a matrix row by row into one pair of buffers that the rows view. */
export class NumMatrixBuilder {
  private readonly cols: Uint32Array;
  private readonly vals: Float64Array;
  private start = 0;
  private end = 0;

  /** `capacity` bounds the total number of entries pushed; the rows live in `buffer`. */
  constructor(capacity: number, buffer: ScratchBuffer) {
    this.cols = buffer.cols(capacity);
    this.vals = buffer.vals(capacity);
  }

  push(col: number, val: number): void {
    this.cols[this.end] = col;
    this.vals[this.end++] = val;
  }

  /** The entries pushed since the previous row, as a row. */
  endRow(): NumRow {
    const { start, end } = this;
    this.start = end;
    if (start === end) return EMPTY_NUM_ROW;
    return { cols: this.cols.subarray(start, end), vals: this.vals.subarray(start, end) };
  }
}

/** Total entries of a list of rows: the capacity for a matrix derived entry by entry. */
export function entryCount(rows: readonly { readonly cols: ArrayLike<number> }[]): number {
  let total = 0;
  for (const row of rows) total += row.cols.length;
  return total;
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const TWO_32 = 4294967296;

/**
 * Writes integer Numbers (|x| < 2^53) into `dst` from position `at`. On little-endian hosts each
 * value goes in as its two 32-bit words, so no BigInt is allocated: a typed-array store reduces
 * the low word modulo 2^32 exactly, and the high word floor(x / 2^32) is an exact Int32.
 */
function writeRaws(src: ArrayLike<number>, dst: BigInt64Array, at: number): void {
  if (!LITTLE_ENDIAN) {
    for (let k = 0; k < src.length; k++) dst[at + k] = BigInt(src[k] as number);
    return;
  }
  const words = new Int32Array(dst.buffer, dst.byteOffset + at * 8, src.length * 2);
  for (let k = 0; k < src.length; k++) {
    const x = src[k] as number;
    words[2 * k] = x;
    words[2 * k + 1] = Math.floor(x / TWO_32);
  }
}

export function toFixedVector(v: ArrayLike<number>): FixedVector {
  const out = new BigInt64Array(v.length);
  writeRaws(v, out, 0);
  return out;
}

/** The vector as Numbers, or null when an element lies outside [lo, hi] (the caller's proven range). */
export function toNumberVector(v: ArrayLike<bigint>, lo: number, hi: number): Float64Array | null {
  const out = new Float64Array(v.length);
  const l = BigInt(lo);
  const h = BigInt(hi);
  for (let i = 0; i < v.length; i++) {
    const x = v[i] as bigint;
    if (x < l || x > h) return null;
    out[i] = Number(x);
  }
  return out;
}

/** Entries of a row-by-row union of two matrices over `width` columns: at most `width` per row. */
export function unionCapacity(a: NumMatrix, b: NumMatrix, width: number): number {
  let total = 0;
  a.forEach((row, i) => {
    total += Math.min(width, row.cols.length + (b[i]?.cols.length ?? 0));
  });
  return total;
}

/** The BigInt form, in fresh buffers (the rows may live in scratch buffers). */
export function toSparseMatrix(m: NumMatrix): SparseMatrix {
  const total = entryCount(m);
  const cols = new Uint32Array(total);
  const vals = new BigInt64Array(total);
  let at = 0;
  return m.map((row) => {
    const len = row.cols.length;
    if (len === 0) return EMPTY_ROW;
    cols.set(row.cols, at);
    writeRaws(row.vals, vals, at);
    at += len;
    return { cols: cols.subarray(at - len, at), vals: vals.subarray(at - len, at) };
  });
}
