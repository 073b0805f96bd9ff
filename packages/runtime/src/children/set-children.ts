/**
 * set_children: a hotkey's owner names up to five child hotkeys on a subnet and the share of the
 * hotkey's stake each one counts with. Before the subnet starts the list applies at once; after, it
 * waits in PendingChildKeys for the cooldown and applies at the subnet's next epoch block. An empty
 * list revokes every child.
 */
import { type AccountId, fixed, U64F64 } from '@taonet/primitives';
import { ensureAmounts, taoAmount } from '../amounts.js';
import { ensure, fail } from '../errors.js';
import { Owner } from '../neurons/storage.js';
import type { State } from '../state/state.js';
import { TotalHotkeyAlpha } from '../staking/storage.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import { Hyperparameters, LastEpochBlock, Netuids, SubnetOwnerHotkey, SubtokenEnabled } from '../subnets/storage.js';
import { currentPrice } from '../swap/pool-state.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { relationProblem, writeChildren } from './child-relations.js';
import { childKeyParams } from './state-graph.js';
import { type ChildKeyLink, LastSetChildrenBlock, PendingChildKeys } from './storage.js';

/** The hotkey's stake over all subnets valued in TAO at current prices (rao). */
function totalStakeInTao(s: State, hotkey: AccountId): bigint {
  let sum = 0n;
  for (const netuid of s.value(Netuids)) {
    const alpha = s.get(TotalHotkeyAlpha, [hotkey, netuid]);
    if (alpha > 0n)
      sum = fixed.saturatingAdd(U64F64, sum, fixed.saturatingMul(U64F64, alpha << 64n, currentPrice(s, netuid)));
  }
  return fixed.toIntSaturating(U64F64, sum, 0n, (1n << 64n) - 1n);
}

export function setChildren(
  ctx: Ctx,
  coldkey: AccountId,
  hotkey: AccountId,
  netuid: number,
  children: readonly ChildKeyLink[],
): void {
  const s = ctx.state;
  const p = childKeyParams(s);
  const last = s.get(LastSetChildrenBlock, [hotkey, netuid]);
  ensure(
    last === 0n || ctx.now - last >= p.setChildrenRateLimit,
    'TxRateLimitExceeded',
    () => `children of this hotkey were set at block ${last}; next allowed at block ${last + p.setChildrenRateLimit}`,
  );
  ensure(netuid !== ROOT_NETUID, 'RegistrationNotPermittedOnRootSubnet', 'child hotkeys are not valid on root');
  if (s.get(Hyperparameters, netuid) === null) fail('SubnetNotExists', `no subnet ${netuid}`);
  ensure(s.get(Owner, hotkey) === coldkey, 'NonAssociatedColdKey', 'only the hotkey owner may set its children');
  const seen = new Set<AccountId>();
  for (const c of children) {
    ensure(!seen.has(c.hotkey), 'DuplicateChild', `${c.hotkey} is listed twice`);
    seen.add(c.hotkey);
  }
  const problem = relationProblem(s, hotkey, netuid, children);
  ensure(problem !== 'InvalidChild', 'InvalidChild', 'a hotkey cannot be its own child');
  ensure(problem !== 'TooManyChildren', 'TooManyChildren', `at most 5 children, got ${children.length}`);
  ensure(problem !== 'ProportionOverflow', 'ProportionOverflow', 'the proportions add up to more than u64::MAX (100%)');
  ensure(
    problem !== 'ChildParentInconsistency',
    'ChildParentInconsistency',
    'a child is already a parent of this hotkey on this subnet',
  );
  const threshold = ctx.params.stakeThreshold;
  ensureAmounts(
    children.length === 0 || totalStakeInTao(s, hotkey) >= threshold || s.get(SubnetOwnerHotkey, netuid) === hotkey,
    'NotEnoughStakeToSetChildkeys',
    () => ({ stake: [taoAmount(totalStakeInTao(s, hotkey)), 'down'], least: [taoAmount(threshold), 'up'] }),
    (t) => `the hotkey's stake is worth ${t.stake}; at least ${t.least} is needed to set children`,
  );
  s.set(LastSetChildrenBlock, [hotkey, netuid], ctx.now);
  if (!s.get(SubtokenEnabled, netuid)) {
    applyChildren(ctx, hotkey, netuid, children);
    return;
  }
  const cooldownBlock = ctx.now + p.pendingCooldown;
  s.set(PendingChildKeys, [netuid, hotkey], { children: [...children], cooldownBlock });
  ctx.emit(event('SetChildrenScheduled', { hotkey, netuid, cooldownBlock, children: encode(children) }));
}

const encode = (children: readonly ChildKeyLink[]) =>
  children.map((c) => ({ proportion: c.proportion, child: c.hotkey }));

/** Applies a list if it is still consistent; a list that became inconsistent is dropped silently. */
function applyChildren(ctx: Ctx, hotkey: AccountId, netuid: number, children: readonly ChildKeyLink[]): void {
  const others = children.filter((c) => c.hotkey !== hotkey);
  if (relationProblem(ctx.state, hotkey, netuid, others) !== null) return;
  writeChildren(ctx.state, hotkey, netuid, others);
  ctx.emit(event('SetChildren', { hotkey, netuid, children: encode(others) }));
}

/** Applies every pending list whose cooldown passed, on each subnet whose epoch fired this block. */
export function applyPendingChildren(ctx: Ctx): void {
  const s = ctx.state;
  for (const netuid of s.value(Netuids)) {
    if (s.get(LastEpochBlock, netuid) !== ctx.now) continue;
    const started = s.get(SubtokenEnabled, netuid);
    for (const [key, pending] of s.entriesWithPrefix(PendingChildKeys, `${netuid}/`)) {
      if (pending === null || (started && pending.cooldownBlock >= ctx.now)) continue;
      const hotkey = key.slice(key.indexOf('/') + 1) as AccountId;
      applyChildren(ctx, hotkey, netuid, pending.children);
      s.remove(PendingChildKeys, [netuid, hotkey]);
    }
  }
}
