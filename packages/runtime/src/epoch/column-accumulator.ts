/**
 * A reusable dense scratch row with a list of touched columns. Row-wise operations that the
 * reference writes as "allocate a zero row of length n, fill, then scan" run here in time
 * proportional to the entries touched, which keeps a 4096-uid subnet's mostly empty rows cheap.
 * The values are BigInt raws (`ColumnAccumulator`) or exact integer Number raws
 * (`NumColumnAccumulator`, for the fast kernel).
 */
class TouchedColumns {
  protected readonly marked: Uint8Array;
  protected readonly touched: Uint32Array;
  protected count = 0;

  constructor(readonly width: number) {
    this.marked = new Uint8Array(width);
    this.touched = new Uint32Array(width);
  }

  /** Marks column j as touched (idempotent) so it is visited by `sortedColumns`. */
  touch(j: number): void {
    if (this.marked[j] === 0) {
      this.marked[j] = 1;
      this.touched[this.count++] = j;
    }
  }

  /** Touched columns in ascending order. */
  sortedColumns(): Uint32Array {
    const out = this.touched.subarray(0, this.count);
    // A row touching a good share of the columns is cheaper to collect by one scan of the marks
    // than to sort.
    if (this.count * 16 < this.width) return out.sort();
    let k = 0;
    for (let j = 0; j < this.width; j++) if (this.marked[j] !== 0) this.touched[k++] = j;
    return out;
  }
}

export class ColumnAccumulator extends TouchedColumns {
  readonly values: BigInt64Array;

  constructor(width: number) {
    super(width);
    this.values = new BigInt64Array(width);
  }

  /** Zeroes the touched columns, ready for the next row. */
  reset(): void {
    for (let k = 0; k < this.count; k++) {
      const j = this.touched[k] as number;
      this.values[j] = 0n;
      this.marked[j] = 0;
    }
    this.count = 0;
  }
}

export class NumColumnAccumulator extends TouchedColumns {
  readonly values: Float64Array;

  constructor(width: number) {
    super(width);
    this.values = new Float64Array(width);
  }

  /** Zeroes the touched columns, ready for the next row. */
  reset(): void {
    for (let k = 0; k < this.count; k++) {
      const j = this.touched[k] as number;
      this.values[j] = 0;
      this.marked[j] = 0;
    }
    this.count = 0;
  }
}
