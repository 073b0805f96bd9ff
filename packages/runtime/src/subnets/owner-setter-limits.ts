/**
 * The two network-wide limits on a subnet owner's setters, as subtensor has them: no owner change in
 * the last `AdminFreezeWindow` blocks before the subnet's epoch (validators' weights for it settle
 * then), and one hyperparameter at most once every `OwnerHyperparamRateLimit` tempos. Both are chain
 * state the admin sets (`sudo_set_admin_freeze_window`, `sudo_set_owner_hparam_rate_limit`); the
 * admin account itself is bound by neither.
 */
import { fail } from '../errors.js';
import type { State } from '../state/state.js';
import type { Ctx } from '../system/context.js';
import { nextEpochBlock, tempoOf } from './epoch-schedule-state.js';
import { AdminFreezeWindow, OwnerHyperparamRateLimit } from './storage.js';

/** What an owner refused by a window longer than the tempo can do about it. */
const LOWER_FREEZE_WINDOW_HINT =
  'the admin account can lower the window with sudo_set_admin_freeze_window (AdminUtils, through ' +
  'Sudo; 0 turns it off) or make the change itself';

export function adminFreezeWindow(s: State): bigint {
  return BigInt(s.value(AdminFreezeWindow));
}

/** Blocks an owner waits between two changes of one hyperparameter on a subnet of this tempo. */
export function ownerHyperparamRateLimitBlocks(s: State, tempo: number): bigint {
  return BigInt(s.value(OwnerHyperparamRateLimit)) * BigInt(tempo);
}

/** Refuses an owner's change inside the freeze window before the subnet's next epoch. */
export function ensureAdminWindowOpen(ctx: Ctx, netuid: number): void {
  const s = ctx.state;
  const window = adminFreezeWindow(s);
  const next = nextEpochBlock(s, netuid, ctx.now);
  if (next - ctx.now >= window) return;
  const tempo = BigInt(tempoOf(s, netuid));
  // A tempo shorter than the window leaves no block open; one as long leaves only the epoch's own.
  const hint =
    tempo < window
      ? `the tempo ${tempo} is shorter than the ${window}-block freeze window: ${LOWER_FREEZE_WINDOW_HINT}`
      : tempo === window
        ? `the tempo ${tempo} is as long as the ${window}-block freeze window, which leaves only the epoch's own block (${next}) open: ${LOWER_FREEZE_WINDOW_HINT}`
        : `the epoch at block ${next} is too close; next allowed at block ${next}`;
  fail('AdminActionProhibitedDuringWeightsWindow', hint);
}
