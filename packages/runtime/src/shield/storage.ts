/**
 * MevShield's key state (shared/spec/mev-shield.md §2): the keys clients encrypt to, as the
 * per-block `announce_next_key` inherent rotates them, and each Aura authority's last announced
 * key. Keys are ML-KEM-768 encapsulation keys (1184 bytes). The block author's secret halves never
 * touch the state: they live in the node's memory only.
 */
import type { AccountId } from '@taonet/primitives';
import { byAccount, storageMap, storageValue } from '../state/storage.js';

export interface ShieldKeys {
  readonly currentKey?: Uint8Array;
  readonly pendingKey?: Uint8Array;
  /** What clients encrypt to (the key of the author two slots ahead). */
  readonly nextKey?: Uint8Array;
  /** Exclusive bounds: the block before which PendingKey / NextKey were meant to be used. */
  readonly pendingKeyExpiresAt?: number;
  readonly nextKeyExpiresAt?: number;
}

export const ShieldKeyState = storageValue<ShieldKeys>('shield.keys', () => ({}));
/** AuthorKeys(authority): the key it announced last; absent once it announces None. */
export const ShieldAuthorKeys = storageMap<AccountId, Uint8Array | null>('shield.authorKeys', byAccount, () => null);
