/**
 * Typed storage declarations. Every piece of chain state is a named item: a single value, or a
 * map from a key to a value. Keys become strings through the item's `keyOf`, so the whole state
 * is (item name, key string) → value, which the store journals and the node persists and hashes.
 *
 * A value equal to the item's default is not stored: reading a missing key yields the default, so
 * state stays canonical (no "explicit default" entries that would change the state root).
 */
export interface StorageMap<K, V> {
  readonly kind: 'map';
  readonly name: string;
  readonly keyOf: (k: K) => string;
  readonly fallback: () => V;
  readonly isDefault: (v: V) => boolean;
}

export interface StorageValue<V> {
  readonly kind: 'value';
  readonly name: string;
  readonly fallback: () => V;
  readonly isDefault: (v: V) => boolean;
}

export interface AnyItem {
  readonly kind: 'map' | 'value';
  readonly name: string;
}

function defaultTest<V>(fallback: () => V): (v: V) => boolean {
  const d = fallback();
  if (typeof d === 'bigint' || typeof d === 'number' || typeof d === 'boolean' || typeof d === 'string' || d === null) {
    return (v) => v === d;
  }
  if (Array.isArray(d) && d.length === 0) return (v) => Array.isArray(v) && v.length === 0;
  return () => false;
}

const REGISTRY = new Map<string, AnyItem>();

function register<T extends AnyItem>(item: T): T {
  if (REGISTRY.has(item.name)) throw new Error(`storage item '${item.name}' declared twice`);
  REGISTRY.set(item.name, item);
  return item;
}

/** Declares a map item. `fallback` is what a missing key reads as. */
export function storageMap<K, V>(
  name: string,
  keyOf: (k: K) => string,
  fallback: () => V,
  isDefault: (v: V) => boolean = defaultTest(fallback),
): StorageMap<K, V> {
  return register<StorageMap<K, V>>({ kind: 'map', name, keyOf, fallback, isDefault });
}

export function storageValue<V>(name: string, fallback: () => V): StorageValue<V> {
  return register<StorageValue<V>>({ kind: 'value', name, fallback, isDefault: defaultTest(fallback) });
}

/** Every declared item, by name. */
export function storageItems(): ReadonlyMap<string, AnyItem> {
  return REGISTRY;
}

// Common key encoders.
export const byNetuid = (n: number): string => String(n);
export const byAccount = (a: string): string => a;
export const byNetuidAccount = ([n, a]: readonly [number, string]): string => `${n}/${a}`;
export const byNetuidUid = ([n, u]: readonly [number, number]): string => `${n}/${u}`;
export const byAccountNetuid = ([a, n]: readonly [string, number]): string => `${a}/${n}`;
