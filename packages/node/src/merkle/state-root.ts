/**
 * The state root: a bucketed binary Merkle tree over every (item, key) → value of the state.
 * Entries fall into 4096 buckets by the first 12 bits of their key hash; a bucket hashes its
 * entries sorted by key hash; a binary tree over the bucket hashes gives the root. Updating a few
 * entries rehashes only their buckets and the 12 levels above them, so a block costs time in
 * proportion to what it changed, not to the size of the state.
 */
import { concatBytes, encodeValue, toHex } from '@taonet/primitives';
import { hash256 } from '../crypto.js';

const DEPTH = 12;
const BUCKETS = 1 << DEPTH;
const EMPTY = new Uint8Array(32);
const utf8 = new TextEncoder();

const hex = (b: Uint8Array): string => toHex(b).slice(2);

/** The hash identifying an entry: blake2b-256(item ‖ 0x00 ‖ key). */
export function entryKeyHash(item: string, key: string): Uint8Array {
  return hash256(concatBytes(utf8.encode(item), new Uint8Array([0]), utf8.encode(key)));
}

export class StateRoot {
  /** Per bucket: key-hash hex → leaf hash (blake2b of key hash ‖ value hash). */
  private readonly buckets: Map<string, Uint8Array>[] = Array.from({ length: BUCKETS }, () => new Map());
  /** tree[level][index]; level 0 holds bucket hashes, level DEPTH the root. */
  private readonly tree: Uint8Array[][] = Array.from({ length: DEPTH + 1 }, (_, l) =>
    Array.from({ length: BUCKETS >> l }, () => EMPTY),
  );
  private readonly dirty = new Set<number>();

  constructor() {
    for (let l = 1; l <= DEPTH; l++) {
      const below = this.tree[l - 1] as Uint8Array[];
      const level = this.tree[l] as Uint8Array[];
      for (let i = 0; i < level.length; i++)
        level[i] = hash256(concatBytes(below[2 * i] as Uint8Array, below[2 * i + 1] as Uint8Array));
    }
  }

  /** Sets (or, with `undefined`, removes) one entry. */
  update(item: string, key: string, value: unknown): void {
    this.updateEncoded(item, key, value === undefined ? undefined : encodeValue(value));
  }

  /** `update` with the value already in its canonical encoding. */
  updateEncoded(item: string, key: string, encoded: Uint8Array | undefined): void {
    const kh = entryKeyHash(item, key);
    const bucket = (((kh[0] as number) << 4) | ((kh[1] as number) >> 4)) & (BUCKETS - 1);
    const b = this.buckets[bucket] as Map<string, Uint8Array>;
    const id = hex(kh);
    if (encoded === undefined) b.delete(id);
    else b.set(id, hash256(concatBytes(kh, hash256(encoded))));
    this.dirty.add(bucket);
  }

  root(): Uint8Array {
    if (this.dirty.size > 0) {
      const level0 = this.tree[0] as Uint8Array[];
      let touched = new Set<number>();
      for (const i of this.dirty) {
        const b = this.buckets[i] as Map<string, Uint8Array>;
        if (b.size === 0) level0[i] = EMPTY;
        else {
          const ids = [...b.keys()].sort();
          level0[i] = hash256(concatBytes(...ids.map((id) => b.get(id) as Uint8Array)));
        }
        touched.add(i >> 1);
      }
      this.dirty.clear();
      for (let l = 1; l <= DEPTH; l++) {
        const below = this.tree[l - 1] as Uint8Array[];
        const level = this.tree[l] as Uint8Array[];
        const next = new Set<number>();
        for (const i of touched) {
          level[i] = hash256(concatBytes(below[2 * i] as Uint8Array, below[2 * i + 1] as Uint8Array));
          next.add(i >> 1);
        }
        touched = next;
      }
    }
    return (this.tree[DEPTH] as Uint8Array[])[0] as Uint8Array;
  }
}
