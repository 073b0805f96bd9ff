/**
 * The `MevShield.announce_next_key` rotation (spec mev-shield.md §4.1), run by each block's bare
 * inherent: CurrentKey ← PendingKey ← NextKey; NextKey ← the key the author of slot + 2 announced
 * (read before this author's own key is written); then this author's key is recorded (`None`
 * removes it). Expiry bounds follow the keys that are set. A failure changes nothing.
 */
import type { AccountId } from '@taonet/primitives';
import { fail } from '../errors.js';
import type { Ctx } from '../system/context.js';
import { ShieldAuthorKeys, ShieldKeyState } from './storage.js';

/** ML-KEM-768 encapsulation key length. */
export const SHIELD_KEY_BYTES = 1184;

export function announceNextKey(ctx: Ctx, encKey: Uint8Array | null): void {
  const s = ctx.state;
  const authorities = ctx.block.authorities ?? [];
  const slot = ctx.block.slot;
  const n = authorities.length;
  if (slot === undefined || n === 0) fail('Unreachable', 'the block has no Aura slot or the chain no authorities');
  if (encKey !== null && encKey.length !== SHIELD_KEY_BYTES)
    fail('BadEncKeyLen', `the key is ${encKey.length} bytes; an ML-KEM-768 key is ${SHIELD_KEY_BYTES}`);
  const at = (offset: bigint): AccountId => authorities[Number((slot + offset) % BigInt(n))] as AccountId;
  const upcoming = s.get(ShieldAuthorKeys, at(2n));
  const prev = s.value(ShieldKeyState);
  const number = Number(ctx.block.number);
  s.put(ShieldKeyState, {
    ...(prev.pendingKey !== undefined && { currentKey: prev.pendingKey }),
    ...(prev.nextKey !== undefined && { pendingKey: prev.nextKey, pendingKeyExpiresAt: number + 2 }),
    ...(upcoming !== null && { nextKey: upcoming, nextKeyExpiresAt: number + 3 }),
  });
  s.set(ShieldAuthorKeys, at(0n), encKey === null ? null : Uint8Array.from(encKey));
}
