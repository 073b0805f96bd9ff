/**
 * The chain state: every storage item's entries, with a journal so that a failed extrinsic (or a
 * rejected block) is undone exactly. Writes record the previous value in the innermost open
 * frame; `revert` replays them backwards, `commit` hands them to the enclosing frame. Values are
 * treated as immutable: to change an array or record, write a new one.
 */
import type { StorageMap, StorageValue } from './storage.js';

const ABSENT: unique symbol = Symbol('absent');
type Prev = unknown | typeof ABSENT;

interface JournalEntry {
  readonly item: string;
  readonly key: string;
  readonly prev: Prev;
}

export class State {
  private readonly items = new Map<string, Map<string, unknown>>();
  private readonly frames: JournalEntry[][] = [];
  private dirty = new Set<string>();

  private table(name: string): Map<string, unknown> {
    let t = this.items.get(name);
    if (t === undefined) {
      t = new Map();
      this.items.set(name, t);
    }
    return t;
  }

  private write(item: string, key: string, value: unknown | typeof ABSENT): void {
    const t = this.table(item);
    const frame = this.frames[this.frames.length - 1];
    if (frame !== undefined) frame.push({ item, key, prev: t.has(key) ? t.get(key) : ABSENT });
    if (value === ABSENT) t.delete(key);
    else t.set(key, value);
    this.dirty.add(`${item}\u0000${key}`);
  }

  get<K, V>(m: StorageMap<K, V>, k: K): V {
    const t = this.items.get(m.name);
    const key = m.keyOf(k);
    return t?.has(key) ? (t.get(key) as V) : m.fallback();
  }

  has<K, V>(m: StorageMap<K, V>, k: K): boolean {
    return this.items.get(m.name)?.has(m.keyOf(k)) ?? false;
  }

  set<K, V>(m: StorageMap<K, V>, k: K, v: V): void {
    this.write(m.name, m.keyOf(k), m.isDefault(v) ? ABSENT : v);
  }

  remove<K, V>(m: StorageMap<K, V>, k: K): void {
    const key = m.keyOf(k);
    if (this.items.get(m.name)?.has(key)) this.write(m.name, key, ABSENT);
  }

  /** Removes an entry by its key string (for sweeping entries found by `entries`). */
  removeKey<K, V>(m: StorageMap<K, V>, key: string): void {
    if (this.items.get(m.name)?.has(key)) this.write(m.name, key, ABSENT);
  }

  /** Read-modify-write helper. */
  update<K, V>(m: StorageMap<K, V>, k: K, f: (v: V) => V): V {
    const v = f(this.get(m, k));
    this.set(m, k, v);
    return v;
  }

  value<V>(item: StorageValue<V>): V {
    const t = this.items.get(item.name);
    return t?.has('') ? (t.get('') as V) : item.fallback();
  }

  put<V>(item: StorageValue<V>, v: V): void {
    this.write(item.name, '', item.isDefault(v) ? ABSENT : v);
  }

  /** Entries of a map item as (key string, value), in key order (deterministic). */
  entries<K, V>(m: StorageMap<K, V>): [string, V][] {
    const t = this.items.get(m.name);
    if (t === undefined) return [];
    return [...t.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) as [string, V][];
  }

  /** Entries whose key starts with `prefix`, in key order. */
  entriesWithPrefix<K, V>(m: StorageMap<K, V>, prefix: string): [string, V][] {
    return this.entries(m).filter(([k]) => k.startsWith(prefix));
  }

  /** Removes every entry of a map whose key starts with `prefix`. */
  removePrefix<K, V>(m: StorageMap<K, V>, prefix: string): void {
    const t = this.items.get(m.name);
    if (t === undefined) return;
    for (const k of [...t.keys()]) if (k.startsWith(prefix)) this.write(m.name, k, ABSENT);
  }

  /** Opens a journal frame. */
  checkpoint(): void {
    this.frames.push([]);
  }

  /** Keeps the innermost frame's writes (they join the enclosing frame, if any). */
  commit(): void {
    const f = this.frames.pop();
    if (f === undefined) throw new Error('commit without checkpoint');
    const parent = this.frames[this.frames.length - 1];
    if (parent !== undefined) for (const e of f) parent.push(e);
  }

  /** Undoes the innermost frame's writes. */
  revert(): void {
    const f = this.frames.pop();
    if (f === undefined) throw new Error('revert without checkpoint');
    for (let i = f.length - 1; i >= 0; i--) {
      const e = f[i] as JournalEntry;
      const t = this.table(e.item);
      if (e.prev === ABSENT) t.delete(e.key);
      else t.set(e.key, e.prev);
    }
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
   * update. A reverted write may be listed; its current value (or absence) is what counts.
   */
  takeDirty(): { item: string; key: string }[] {
    const out = [...this.dirty].sort().map((s) => {
      const i = s.indexOf('\u0000');
      return { item: s.slice(0, i), key: s.slice(i + 1) };
    });
    this.dirty = new Set();
    return out;
  }

  /** Raw access for persistence and hashing: the value stored at (item, key), if any. */
  rawGet(item: string, key: string): unknown | undefined {
    return this.items.get(item)?.get(key);
  }

  /** Raw write for loading persisted state (not journaled, not marked dirty). */
  rawLoad(item: string, key: string, value: unknown): void {
    this.table(item).set(key, value);
  }

  /** Every (item, key, value), sorted by item then key: the canonical order for hashing. */
  *allEntries(): Generator<[string, string, unknown]> {
    for (const name of [...this.items.keys()].sort()) {
      const t = this.items.get(name) as Map<string, unknown>;
      for (const k of [...t.keys()].sort()) yield [name, k, t.get(k)];
    }
  }

  /** A deep-enough copy: tables are copied, values are shared (they are immutable). */
  clone(): State {
    if (this.frames.length > 0) throw new Error('cannot clone inside an open transaction');
    const s = new State();
    for (const [name, t] of this.items) s.items.set(name, new Map(t));
    return s;
  }
}
