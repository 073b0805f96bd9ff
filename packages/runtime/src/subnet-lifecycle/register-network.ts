/**
 * register_network: a coldkey locks TAO to create a subnet. The lock seeds the subnet's pool
 * (priced at the median of existing subnets), the owner hotkey becomes uid 0, and at the subnet
 * limit the weakest non-immune subnet (lowest price EMA) is dissolved to make room.
 */
import { type AccountId, RAO_PER_TAO } from '@taonet/primitives';
import { debit, freeBalance } from '../balances/ledger.js';
import { TotalIssuance } from '../balances/storage.js';
import { ensure, fail } from '../errors.js';
import { Burn } from '../neurons/storage.js';
import { pairHotkey } from '../neurons/ownership.js';
import { registerNeuron } from '../neurons/register-neuron.js';
import { NewSubnetHyperparameters } from '../params/storage.js';
import type { State } from '../state/state.js';
import { StakingTotals } from '../staking/totals.js';
import { currentPrice } from '../swap/pool-state.js';
import { SubnetAlphaIn, SubnetAlphaOut, SubnetTao } from '../swap/storage.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { dissolveNetwork } from './dissolve-network.js';
import { networkLockCost } from '../subnets/lock-cost.js';
import { networkToPrune } from '../subnets/network-prune.js';
import { medianSubnetAlphaPrice } from '../subnets/median-price.js';
import { subnetPoolSeed } from '../subnets/pool-seed.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import {
  EmissionEnabled,
  Hyperparameters,
  Identity,
  LastEpochBlock,
  Mechanism,
  MovingPrice,
  NetworkLastLockCost,
  NetworkLastRegistered,
  NetworkRegisteredAt,
  Netuids,
  type SubnetIdentity,
  SubnetLocked,
  SubnetOwner,
  SubnetOwnerHotkey,
  TokenSymbol,
} from '../subnets/storage.js';
import { SUBNET_SYMBOLS } from '../subnets/symbols.js';
import { ensureAmounts, taoAmount } from '../amounts.js';

export const IDENTITY_LIMITS: Readonly<Record<keyof SubnetIdentity, number>> = {
  name: 256,
  github: 1024,
  contact: 1024,
  url: 1024,
  discord: 256,
  description: 1024,
  logoUrl: 1024,
  additional: 1024,
};

export function validateIdentity(id: SubnetIdentity): void {
  for (const [k, max] of Object.entries(IDENTITY_LIMITS) as [keyof SubnetIdentity, number][]) {
    const len = new TextEncoder().encode(id[k]).length;
    ensure(len <= max, 'InvalidIdentity', `${k} is ${len} bytes; at most ${max}`);
  }
}

/** The lock cost a registration would pay at `block`. */
export function currentLockCost(s: State, block: bigint, params: Ctx['params']): bigint {
  const last = s.value(NetworkLastLockCost);
  return networkLockCost(
    {
      lastLock: last === 0n ? params.networkMinLockCost : last,
      minLock: params.networkMinLockCost,
      lastLockBlock: s.value(NetworkLastRegistered),
    },
    block,
    params.networkLockReductionInterval,
    s.value(TotalIssuance),
  ).lockCost;
}

function subnetsExceptRoot(s: State): number[] {
  return s.value(Netuids).filter((n) => n !== ROOT_NETUID);
}

function pickSymbol(s: State, netuid: number): string {
  const used = new Set(s.value(Netuids).map((n) => s.get(TokenSymbol, n)));
  const own = SUBNET_SYMBOLS[netuid];
  if (own !== undefined && !used.has(own)) return own;
  return SUBNET_SYMBOLS.slice(1).find((x) => !used.has(x)) ?? 'τ';
}

export function registerNetwork(
  ctx: Ctx,
  coldkey: AccountId,
  hotkey: AccountId,
  identity: SubnetIdentity | null,
): number {
  const s = ctx.state;
  const p = ctx.params;
  const now = ctx.now;
  pairHotkey(s, coldkey, hotkey);
  const last = s.value(NetworkLastRegistered);
  ensure(
    last === 0n || now - last >= p.networkRateLimit,
    'NetworkTxRateLimitExceeded',
    `next allowed at block ${last + p.networkRateLimit}`,
  );
  let prune: number | null = null;
  const existing = subnetsExceptRoot(s);
  if (existing.length >= p.subnetLimit) {
    prune = networkToPrune(
      now,
      p.networkImmunityPeriod,
      existing.map((n) => ({
        netuid: n,
        registeredAt: s.get(NetworkRegisteredAt, n),
        movingPrice: s.get(MovingPrice, n),
      })),
    );
    if (prune === null) {
      const ends = existing.map((n) => s.get(NetworkRegisteredAt, n) + p.networkImmunityPeriod);
      if (ends.length === 0) fail('SubnetLimitReached', `the subnet limit is ${p.subnetLimit}`);
      const first = ends.reduce((m, x) => (x < m ? x : m));
      fail(
        'SubnetLimitReached',
        `all ${existing.length} subnets are immune; the first becomes prunable at block ${first}`,
      );
    }
  }
  const cost = currentLockCost(s, now, p);
  const free = freeBalance(s, coldkey);
  ensureAmounts(
    free >= cost,
    'CannotAffordLockCost',
    () => ({ cost: [taoAmount(cost), 'up'], free: [taoAmount(free), 'down'] }),
    (t) => `the lock cost is ${t.cost}; free balance is ${t.free}`,
  );
  if (identity !== null) validateIdentity(identity);

  if (prune !== null) dissolveNetwork(ctx, prune);
  const used = new Set(s.value(Netuids));
  let netuid = prune ?? 1;
  while (prune === null && used.has(netuid)) netuid++;
  const medianPrice = medianSubnetAlphaPrice(subnetsExceptRoot(s).map((n) => currentPrice(s, n)));

  const hp = s.value(NewSubnetHyperparameters);
  s.put(
    Netuids,
    [...s.value(Netuids), netuid].sort((a, b) => a - b),
  );
  s.set(Hyperparameters, netuid, hp);
  s.set(Mechanism, netuid, 1);
  s.set(LastEpochBlock, netuid, now - BigInt(netuid % Math.max(hp.tempo, 1)));
  s.set(Burn, netuid, RAO_PER_TAO < hp.maxBurn ? RAO_PER_TAO : hp.maxBurn);
  s.set(NetworkRegisteredAt, netuid, now);

  debit(s, coldkey, cost, 'CannotAffordLockCost');
  s.put(NetworkLastLockCost, cost);
  s.put(NetworkLastRegistered, now);

  const seed = subnetPoolSeed(cost, p.networkMinLockCost, medianPrice);
  s.set(SubnetTao, netuid, seed.poolTao);
  s.set(SubnetAlphaIn, netuid, seed.poolAlpha);
  s.set(SubnetAlphaOut, netuid, 0n);
  s.set(SubnetLocked, netuid, cost);
  StakingTotals.add(s, seed.poolTao);

  s.set(SubnetOwner, netuid, coldkey);
  s.set(SubnetOwnerHotkey, netuid, hotkey);
  s.set(TokenSymbol, netuid, pickSymbol(s, netuid));
  if (identity !== null) s.set(Identity, netuid, identity);
  s.set(EmissionEnabled, netuid, p.newSubnetEmissionEnabled);
  registerNeuron(ctx, netuid, hotkey);
  ctx.emit(
    event('NetworkAdded', { netuid, owner: coldkey, hotkey, lockCost: cost, symbol: s.get(TokenSymbol, netuid) }),
  );
  return netuid;
}
