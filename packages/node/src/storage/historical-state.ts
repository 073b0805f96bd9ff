/**
 * A read-only view of the state at an earlier block, with the runtime State's read methods
 * (`get`, `value`, `entries`), served from lmdb: the state history for entries changed since,
 * the committed state for the rest. Each read is one or two lmdb lookups; nothing is copied.
 */
import { decodeValue } from '@taonet/primitives';
import type { State, StorageMap, StorageValue } from '@taonet/runtime';
import type { ChainStore } from './chain-store.js';

export class HistoricalState implements Pick<State, 'get' | 'value' | 'entries'> {
  constructor(
    private readonly store: ChainStore,
    readonly at: bigint,
  ) {}

  private raw(item: string, key: string): unknown | undefined {
    const b = this.store.stateAt(item, key, this.at);
    return b === undefined ? undefined : decodeValue(b);
  }

  get<K, V>(m: StorageMap<K, V>, k: K): V {
    const v = this.raw(m.name, m.keyOf(k));
    return v === undefined ? m.fallback() : (v as V);
  }

  value<V>(item: StorageValue<V>): V {
    const v = this.raw(item.name, '');
    return v === undefined ? item.fallback() : (v as V);
  }

  entries<K, V>(m: StorageMap<K, V>): [string, V][] {
    return this.store.stateKeysAt(m.name, this.at).map((k) => [k, this.raw(m.name, k) as V]);
  }
}
