/**
 * A reusable dense scratch row with a list of touched columns. Row-wise operations that the
 * reference writes as "allocate a zero row of length n, fill, then scan" run here in time
 * proportional to the entries touched, which keeps a 4096-uid subnet's mostly empty rows cheap.
 */
export class ColumnAccumulator {
  readonly values: BigInt64Array;
  private readonly marked: Uint8Array;
  private readonly touched: Uint32Array;
  private count = 0;

  constructor(readonly width: number) {
    this.values = new BigInt64Array(width);
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
    return this.touched.subarray(0, this.count).sort();
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
