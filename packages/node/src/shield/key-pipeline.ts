/**
 * The `MevShield.announce_next_key` rotation (spec mev-shield.md §4.1), as a pure function over the
 * pallet's key storage. Every block's bare inherent shifts CurrentKey ← PendingKey ← NextKey, loads
 * NextKey from the key the author of slot + 2 last announced (read before this author's own key is
 * written), then records this author's new key. A failing call changes nothing (Substrate dispatch
 * is transactional), so an error returns no state.
 *
 * It lives beside the author's keyring until the pallet is in the runtime; it has no I/O and moves
 * there unchanged.
 */
import { ML_KEM_768 } from '@taonet/primitives';

export interface ShieldKeyStorage {
  readonly currentKey?: Uint8Array;
  readonly pendingKey?: Uint8Array;
  readonly nextKey?: Uint8Array;
  /** AuthorKeys, by the Aura authority's public key in hex. */
  readonly authorKeys: ReadonlyMap<string, Uint8Array>;
  /** Exclusive bounds: the block before which PendingKey / NextKey were meant to be used. */
  readonly pendingKeyExpiresAt?: number;
  readonly nextKeyExpiresAt?: number;
}

export const EMPTY_SHIELD_KEYS: ShieldKeyStorage = { authorKeys: new Map() };

export interface AnnounceNextKey {
  readonly blockNumber: number;
  /** The Aura slot from the block's pre-runtime digest; undefined when the block has none. */
  readonly slot: bigint | undefined;
  /** Aura authorities (public keys in hex) in their on-chain order. */
  readonly authorities: readonly string[];
  /** `None` removes this author's key. */
  readonly encKey: Uint8Array | undefined;
}

/** Pallet errors 0 and 1 (`BadEncKeyLen`, `Unreachable`). */
export type AnnounceNextKeyError = 'BadEncKeyLen' | 'Unreachable';

export type AnnounceNextKeyResult =
  | { readonly ok: true; readonly storage: ShieldKeyStorage }
  | { readonly ok: false; readonly error: AnnounceNextKeyError };

export function announceNextKey(storage: ShieldKeyStorage, call: AnnounceNextKey): AnnounceNextKeyResult {
  const { slot, authorities } = call;
  const n = authorities.length;
  if (slot === undefined || n === 0) return { ok: false, error: 'Unreachable' };
  if (call.encKey !== undefined && call.encKey.length !== ML_KEM_768.publicKeyBytes)
    return { ok: false, error: 'BadEncKeyLen' };
  const at = (offset: bigint) => authorities[Number((slot + offset) % BigInt(n))] as string;
  const author = at(0n);
  const upcoming = storage.authorKeys.get(at(2n));
  const authorKeys = new Map(storage.authorKeys);
  if (call.encKey === undefined) authorKeys.delete(author);
  else authorKeys.set(author, Uint8Array.from(call.encKey));
  const currentKey = storage.pendingKey;
  const pendingKey = storage.nextKey;
  const nextKey = upcoming;
  return {
    ok: true,
    storage: {
      ...(currentKey !== undefined && { currentKey }),
      ...(pendingKey !== undefined && { pendingKey, pendingKeyExpiresAt: call.blockNumber + 2 }),
      ...(nextKey !== undefined && { nextKey, nextKeyExpiresAt: call.blockNumber + 3 }),
      authorKeys,
    },
  };
}
