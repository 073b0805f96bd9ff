/**
 * Who may change a subnet's mechanisms and how often: its owner (outside the admin freeze window
 * before an epoch, `subnets/owner-setter-limits.ts`, and at most once per rate-limit period for
 * each kind of change, as subtensor's `ensure_sn_owner_or_root_with_limits` and `record_owner_rl`)
 * or the admin account (no limits).
 */
import type { AccountId } from '@taonet/primitives';
import { ensure, fail } from '../errors.js';
import type { StorageMap } from '../state/storage.js';
import { ensureAdminWindowOpen } from '../subnets/owner-setter-limits.js';
import { Hyperparameters, SubnetOwner } from '../subnets/storage.js';
import { isAdmin } from '../system/admin-origin.js';
import type { Ctx } from '../system/context.js';

/** Blocks between two owner changes of the mechanism count (subtensor's MechanismCountSetRateLimit). */
export const MECHANISM_COUNT_SET_RATE_LIMIT = 7200n;
/** Blocks between two owner changes of the emission split (subtensor's MechanismEmissionRateLimit). */
export const MECHANISM_EMISSION_RATE_LIMIT = 7200n;

export interface OwnerChangeLimit {
  /** Per-subnet block of the owner's last change of this kind. */
  readonly last: StorageMap<number, bigint>;
  readonly blocks: bigint;
}

/**
 * Checks that `who` may make the change now and, for the owner, records it against the rate limit
 * (the call's own failure afterwards reverts that record with everything else).
 */
export function authorizeMechanismChange(ctx: Ctx, who: AccountId, netuid: number, limit: OwnerChangeLimit): void {
  const s = ctx.state;
  const hp = s.get(Hyperparameters, netuid);
  if (hp === null) fail('SubnetNotExists', `no subnet ${netuid}`);
  if (isAdmin(ctx, who)) return;
  ensure(
    s.get(SubnetOwner, netuid) === who,
    'NotSubnetOwner',
    `subnet ${netuid} belongs to ${s.get(SubnetOwner, netuid)}`,
  );
  const last = s.get(limit.last, netuid);
  ensure(
    last === 0n || ctx.now - last >= limit.blocks,
    'TxRateLimitExceeded',
    () => `next allowed at block ${last + limit.blocks}`,
  );
  ensureAdminWindowOpen(ctx, netuid);
  s.set(limit.last, netuid, ctx.now);
}
