/**
 * recycle_alpha and burn_alpha: a coldkey gives up alpha it has staked. Recycled alpha leaves
 * the subnet's issuance (alpha out shrinks); burned alpha stays counted in alpha out but belongs
 * to nobody (SubnetAlphaBurned), as in the reference. Asking for more than is staked takes all.
 */
import type { AccountId } from '@taonet/primitives';
import { alphaAmount, ensureAmounts } from '../amounts.js';
import { ensure } from '../errors.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import { SubnetAlphaBurned, SubnetAlphaOut } from '../swap/storage.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { ensureHotkeyExists, ensureStakeable, ensureSubnetExists } from './checks.js';
import { decreaseStake, stakeOf } from './stake-pool-state.js';

export interface GiveUpAlphaArgs {
  readonly hotkey: AccountId;
  readonly netuid: number;
  readonly amount: bigint;
}

function takeAlpha(ctx: Ctx, coldkey: AccountId, a: GiveUpAlphaArgs): bigint {
  const s = ctx.state;
  ensureSubnetExists(s, a.netuid);
  ensure(a.netuid !== ROOT_NETUID, 'CannotBurnOrRecycleOnRootSubnet', 'pick a subnet other than root (netuid 0)');
  ensureStakeable(s, a.netuid);
  ensureHotkeyExists(s, a.hotkey);
  const held = stakeOf(s, a.hotkey, coldkey, a.netuid);
  const amount = a.amount < held ? a.amount : held;
  const out = s.get(SubnetAlphaOut, a.netuid);
  ensureAmounts(
    out >= amount,
    'InsufficientLiquidity',
    () => ({ out: [alphaAmount(s, a.netuid, out), 'down'] }),
    (t) => `only ${t.out} is outstanding on this subnet`,
  );
  decreaseStake(s, a.hotkey, coldkey, a.netuid, amount);
  return amount;
}

export function recycleAlpha(ctx: Ctx, coldkey: AccountId, a: GiveUpAlphaArgs): void {
  const amount = takeAlpha(ctx, coldkey, a);
  ctx.state.update(SubnetAlphaOut, a.netuid, (x) => x - amount);
  ctx.emit(event('AlphaRecycled', { coldkey, hotkey: a.hotkey, amount, netuid: a.netuid }));
}

export function burnAlpha(ctx: Ctx, coldkey: AccountId, a: GiveUpAlphaArgs): void {
  const amount = takeAlpha(ctx, coldkey, a);
  ctx.state.update(SubnetAlphaBurned, a.netuid, (x) => x + amount);
  ctx.emit(event('AlphaBurned', { coldkey, hotkey: a.hotkey, amount, netuid: a.netuid }));
}
