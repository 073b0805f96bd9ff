/**
 * A pair of typed buffers the fast kernel keeps from one epoch to the next for an intermediate
 * that never leaves it. A 4096-uid epoch would otherwise allocate tens of megabytes of short-lived
 * typed arrays, and the collector's work on them (concurrent marking on a two-core machine)
 * costs more than the arithmetic. A buffer holds one live intermediate at a time: whatever is
 * built in it must be dead, or copied out, before the buffer is taken again.
 */
export class ScratchBuffer {
  private colBuf = new Uint32Array(0);
  private valBuf = new Float64Array(0);

  /** Column storage for at least `size` entries; contents are stale. */
  cols(size: number): Uint32Array {
    if (this.colBuf.length < size) this.colBuf = new Uint32Array(size);
    return this.colBuf;
  }

  /** Value storage for at least `size` entries; contents are stale. */
  vals(size: number): Float64Array {
    if (this.valBuf.length < size) this.valBuf = new Float64Array(size);
    return this.valBuf;
  }
}
