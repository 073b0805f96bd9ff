/**
 * State history: what each state entry held before a block changed it, so that state can be read
 * at an earlier block without keeping a copy of the state per block.
 *
 * Layout (two lmdb sub-databases, written in the block's own transaction):
 *   history   entry key ‖ u64 BE block number → 0x00 (the entry was absent) | 0x01 ‖ encoded value
 *             (the entry's value *before* that block)
 *   historyix u64 BE block number ‖ entry key → empty (which entries a block changed, for pruning)
 *
 * Reading entry E at block B: the first history record of E with a block number above B holds E's
 * value at B; if there is none, E has not changed since B and the current value is the answer.
 * That is one lmdb range seek per entry, independent of how old B is, and the head's reads and
 * writes never look at history (a commit pays one extra get and put per changed entry).
 *
 * Pruning: with `keep = N`, the records of block h − N + 1 are deleted when block h is committed,
 * so reads work at the last N blocks; `archive` keeps every record. `meta.historyFrom` is the
 * oldest block whose state can be read (records before it were pruned or never written).
 */
import type { Database } from 'lmdb';

export type StatePruning = number | 'archive';

/** Substrate's default: the last 256 blocks. */
export const DEFAULT_STATE_PRUNING: StatePruning = 256;

const ABSENT = new Uint8Array([0]);

function u64be(n: bigint): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, n, false);
  return b;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

export class StateHistory {
  constructor(
    private readonly history: Database<Uint8Array, Uint8Array>,
    private readonly index: Database<Uint8Array, Uint8Array>,
    readonly pruning: StatePruning,
  ) {}

  /** Inside the block's transaction: entry `key` held `prev` (undefined: absent) before block `n`. */
  record(n: bigint, key: Uint8Array, prev: Uint8Array | undefined): void {
    const v = prev === undefined ? ABSENT : concat(new Uint8Array([1]), prev);
    this.history.put(concat(key, u64be(n)), v);
    this.index.put(concat(u64be(n), key), new Uint8Array(0));
  }

  /**
   * Inside the transaction of block `head`: deletes the records no read window needs any more.
   * Returns the new oldest readable block, or null when nothing was pruned.
   */
  prune(head: bigint): bigint | null {
    if (this.pruning === 'archive') return null;
    const p = head - BigInt(this.pruning) + 1n;
    if (p < 1n) return null;
    const start = u64be(p);
    const end = u64be(p + 1n);
    for (const { key } of this.index.getRange({ start, end })) {
      const k = new Uint8Array(key);
      this.history.remove(concat(k.subarray(8), start));
      this.index.remove(k);
    }
    return p;
  }

  /**
   * The encoded value of entry `key` at block `at`: the bytes, null (absent), or undefined when
   * the entry has not changed since (read the current value).
   */
  valueAt(key: Uint8Array, at: bigint): Uint8Array | null | undefined {
    const start = concat(key, u64be(at + 1n));
    const end = concat(key, u64be(0xffff_ffff_ffff_ffffn));
    for (const { key: found, value } of this.history.getRange({ start, end, limit: 1 })) {
      // A longer entry key that starts with this one sorts here too: it is not this entry.
      if (found.length !== key.length + 8) return undefined;
      const v = new Uint8Array(value);
      return v[0] === 0 ? null : v.subarray(1);
    }
    return undefined;
  }

  /** Entry keys under `prefix` that changed after block `at` (they may have existed at `at`). */
  *changedSince(prefix: Uint8Array, at: bigint): Generator<Uint8Array> {
    const end = concat(prefix, new Uint8Array([0xff, 0xff, 0xff, 0xff]));
    let last: string | null = null;
    for (const { key } of this.history.getRange({ start: prefix, end })) {
      const k = new Uint8Array(key);
      const entry = k.subarray(0, k.length - 8);
      const n = new DataView(k.buffer, k.byteOffset + k.length - 8, 8).getBigUint64(0, false);
      if (n <= at) continue;
      const id = Buffer.from(entry).toString('latin1');
      if (id === last) continue;
      last = id;
      yield entry;
    }
  }
}
