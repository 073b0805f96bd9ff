/**
 * Dissolving a subnet: its TAO reserve is paid pro rata to the alpha holders' coldkeys (largest
 * remainders get the leftover rao), the protocol's share and anything left on the subnet account
 * are recycled, and every piece of the subnet's state is removed.
 */
import { clearChildKeysOfSubnet } from '../children/clear-subnet.js';
import { clearCommitmentsOfSubnet } from '../commitments/clear-subnet.js';
import type { AccountId } from '@taonet/primitives';
import { credit, recycle } from '../balances/ledger.js';
import { ensure } from '../errors.js';
import { Axons, Keys, Uids } from '../neurons/storage.js';
import { RootClaimable, RootClaimed } from '../root/storage.js';
import type { State } from '../state/state.js';
import { stakeOf } from '../staking/stake-pool-state.js';
import { StakeShares, TotalHotkeyAlpha, TotalHotkeyShares } from '../staking/storage.js';
import { StakingTotals } from '../staking/totals.js';
import { SubnetAccountTao, SubnetAlphaIn, SubnetProtocolAlpha, SubnetTao } from '../swap/storage.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import {
  Bonds,
  TimelockedRevealFailures,
  TimelockedWeightCommits,
  WeightCommits,
  Weights,
} from '../weights/storage.js';
import { dissolveTaoSplit } from '../subnets/dissolve-split.js';
import { LastHyperparameterChange } from '../subnets/hyperparameter-update.js';
import { clearSubnetMechanisms } from '../mechanisms/mechanism-count.js';
import { PER_SUBNET_ITEMS } from './per-subnet-items.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import { Hyperparameters, Netuids } from '../subnets/storage.js';

function stakesOn(s: State, netuid: number): { hotkey: AccountId; coldkey: AccountId; alpha: bigint }[] {
  const suffix = `/${netuid}`;
  return s
    .entries(StakeShares)
    .filter(([k]) => k.endsWith(suffix))
    .map(([k]) => {
      const [hotkey, coldkey] = k.split('/') as [AccountId, AccountId];
      return { hotkey, coldkey, alpha: stakeOf(s, hotkey, coldkey, netuid) };
    })
    .filter((x) => x.alpha > 0n);
}

export function dissolveNetwork(ctx: Ctx, netuid: number): void {
  const s = ctx.state;
  ensure(netuid !== ROOT_NETUID && s.get(Hyperparameters, netuid) !== null, 'SubnetNotExists', `no subnet ${netuid}`);
  const stakes = stakesOn(s, netuid);
  const pot = s.get(SubnetTao, netuid);
  const split = dissolveTaoSplit(
    pot,
    stakes.map((x) => ({ id: `${x.hotkey}/${x.coldkey}`, alpha: x.alpha })),
    s.get(SubnetAlphaIn, netuid) + s.get(SubnetProtocolAlpha, netuid),
  );
  StakingTotals.add(s, -pot);
  stakes.forEach((x, i) => {
    credit(s, x.coldkey, split.payouts[i] ?? 0n);
  });
  recycle(s, split.protocolShare + s.get(SubnetAccountTao, netuid));

  // Remove every trace of the subnet.
  for (const hotkey of s.get(Keys, netuid)) {
    s.remove(Uids, [netuid, hotkey]);
    s.remove(Axons, [netuid, hotkey]);
    s.remove(WeightCommits, [netuid, hotkey]);
  }
  s.removePrefix(Weights, `${netuid}/`);
  s.removePrefix(Bonds, `${netuid}/`);
  s.removePrefix(TimelockedWeightCommits, `${netuid}/`);
  s.removePrefix(TimelockedRevealFailures, `${netuid}/`);
  clearSubnetMechanisms(s, netuid);
  const suffix = `/${netuid}`;
  for (const item of [StakeShares, TotalHotkeyAlpha, TotalHotkeyShares] as const) {
    for (const [k] of s.entries(item as typeof StakeShares))
      if (k.endsWith(suffix)) s.removeKey(item as typeof StakeShares, k);
  }
  // Root-claim state for the subnet (§9.5 step 1): a reused netuid must not inherit old claim rates.
  for (const [k] of s.entries(RootClaimable)) if (k.endsWith(suffix)) s.removeKey(RootClaimable, k);
  s.removePrefix(RootClaimed, `${netuid}/`);
  s.removePrefix(LastHyperparameterChange, `${netuid}/`);
  clearCommitmentsOfSubnet(s, netuid);
  clearChildKeysOfSubnet(s, netuid);
  for (const item of PER_SUBNET_ITEMS) s.remove(item, netuid);
  s.put(
    Netuids,
    s.value(Netuids).filter((n) => n !== netuid),
  );
  ctx.emit(event('NetworkRemoved', { netuid, paidOut: pot - split.protocolShare, recycled: split.protocolShare }));
}
