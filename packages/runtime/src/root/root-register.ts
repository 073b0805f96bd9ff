/**
 * root_register: a hotkey joins the root subnet (the set of root validators). While root has room
 * it is appended; when full it replaces the member with the least root stake, but only if its own
 * root stake is strictly higher.
 */
import type { AccountId } from '@taonet/primitives';
import { ensure } from '../errors.js';
import { pairHotkey } from '../neurons/ownership.js';
import { registerNeuron } from '../neurons/register-neuron.js';
import { BlockAtRegistration, Keys, LastUpdate, RegistrationsThisBlock, Uids } from '../neurons/storage.js';
import { withElement } from '../neurons/uid-columns.js';
import { hotkeyAlpha } from '../staking/stake-queries.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import { Hyperparameters } from '../subnets/storage.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { ensureAmounts, taoAmount } from '../amounts.js';

/**
 * Root admissions per block (§8.4: MaxRegistrationsPerBlock[root] = 1). The reference's per-interval
 * cap (3 × 1) never binds: root's interval counter is reset every block, so it is not kept here.
 */
export const MAX_ROOT_REGISTRATIONS_PER_BLOCK = 1;

export function rootRegister(ctx: Ctx, coldkey: AccountId, hotkey: AccountId): void {
  const s = ctx.state;
  ensure(
    s.get(RegistrationsThisBlock, ROOT_NETUID) < MAX_ROOT_REGISTRATIONS_PER_BLOCK,
    'TooManyRegistrationsThisBlock',
    () => `next allowed at block ${ctx.now + 1n}`,
  );
  ensure(s.get(Uids, [ROOT_NETUID, hotkey]) === null, 'HotKeyAlreadyRegisteredInSubNet', 'already a root member');
  pairHotkey(s, coldkey, hotkey);
  s.update(RegistrationsThisBlock, ROOT_NETUID, (r) => r + 1);
  const keys = s.get(Keys, ROOT_NETUID);
  const max = s.get(Hyperparameters, ROOT_NETUID)?.maxAllowedUids ?? ctx.params.rootMaxUids;
  if (keys.length < max) {
    registerNeuron(ctx, ROOT_NETUID, hotkey);
    return;
  }
  let lowest = 0;
  keys.forEach((h, uid) => {
    if (hotkeyAlpha(s, h, ROOT_NETUID) < hotkeyAlpha(s, keys[lowest] as AccountId, ROOT_NETUID)) lowest = uid;
  });
  const weakest = keys[lowest] as AccountId;
  const mine = hotkeyAlpha(s, hotkey, ROOT_NETUID);
  const theirs = hotkeyAlpha(s, weakest, ROOT_NETUID);
  ensureAmounts(
    mine > theirs,
    'StakeTooLowForRoot',
    () => ({ lowest: [taoAmount(theirs), 'up'], mine: [taoAmount(mine), 'down'] }),
    (t) => `root is full: stake more than ${t.lowest} on root to this hotkey (it has ${t.mine})`,
  );
  s.remove(Uids, [ROOT_NETUID, weakest]);
  s.set(Keys, ROOT_NETUID, withElement(keys, lowest, hotkey, hotkey));
  s.set(Uids, [ROOT_NETUID, hotkey], lowest);
  s.set(BlockAtRegistration, ROOT_NETUID, withElement(s.get(BlockAtRegistration, ROOT_NETUID), lowest, ctx.now, 0n));
  s.set(LastUpdate, ROOT_NETUID, withElement(s.get(LastUpdate, ROOT_NETUID), lowest, ctx.now, 0n));
  ctx.emit(event('NeuronRegistered', { netuid: ROOT_NETUID, uid: lowest, hotkey, replaced: weakest }));
}
