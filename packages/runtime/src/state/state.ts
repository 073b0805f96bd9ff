/**
 * The chain state: every storage item's entries, with a journal so that a failed extrinsic (or a
 * rejected block) is undone exactly. Writes record the previous value in the innermost open
 * frame; `revert` replays them backwards, `commit` hands them to the enclosing frame. Values are
 * treated as immutable: to change an array or record, write a new one.
 *
 * Iteration order. Every iteration the state offers (`entries`, `entriesWithPrefix`,
 * `allEntries`, `takeDirty`) is in key order (UTF-16 code units, as `Array.prototype.sort`), so
 * whatever a caller derives from it is deterministic. The key order of each item is cached and
 * only recomputed after a key was added or removed (not when a value changes). `removePrefix`
 * and the journal work in insertion order, which is safe because their result does not depend on
 * the order.
 *
 * Performance notes: the journal is one flat log with a stack of frame starts, so `commit` is
 * O(1) and `revert` O(writes undone); there is no journal at depth 0. Written keys are recorded
 * per item for `takeDirty` and for any `WriteWatcher` (the incremental invariant check).
 */
import type { StorageMap, StorageValue } from './storage.js';

const ABSENT: unique symbol = Symbol('absent');
type Prev = unknown | typeof ABSENT;

/** One item's entries, with a cache of its keys in order. */
class Table {
  /** The keys in order, or null after a key was added or removed. */
  sorted: string[] | null = null;
  constructor(
    readonly name: string,
    readonly map = new Map<string, unknown>(),
  ) {}

  sortedKeys(): string[] {
    if (this.sorted === null) this.sorted = [...this.map.keys()].sort();
    return this.sorted;
  }
}

/** Index of the first element of sorted `keys` that is >= `x`. */
function lowerBound(keys: readonly string[], x: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as string) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Collects the (item, key) pairs written since its last `take`, including writes later undone by
 * `revert` (the current value, or its absence, is what counts). `invalidated` is set when the
 * state changed without going through the journal (`rawLoad`): a consumer must then start over.
 */
export class WriteWatcher {
  private changed = new Map<string, Set<string>>();
  invalidated = false;

  mark(item: string, key: string): void {
    let keys = this.changed.get(item);
    if (keys === undefined) {
      keys = new Set();
      this.changed.set(item, keys);
    }
    keys.add(key);
  }

  /** The written keys by item name, and a fresh start. */
  take(): Map<string, Set<string>> {
    const c = this.changed;
    this.changed = new Map();
    return c;
  }
}

export class State {
  private readonly items = new Map<string, Table>();
  // The journal: one log of (table, key, previous value) for all open frames; `frames` holds the
  // log length at each checkpoint.
  private readonly jTable: Table[] = [];
  private readonly jKey: string[] = [];
  private readonly jPrev: Prev[] = [];
  private readonly frames: number[] = [];
  private readonly dirty = new WriteWatcher();
  private readonly watchers: WriteWatcher[] = [this.dirty];

  private table(name: string): Table {
    let t = this.items.get(name);
    if (t === undefined) {
      t = new Table(name);
      this.items.set(name, t);
    }
    return t;
  }

  private mark(item: string, key: string): void {
    const ws = this.watchers;
    for (let i = 0; i < ws.length; i++) (ws[i] as WriteWatcher).mark(item, key);
  }

  private write(item: string, key: string, value: unknown | typeof ABSENT): void {
    const t = this.table(item);
    const m = t.map;
    const prev = m.get(key);
    const had = prev !== undefined || m.has(key);
    if (this.frames.length > 0) {
      this.jTable.push(t);
      this.jKey.push(key);
      this.jPrev.push(had ? prev : ABSENT);
    }
    if (value === ABSENT) {
      if (had) {
        m.delete(key);
        t.sorted = null;
      }
    } else {
      m.set(key, value);
      if (!had) t.sorted = null;
    }
    this.mark(item, key);
  }

  get<K, V>(m: StorageMap<K, V>, k: K): V {
    const t = this.items.get(m.name);
    if (t === undefined) return m.fallback();
    const key = m.keyOf(k);
    const v = t.map.get(key);
    return v !== undefined || t.map.has(key) ? (v as V) : m.fallback();
  }

  has<K, V>(m: StorageMap<K, V>, k: K): boolean {
    return this.items.get(m.name)?.map.has(m.keyOf(k)) ?? false;
  }

  set<K, V>(m: StorageMap<K, V>, k: K, v: V): void {
    this.write(m.name, m.keyOf(k), m.isDefault(v) ? ABSENT : v);
  }

  remove<K, V>(m: StorageMap<K, V>, k: K): void {
    const key = m.keyOf(k);
    if (this.items.get(m.name)?.map.has(key)) this.write(m.name, key, ABSENT);
  }

  /** Removes an entry by its key string (for sweeping entries found by `entries`). */
  removeKey<K, V>(m: StorageMap<K, V>, key: string): void {
    if (this.items.get(m.name)?.map.has(key)) this.write(m.name, key, ABSENT);
  }

  /** Read-modify-write helper. */
  update<K, V>(m: StorageMap<K, V>, k: K, f: (v: V) => V): V {
    const v = f(this.get(m, k));
    this.set(m, k, v);
    return v;
  }

  value<V>(item: StorageValue<V>): V {
    const t = this.items.get(item.name);
    if (t === undefined) return item.fallback();
    const v = t.map.get('');
    return v !== undefined || t.map.has('') ? (v as V) : item.fallback();
  }

  put<V>(item: StorageValue<V>, v: V): void {
    this.write(item.name, '', item.isDefault(v) ? ABSENT : v);
  }

  /** Entries of a map item as (key string, value), in key order (deterministic). */
  entries<K, V>(m: StorageMap<K, V>): [string, V][] {
    const t = this.items.get(m.name);
    if (t === undefined) return [];
    const keys = t.sortedKeys();
    const out = new Array<[string, V]>(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      out[i] = [k, t.map.get(k) as V];
    }
    return out;
  }

  /** Entries whose key starts with `prefix`, in key order. */
  entriesWithPrefix<K, V>(m: StorageMap<K, V>, prefix: string): [string, V][] {
    const t = this.items.get(m.name);
    if (t === undefined) return [];
    const keys = t.sortedKeys();
    const out: [string, V][] = [];
    // Keys with the prefix form one run in key order, starting at the prefix's lower bound.
    for (let i = lowerBound(keys, prefix); i < keys.length; i++) {
      const k = keys[i] as string;
      if (!k.startsWith(prefix)) break;
      out.push([k, t.map.get(k) as V]);
    }
    return out;
  }

  /** Removes every entry of a map whose key starts with `prefix`. */
  removePrefix<K, V>(m: StorageMap<K, V>, prefix: string): void {
    const t = this.items.get(m.name);
    if (t === undefined) return;
    for (const k of [...t.map.keys()]) if (k.startsWith(prefix)) this.write(m.name, k, ABSENT);
  }

  /** Opens a journal frame. */
  checkpoint(): void {
    this.frames.push(this.jKey.length);
  }

  /** Keeps the innermost frame's writes (they join the enclosing frame, if any). */
  commit(): void {
    if (this.frames.pop() === undefined) throw new Error('commit without checkpoint');
    if (this.frames.length === 0) {
      // Nothing can undo these writes any more.
      this.jTable.length = 0;
      this.jKey.length = 0;
      this.jPrev.length = 0;
    }
  }

  /** Undoes the innermost frame's writes. */
  revert(): void {
    const start = this.frames.pop();
    if (start === undefined) throw new Error('revert without checkpoint');
    for (let i = this.jKey.length - 1; i >= start; i--) {
      const t = this.jTable[i] as Table;
      const key = this.jKey[i] as string;
      const prev = this.jPrev[i];
      const had = t.map.has(key);
      if (prev === ABSENT) {
        if (had) {
          t.map.delete(key);
          t.sorted = null;
        }
      } else {
        t.map.set(key, prev);
        if (!had) t.sorted = null;
      }
      this.mark(t.name, key);
    }
    this.jTable.length = start;
    this.jKey.length = start;
    this.jPrev.length = start;
  }

  /** Runs `fn` in a frame: its writes are kept if it returns, undone if it throws. */
  transactional<T>(fn: () => T): T {
    this.checkpoint();
    try {
      const r = fn();
      this.commit();
      return r;
    } catch (e) {
      this.revert();
      throw e;
    }
  }

  get depth(): number {
    return this.frames.length;
  }

  /**
   * The (item, key) pairs written since the last call, for the node's persistence and state-root
   * update, sorted by item then key. A reverted write may be listed; its current value (or
   * absence) is what counts.
   */
  takeDirty(): { item: string; key: string }[] {
    const changed = this.dirty.take();
    const out: { item: string; key: string }[] = [];
    for (const item of [...changed.keys()].sort()) {
      for (const key of [...(changed.get(item) as Set<string>)].sort()) out.push({ item, key });
    }
    return out;
  }

  /**
   * A watcher that collects every key written from now on (see WriteWatcher). It lives as long as
   * the state; `unwatch` stops it.
   */
  watchWrites(): WriteWatcher {
    const w = new WriteWatcher();
    this.watchers.push(w);
    return w;
  }

  unwatch(w: WriteWatcher): void {
    const i = this.watchers.indexOf(w);
    if (i > 0) this.watchers.splice(i, 1);
  }

  /** Raw access for persistence and hashing: the value stored at (item, key), if any. */
  rawGet(item: string, key: string): unknown | undefined {
    return this.items.get(item)?.map.get(key);
  }

  /** Raw write for loading persisted state (not journaled, not marked dirty). */
  rawLoad(item: string, key: string, value: unknown): void {
    const t = this.table(item);
    if (!t.map.has(key)) t.sorted = null;
    t.map.set(key, value);
    for (const w of this.watchers) if (w !== this.dirty) w.invalidated = true;
  }

  /** Every (item, key, value), sorted by item then key: the canonical order for hashing. */
  *allEntries(): Generator<[string, string, unknown]> {
    for (const name of [...this.items.keys()].sort()) {
      const t = this.items.get(name) as Table;
      for (const k of t.sortedKeys()) yield [name, k, t.map.get(k)];
    }
  }

  /** A deep-enough copy: tables are copied, values are shared (they are immutable). */
  clone(): State {
    if (this.frames.length > 0) throw new Error('cannot clone inside an open transaction');
    const s = new State();
    for (const [name, t] of this.items) {
      const c = new Table(name, new Map(t.map));
      c.sorted = t.sorted;
      s.items.set(name, c);
    }
    return s;
  }
}
