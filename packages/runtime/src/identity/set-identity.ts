/**
 * set_identity: a coldkey with at least one hotkey registered on some subnet publishes its name,
 * links and description. Each field has the reference's byte limit.
 */
import type { AccountId } from '@taonet/primitives';
import { ensure } from '../errors.js';
import { OwnedHotkeys, Uids } from '../neurons/storage.js';
import { Netuids } from '../subnets/storage.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { type ChainIdentity, IDENTITY_FIELDS, IDENTITY_LIMITS, Identities } from './storage.js';

const bytes = (v: string): number => new TextEncoder().encode(v).length;

export function setIdentity(ctx: Ctx, coldkey: AccountId, identity: ChainIdentity): void {
  const s = ctx.state;
  const netuids = s.value(Netuids);
  const registered = s.get(OwnedHotkeys, coldkey).some((h) => netuids.some((n) => s.get(Uids, [n, h]) !== null));
  ensure(
    registered,
    'HotKeyNotRegisteredInNetwork',
    'register one of this coldkey’s hotkeys on a subnet before setting an identity',
  );
  for (const field of IDENTITY_FIELDS) {
    const len = bytes(identity[field]);
    ensure(
      len <= IDENTITY_LIMITS[field],
      'InvalidIdentity',
      `${field} is ${len} bytes; at most ${IDENTITY_LIMITS[field]}`,
    );
  }
  s.set(Identities, coldkey, identity);
  ctx.emit(event('ChainIdentitySet', { coldkey }));
}
