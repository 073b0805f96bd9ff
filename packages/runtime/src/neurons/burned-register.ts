/**
 * `burned_register` (§8.1): a coldkey pays the subnet's current price to give a hotkey a uid. The
 * payment buys alpha from the pool and destroys it, so registration demand raises the subnet's
 * price instead of paying anyone; and the price itself jumps at once, so a burst of registrations
 * in one block pays more and more.
 */
import type { AccountId } from '@taonet/primitives';
import { debit, freeBalance } from '../balances/ledger.js';
import { ensure } from '../errors.js';
import { bumpBurn } from '../registration/burn-price.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import { SubnetTaoFlow } from '../subnets/storage.js';
import { buyAlpha } from '../swap/pool-state.js';
import { SubnetAccountTao, SubnetAlphaOut } from '../swap/storage.js';
import type { Ctx } from '../system/context.js';
import { burnParamsOf } from './burn-params.js';
import { pairHotkey } from './ownership.js';
import { neuronToPrune } from './prune-candidate.js';
import { registerNeuron } from './register-neuron.js';
import { Burn, Keys, RaoRecycledForRegistration, RegistrationsThisBlock, Uids } from './storage.js';
import { subnetExists, subnetHyperparameters } from './subnet-lookup.js';
import { ensureAmounts, failWithAmounts, taoAmount } from '../amounts.js';

export interface BurnedRegisterArgs {
  readonly netuid: number;
  readonly hotkey: AccountId;
  /** The most the coldkey will pay (rao); null accepts the current price. */
  readonly limitPrice: bigint | null;
}

/** Registers `hotkey` for `coldkey`, checks in the reference order; returns the uid. */
export function burnedRegister(
  ctx: Ctx,
  coldkey: AccountId,
  { netuid, hotkey, limitPrice }: BurnedRegisterArgs,
): number {
  const s = ctx.state;
  ensure(netuid !== ROOT_NETUID, 'RegistrationNotPermittedOnRootSubnet');
  ensure(subnetExists(s, netuid), 'SubnetNotExists', () => `netuid ${netuid}`);
  const cost = s.get(Burn, netuid);
  if (limitPrice !== null && cost > limitPrice) {
    failWithAmounts(
      'RegistrationPriceLimitExceeded',
      { price: [taoAmount(cost), 'up'], limit: [taoAmount(limitPrice), 'down'] },
      (t) => `the price is ${t.price}, your limit is ${t.limit}`,
    );
  }
  const hp = subnetHyperparameters(s, netuid);
  ensure(hp.registrationAllowed, 'SubNetRegistrationDisabled');
  ensure(s.get(Uids, [netuid, hotkey]) === null, 'HotKeyAlreadyRegisteredInSubNet');
  const free = freeBalance(s, coldkey);
  ensureAmounts(
    free >= cost,
    'NotEnoughBalanceToStake',
    () => ({ price: [taoAmount(cost), 'up'], free: [taoAmount(free), 'down'] }),
    (t) => `the price is ${t.price}, free balance ${t.free}`,
  );
  pairHotkey(s, coldkey, hotkey);
  // Checked before paying so a full subnet fails with its own error rather than a swap error.
  const full = s.get(Keys, netuid).length >= hp.maxAllowedUids;
  ensure(
    hp.maxAllowedUids !== 0 && (!full || neuronToPrune(s, netuid, ctx.now) !== null),
    'NoNeuronIdAvailable',
    () => `the subnet holds ${hp.maxAllowedUids} uids and none can be replaced`,
  );

  debit(s, coldkey, cost, 'NotEnoughBalanceToStake');
  // The swap fee stays with the subnet; the inflow counts the gross payment, as the reference records it.
  const bought = buyAlpha(ctx, netuid, cost, {
    flow: 'none',
    feeToSubnet: (fee) => s.update(SubnetAccountTao, netuid, (x) => x + fee),
  });
  s.update(SubnetAlphaOut, netuid, (x) => x - bought.paidOut);
  // Nothing is left unspent without a limit price; if the pool ever stops short, the TAO stays with the subnet.
  if (bought.unspent > 0n) s.update(SubnetAccountTao, netuid, (x) => x + bought.unspent);
  s.update(SubnetTaoFlow, netuid, (f) => f + cost);

  const uid = registerNeuron(ctx, netuid, hotkey);
  s.set(Burn, netuid, bumpBurn(s.get(Burn, netuid), burnParamsOf(hp)));
  s.update(RegistrationsThisBlock, netuid, (r) => r + 1);
  s.update(RaoRecycledForRegistration, netuid, (r) => r + cost);
  return uid;
}
