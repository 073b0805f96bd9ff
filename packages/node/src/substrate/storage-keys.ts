/**
 * Storage at Substrate keys: key = twox128(pallet) ‖ twox128(item) ‖ hasher(key part)…, value =
 * SCALE of the item's metadata type. A key is split back into its parts (every hasher used is
 * transparent: Identity or a Concat hasher), the item's description reads the value from Taonet's
 * state, and the value is encoded with the codec of the type the metadata announces.
 *
 * A Default item whose value is its default is absent, as in Substrate: the RPC answers null and
 * clients decode the metadata's default bytes.
 */
import { Blake2128, Blake2128Concat, Blake2256, Identity } from '@polkadot-api/substrate-bindings';
import { toHex, twox64, twox128, twox256 } from '@taonet/primitives';
import type { Hasher, PalletDef, StorageContext, StorageItemDef } from './pallet.js';
import { codecOf, type ScaleType } from './scale-type.js';

const utf8 = new TextEncoder();

const HASHERS: Readonly<Record<Hasher, (b: Uint8Array) => Uint8Array>> = {
  Blake2128,
  Blake2256,
  Blake2128Concat,
  // The primitives' twox: the same one the MEV shield's key hash uses.
  Twox128: twox128,
  Twox256: twox256,
  Twox64Concat: (b) => concatBytes(twox64(b), b),
  Identity,
};

/** Bytes a hasher puts before the raw key part (Concat hashers and Identity keep the raw part). */
const TRANSPARENT_PREFIX: Partial<Record<Hasher, number>> = { Blake2128Concat: 16, Twox64Concat: 8, Identity: 0 };

/** The fixed encoded size of a key type (key parts must have one, so a key can be split). */
export function fixedSize(t: ScaleType): number {
  switch (t.kind) {
    case 'primitive': {
      const sizes: Partial<Record<string, number>> = {
        bool: 1,
        u8: 1,
        i8: 1,
        u16: 2,
        i16: 2,
        u32: 4,
        i32: 4,
        u64: 8,
        i64: 8,
        u128: 16,
        i128: 16,
      };
      const s = sizes[t.prim];
      if (s === undefined) throw new Error(`key type ${t.prim} has no fixed size`);
      return s;
    }
    case 'array':
      return t.len * fixedSize(t.of);
    case 'tuple':
      return t.items.reduce((n, x) => n + fixedSize(x), 0);
    case 'composite':
      return t.fields.reduce((n, f) => n + fixedSize(f.type), 0);
    default:
      throw new Error(`key type ${t.kind} has no fixed size`);
  }
}

/** The storage key problem a caller can cause. */
export class StorageKeyError extends Error {
  override readonly name = 'StorageKeyError';
  constructor(
    readonly code: 'UnknownStorageItem' | 'BadStorageKeyLength',
    explanation: string,
    readonly hint?: string,
  ) {
    super(explanation);
  }
}

export interface IndexedItem {
  readonly pallet: string;
  readonly def: StorageItemDef;
  /** twox128(pallet) ‖ twox128(item). */
  readonly prefix: Uint8Array;
  readonly prefixHex: string;
  /** Expected total key length. */
  readonly keyLength: number;
}

export const concatBytes = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

export function itemPrefix(pallet: string, item: string): Uint8Array {
  return concatBytes(twox128(utf8.encode(pallet)), twox128(utf8.encode(item)));
}

/** The well-known key of the runtime code, which papi hashes to tell runtimes apart. */
export const CODE_KEY = '0x3a636f6465';

export class StorageIndex {
  private readonly byPrefix = new Map<string, IndexedItem>();
  readonly items: readonly IndexedItem[];

  constructor(pallets: readonly PalletDef[]) {
    const items: IndexedItem[] = [];
    for (const p of pallets) {
      for (const def of p.storage ?? []) {
        let keyLength = 32;
        for (const k of def.keys) {
          const transparent = TRANSPARENT_PREFIX[k.hasher];
          if (transparent === undefined)
            throw new Error(`${p.name}.${def.name}: hasher ${k.hasher} cannot be reversed`);
          keyLength += transparent + fixedSize(k.type);
        }
        const prefix = itemPrefix(p.name, def.name);
        const it: IndexedItem = { pallet: p.name, def, prefix, prefixHex: toHex(prefix), keyLength };
        this.byPrefix.set(it.prefixHex, it);
        items.push(it);
      }
    }
    // In key order, so that iteration over several items is in key order too.
    this.items = items.sort((a, b) => (a.prefixHex < b.prefixHex ? -1 : a.prefixHex > b.prefixHex ? 1 : 0));
  }

  item(pallet: string, name: string): IndexedItem | undefined {
    return this.items.find((i) => i.pallet === pallet && i.def.name === name);
  }

  /** The full key of an entry. */
  encodeKey(it: IndexedItem, args: readonly unknown[]): Uint8Array {
    const parts = it.def.keys.map((k, i) => HASHERS[k.hasher](codecOf(k.type).enc(args[i] as never)));
    return concatBytes(it.prefix, ...parts);
  }

  /** Splits a key into its item and key parts; throws StorageKeyError for keys no item can have. */
  decodeKey(key: Uint8Array): { item: IndexedItem; args: unknown[] } {
    const it = key.length >= 32 ? this.byPrefix.get(toHex(key.subarray(0, 32))) : undefined;
    if (it === undefined) {
      throw new StorageKeyError(
        'UnknownStorageItem',
        `no storage item has the prefix of ${toHex(key.subarray(0, 32))}`,
        'see the metadata for the items this node serves',
      );
    }
    if (key.length !== it.keyLength) {
      throw new StorageKeyError(
        'BadStorageKeyLength',
        `a ${it.pallet}.${it.def.name} key is ${it.keyLength} bytes, got ${key.length}`,
      );
    }
    const args: unknown[] = [];
    let o = 32;
    for (const k of it.def.keys) {
      o += TRANSPARENT_PREFIX[k.hasher] ?? 0;
      const n = fixedSize(k.type);
      // A copy: scale-ts decoders read a view from the start of its buffer.
      const raw = new Uint8Array(key.subarray(o, o + n));
      // A Concat hasher's digest must match the raw part, or the key was made up.
      if (
        k.hasher !== 'Identity' &&
        toHex(HASHERS[k.hasher](raw)) !== toHex(key.subarray(o - (TRANSPARENT_PREFIX[k.hasher] ?? 0), o + n))
      ) {
        throw new StorageKeyError(
          'UnknownStorageItem',
          `the ${k.hasher} digest in the key does not match its key part`,
        );
      }
      args.push(codecOf(k.type).dec(raw));
      o += n;
    }
    return { item: it, args };
  }

  /** The SCALE value at a key, or null when absent. */
  read(ctx: StorageContext, key: Uint8Array): Uint8Array | null {
    const { item, args } = this.decodeKey(key);
    const v = item.def.get(ctx, args);
    return v === undefined ? null : codecOf(item.def.value).enc(v as never);
  }

  /**
   * Present keys starting with `prefix`, in key order, after `startKey` (exclusive), at most
   * `count`. The prefix may be shorter than an item prefix (all items under it) or longer (a
   * partial key of one item).
   */
  keys(ctx: StorageContext, prefix: Uint8Array, count: number, startKey: Uint8Array | null): string[] {
    const pHex = toHex(prefix);
    const start = startKey === null ? null : toHex(startKey);
    const out: string[] = [];
    for (const it of this.items) {
      const overlap =
        pHex.length <= it.prefixHex.length ? it.prefixHex.startsWith(pHex) : pHex.startsWith(it.prefixHex);
      if (!overlap) continue;
      if (start !== null && it.prefixHex < start.slice(0, it.prefixHex.length)) continue;
      const found: string[] = [];
      if (it.def.keys.length === 0) {
        if (it.def.get(ctx, []) !== undefined) found.push(it.prefixHex);
      } else {
        for (const args of it.def.keysOf?.(ctx) ?? []) {
          const k = toHex(this.encodeKey(it, args));
          if (k.startsWith(pHex)) found.push(k);
        }
      }
      found.sort();
      for (const k of found) {
        if (start !== null && k <= start) continue;
        out.push(k);
        if (out.length >= count) return out;
      }
    }
    return out;
  }
}
