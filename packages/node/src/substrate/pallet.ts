/**
 * How a pallet is described: its calls, storage items (with where each value comes from in
 * Taonet's state), events, errors and constants, side by side. `runtime-description.ts` lists the
 * pallets; the metadata, the storage keys and the storage reads are all derived from these
 * descriptions, so they cannot disagree.
 */
import type { AccountId } from '@taonet/primitives';
import { accountFromBytes, accountToBytes } from '@taonet/primitives';
import type { State } from '@taonet/runtime';
import type { DigestItem } from '@taonet/primitives/substrate';
import type { BlockEvents } from './event-records.js';
import type { Field, ScaleType, VariantDef } from './scale-type.js';

/** What a storage read needs from the chain at one block. */
export interface StorageContext {
  /** The runtime state at that block (the head's, or a historical view of it). */
  readonly state: Pick<State, 'get' | 'value' | 'entries'>;
  /** The block the state is at. */
  readonly number: bigint;
  /** Hash of an earlier block, for System.BlockHash. */
  readonly blockHash: (n: bigint) => Uint8Array | null;
  /** A block's results and tips, for System.Events. */
  readonly blockEvents: (n: bigint) => BlockEvents | null;
  /** A block's digest logs as its runtime left them (pre-runtime items; the seal comes after). */
  readonly blockDigest: (n: bigint) => readonly DigestItem[];
}

export type Hasher =
  | 'Blake2128'
  | 'Blake2256'
  | 'Blake2128Concat'
  | 'Twox128'
  | 'Twox256'
  | 'Twox64Concat'
  | 'Identity';

export interface StorageKeyDef {
  readonly hasher: Hasher;
  /** A fixed-size type (its byte length is what lets a key be split back into its parts). */
  readonly type: ScaleType;
}

export interface StorageItemDef {
  readonly name: string;
  readonly docs: readonly string[];
  /** Optional (absent = None) or Default (absent = `fallback`). */
  readonly modifier: 'Optional' | 'Default';
  /** Empty for a plain value; one entry per key of a map, double map or n-map. */
  readonly keys: readonly StorageKeyDef[];
  readonly value: ScaleType;
  /** For Default items: what an absent key reads as (clients decode it from the metadata). */
  readonly fallback?: unknown;
  /** The value at `keys`, or undefined when absent (the RPC then answers null). */
  readonly get: (ctx: StorageContext, keys: readonly unknown[]) => unknown;
  /** Every present key, for key iteration (maps only). */
  readonly keysOf?: (ctx: StorageContext) => unknown[][];
}

export interface CallDef {
  readonly index: number;
  readonly name: string;
  readonly args: readonly Field[];
  readonly docs?: readonly string[];
}

export interface ConstantDef {
  readonly name: string;
  readonly type: ScaleType;
  readonly value: unknown;
  readonly docs?: readonly string[];
}

export interface PalletDef {
  readonly name: string;
  readonly index: number;
  readonly docs?: readonly string[];
  readonly calls?: readonly CallDef[];
  readonly storage?: readonly StorageItemDef[];
  readonly events?: readonly VariantDef[];
  readonly errors?: readonly VariantDef[];
  readonly constants?: readonly ConstantDef[];
}

// ---- helpers for descriptions ----------------------------------------------------------------

export const acct = (b: unknown): AccountId => accountFromBytes(b as Uint8Array);
export const acctBytes = (a: AccountId): Uint8Array => accountToBytes(a);

/** A Default item that is absent exactly when its value equals the fallback (Taonet keeps state canonical). */
export function orAbsent<V>(value: V, fallback: V, same: (a: V, b: V) => boolean = (a, b) => a === b): V | undefined {
  return same(value, fallback) ? undefined : value;
}

/** `a/b/c` state keys split back into parts. */
export const parts = (key: string): string[] => key.split('/');
