/**
 * A subnet's life through real blocks: the lock cost of registering it (doubling, then decaying),
 * start_call opening staking and emission, owner and admin hyperparameter rights, and its end at
 * the subnet limit (the lowest price-EMA subnet that is not immune is dissolved and its stakers
 * paid out pro rata).
 */
import { describe, expect, it } from 'vitest';
import { storage, views } from '../src/index.js';
import { stakeOf } from '../src/staking/stake-pool-state.js';
import { currentLockCost } from '../src/subnet-lifecycle/register-network.js';
import { acct, TAO, TestChain } from './utils/chain.js';

const free = (chain: TestChain, who: string): bigint => chain.state.get(storage.Accounts, acct(who))?.free ?? 0n;
const lockCost = (chain: TestChain, at: bigint): bigint =>
  currentLockCost(chain.state, at, chain.state.value(storage.Params));

function register(chain: TestChain, owner: string): { netuid: number; lockCost: bigint } {
  const r = chain.ok(owner, 'register_network', { hotkey: acct(`${owner}-hot`) });
  const data = r.events.find((e) => e.name === 'NetworkAdded')?.data as { netuid: number; lockCost: bigint };
  return data;
}

describe('register_network lock cost', () => {
  it('starts at the minimum, doubles after each registration, then decays linearly back', () => {
    const chain = new TestChain({ params: { networkLockReductionInterval: 100n } });
    const min = 10n * TAO;
    expect(lockCost(chain, 1n)).toBe(min);
    const first = register(chain, 'alice');
    expect(first.lockCost).toBe(min);
    // The next block: twice what was paid, less one block of decay (last / interval per block).
    const second = register(chain, 'bob');
    expect(second.lockCost).toBe(2n * min - min / 100n);
    const third = register(chain, 'charlie');
    expect(third.lockCost).toBe(2n * second.lockCost - second.lockCost / 100n);
    const at = chain.block;
    // Linear decay at third/100 per block, back to what was paid after a whole interval, never below the minimum.
    expect(lockCost(chain, at + 10n)).toBe(2n * third.lockCost - (third.lockCost / 100n) * 10n);
    expect(lockCost(chain, at + 100n)).toBe(2n * third.lockCost - (third.lockCost / 100n) * 100n);
    expect(lockCost(chain, at + 1000n)).toBe(min);
    // The lock leaves the coldkey and seeds the pool at the median price; the owner gets no alpha.
    expect(chain.state.get(storage.SubnetTao, third.netuid)).toBe(third.lockCost);
    expect(chain.state.get(storage.SubnetLocked, third.netuid)).toBe(third.lockCost);
    expect(chain.state.get(storage.SubnetAlphaOut, third.netuid)).toBe(0n);
    expect(views.accountInfo(chain.state, acct('charlie')).stakes).toEqual([]);
    expect(views.dynamicInfo(chain.state, third.netuid, chain.block)?.registrationCost).toBe(TAO);
  });

  it('each registration takes the lowest free netuid, a fresh symbol, and the owner hotkey as uid 0', () => {
    const chain = new TestChain();
    const a = register(chain, 'alice');
    const b = register(chain, 'bob');
    expect([a.netuid, b.netuid]).toEqual([1, 2]);
    expect(chain.state.get(storage.TokenSymbol, 1)).not.toBe(chain.state.get(storage.TokenSymbol, 2));
    expect(chain.state.get(storage.Keys, 2)).toEqual([acct('bob-hot')]);
    expect(chain.state.get(storage.SubnetOwner, 2)).toBe(acct('bob'));
    chain.ok('alice', 'sudo_dissolve_network', { netuid: 1 });
    expect(register(chain, 'charlie').netuid).toBe(1);
  });
});

describe('start_call', () => {
  it('gates staking and emission until the owner starts the subnet', () => {
    const chain = new TestChain();
    const { netuid } = register(chain, 'alice');
    chain.fails('bob', 'add_stake', { hotkey: acct('alice-hot'), netuid, amount: TAO }, 'SubtokenDisabled');
    chain.run(3);
    expect(chain.state.get(storage.SubnetAlphaOut, netuid)).toBe(0n);
    expect(chain.state.get(storage.PendingServerEmission, netuid)).toBe(0n);
    const r = chain.ok('alice', 'start_call', { netuid });
    expect(r.events.find((e) => e.name === 'FirstEmissionBlockNumberSet')?.data.block).toBe(chain.block + 1n);
    chain.step();
    expect(chain.state.get(storage.SubnetAlphaOutEmission, netuid)).toBeGreaterThan(0n);
    chain.ok('bob', 'add_stake', { hotkey: acct('alice-hot'), netuid, amount: TAO });
  });

  it('the admin can turn a subnet’s TAO emission off; it still mints alpha', () => {
    const chain = new TestChain();
    const netuid = chain.subnet('alice');
    // Under the default taoflow policy a subnet needs net staking inflow to get a share.
    chain.ok('bob', 'add_stake', { hotkey: acct('alice-hot'), netuid, amount: TAO });
    chain.step();
    expect(chain.state.get(storage.SubnetTaoEmission, netuid)).toBeGreaterThan(0n);
    chain.ok('alice', 'sudo_set_emission_enabled', { netuid, enabled: false });
    chain.step();
    expect(chain.state.get(storage.SubnetTaoEmission, netuid)).toBe(0n);
    expect(chain.state.get(storage.SubnetAlphaOutEmission, netuid)).toBeGreaterThan(0n);
  });
});

describe('hyperparameters: owner versus admin', () => {
  /** Bob's subnet with tempo 100, and a walk to the next block outside (or inside) the freeze window. */
  function setup() {
    const chain = new TestChain({ subnetDefaults: { tempo: 100 } });
    const netuid = chain.subnet('bob');
    const untilNext = () => chain.state.get(storage.LastEpochBlock, netuid) + 100n - (chain.block + 1n);
    const outside = () => {
      while (untilNext() < 10n) chain.step();
    };
    const inside = () => {
      while (untilNext() >= 10n) chain.step();
    };
    const hp = () => chain.state.get(storage.Hyperparameters, netuid);
    return { chain, netuid, outside, inside, hp };
  }

  it('the owner sets owner-settable ones within bounds, outside the freeze window, once per two tempos', () => {
    const { chain, netuid, outside, inside, hp } = setup();
    outside();
    chain.ok('bob', 'set_hyperparameter', { netuid, name: 'immunityPeriod', value: 77n });
    const changed = chain.block;
    expect(hp()?.immunityPeriod).toBe(77n);
    chain.ok('bob', 'set_hyperparameter', { netuid, name: 'registrationAllowed', value: false });
    expect(hp()?.registrationAllowed).toBe(false);
    chain.fails('bob', 'set_hyperparameter', { netuid, name: 'immunityPeriod', value: 78n }, 'TxRateLimitExceeded');
    chain.fails('bob', 'set_hyperparameter', { netuid, name: 'kappa', value: 1000 }, 'HyperparameterNotOwnerSettable');
    chain.fails('bob', 'set_hyperparameter', { netuid, name: 'burnHalfLife', value: 0 }, 'HyperparameterOutOfBounds');
    inside();
    chain.fails(
      'bob',
      'set_hyperparameter',
      { netuid, name: 'servingRateLimit', value: 3n },
      'AdminActionProhibitedDuringWeightsWindow',
    );
    // Two tempos after the first change, outside the window, the owner may change it again.
    while (chain.block + 1n < changed + 200n) chain.step();
    outside();
    chain.ok('bob', 'set_hyperparameter', { netuid, name: 'immunityPeriod', value: 78n });
    expect(hp()?.immunityPeriod).toBe(78n);
  });

  it('the admin may set any of them, at any time, but not out of bounds', () => {
    const { chain, netuid, inside, hp } = setup();
    inside();
    chain.ok('alice', 'set_hyperparameter', { netuid, name: 'kappa', value: 1000 });
    chain.ok('alice', 'set_hyperparameter', { netuid, name: 'kappa', value: 2000 });
    expect(hp()?.kappa).toBe(2000);
    chain.ok('alice', 'set_hyperparameter', { netuid, name: 'tempo', value: 360 });
    expect(hp()?.tempo).toBe(360);
    expect(chain.state.get(storage.LastEpochBlock, netuid)).toBe(chain.block);
    chain.fails('alice', 'set_hyperparameter', { netuid, name: 'kappa', value: 70000 }, 'HyperparameterOutOfBounds');
    // Below the owner's minimum of 360: only the admin may, e.g. for a fast test network.
    chain.ok('alice', 'set_hyperparameter', { netuid, name: 'tempo', value: 10 });
    expect(hp()?.tempo).toBe(10);
  });

  it('a new default applies to subnets created afterwards only', () => {
    const { chain, netuid } = setup();
    chain.ok('alice', 'sudo_set_default_hyperparameter', { name: 'maxAllowedUids', value: 64 });
    const c = chain.subnet('charlie');
    expect(chain.state.get(storage.Hyperparameters, c)?.maxAllowedUids).toBe(64);
    expect(chain.state.get(storage.Hyperparameters, netuid)?.maxAllowedUids).toBe(256);
  });

  it('the owner or the admin may change the symbol; identity is the owner’s', () => {
    const { chain, netuid } = setup();
    chain.ok('bob', 'update_symbol', { netuid, symbol: 'Ω' });
    expect(chain.state.get(storage.TokenSymbol, netuid)).toBe('Ω');
    chain.ok('alice', 'update_symbol', { netuid, symbol: 'Ψ' });
    expect(chain.state.get(storage.TokenSymbol, netuid)).toBe('Ψ');
    chain.fails('charlie', 'update_symbol', { netuid, symbol: 'Ω' }, 'NotSubnetOwner');
    chain.ok('bob', 'set_subnet_identity', { netuid, identity: { name: 'bobnet', url: 'https://bob.example' } });
    expect(views.dynamicInfo(chain.state, netuid, chain.block)?.name).toBe('bobnet');
    chain.ok('bob', 'set_subnet_identity', { netuid });
    expect(chain.state.get(storage.Identity, netuid)).toBeNull();
  });
});

describe('the subnet limit and dissolution', () => {
  /** Prices EMAs that follow the (capped) spot price within a block or two. */
  const fastEma = { subnetMovingAlpha: 1n << 32n, emaPriceHalvingBlocks: 1n };

  it('a registration at the limit dissolves the non-immune subnet with the lowest price EMA and pays its stakers pro rata', () => {
    const chain = new TestChain({ params: { ...fastEma, subnetLimit: 2 } });
    const a = chain.subnet('alice');
    const b = chain.subnet('charlie');
    for (const netuid of [a, b]) chain.ok('alice', 'sudo_set_emission_enabled', { netuid, enabled: false });
    chain.ok('bob', 'add_stake', { hotkey: acct('alice-hot'), netuid: a, amount: 20n * TAO });
    chain.ok('dave', 'add_stake', { hotkey: acct('charlie-hot'), netuid: b, amount: 6n * TAO });
    chain.ok('eve', 'add_stake', { hotkey: acct('charlie-hot'), netuid: b, amount: 2n * TAO });
    // Dave sells most of his: b's price falls under a's.
    const daveAlpha = stakeOf(chain.state, acct('charlie-hot'), acct('dave'), b);
    chain.ok('dave', 'remove_stake', { hotkey: acct('charlie-hot'), netuid: b, amount: (daveAlpha * 3n) / 4n });
    chain.run(3);
    expect(chain.state.get(storage.MovingPrice, b)).toBeLessThan(chain.state.get(storage.MovingPrice, a));

    const holders = ['charlie', 'dave', 'eve'] as const;
    const alpha = holders.map((c) => stakeOf(chain.state, acct('charlie-hot'), acct(c), b));
    const before = holders.map((c) => free(chain, c));
    const pot = chain.state.get(storage.SubnetTao, b);
    const r = chain.ok('ferdie', 'register_network', { hotkey: acct('ferdie-hot') });
    const removed = r.events.find((e) => e.name === 'NetworkRemoved')?.data as {
      netuid: number;
      paidOut: bigint;
      recycled: bigint;
    };
    expect(removed.netuid).toBe(b);
    expect(r.events.find((e) => e.name === 'NetworkAdded')?.data.netuid).toBe(b);
    expect(chain.state.get(storage.SubnetOwner, b)).toBe(acct('ferdie'));
    expect(chain.state.get(storage.SubnetOwner, a)).toBe(acct('alice'));

    // The pot (as of the block, after this block's step) went out pro rata to alpha, the protocol's share recycled.
    const paid = holders.map((c, i) => free(chain, c) - (before[i] as bigint));
    expect(removed.paidOut + removed.recycled).toBeGreaterThanOrEqual(pot);
    expect(paid.reduce((x, y) => x + y, 0n)).toBe(removed.paidOut);
    const totalAlpha = alpha.reduce((x, y) => x + y, 0n);
    const totalPaid = removed.paidOut;
    holders.forEach((_, i) => {
      const expected = (totalPaid * (alpha[i] as bigint)) / totalAlpha;
      const got = paid[i] as bigint;
      // Alpha moved a little with this block's epoch; the split is pro rata to within a part in 10^4.
      expect(got > expected ? got - expected : expected - got).toBeLessThanOrEqual(expected / 10_000n + 2n);
    });
    // Nothing of the old subnet's stake survives in the new one.
    for (const c of holders) expect(stakeOf(chain.state, acct('charlie-hot'), acct(c), b)).toBe(0n);
    expect(chain.state.get(storage.Keys, b)).toEqual([acct('ferdie-hot')]);
  });

  it('immune subnets are not pruned; the registration waits for the immunity to end', () => {
    const chain = new TestChain({ params: { ...fastEma, subnetLimit: 1, networkImmunityPeriod: 6n } });
    const a = chain.subnet('alice');
    const r = chain.fails('bob', 'register_network', { hotkey: acct('bob-hot') }, 'SubnetLimitReached');
    const at = BigInt(/block (\d+)/.exec(r.error?.hint ?? '')?.[1] ?? '0');
    while (chain.block + 1n < at) chain.step();
    const ok = chain.ok('bob', 'register_network', { hotkey: acct('bob-hot') });
    expect(ok.events.find((e) => e.name === 'NetworkRemoved')?.data.netuid).toBe(a);
  });

  it('dissolving removes every trace of the subnet, its root-claim state included', () => {
    const chain = new TestChain();
    const a = chain.subnet('alice');
    const b = chain.subnet('charlie');
    chain.ok('bob', 'add_stake', { hotkey: acct('charlie-hot'), netuid: b, amount: 5n * TAO });
    chain.ok('dave', 'burned_register', { netuid: b, hotkey: acct('dave-hot') });
    chain.run(12);
    chain.ok('alice', 'sudo_dissolve_network', { netuid: b });
    const key = String(b);
    const left = [...chain.state.allEntries()].filter(
      ([, k]) => k === key || k.startsWith(`${key}/`) || k.endsWith(`/${key}`),
    );
    expect(left).toEqual([]);
    expect(chain.state.value(storage.Netuids)).toEqual([0, a]);
  });
});

describe('emission policies', () => {
  const share = (chain: TestChain, netuid: number): bigint => chain.state.get(storage.SubnetEmissionShare, netuid);

  /** Two started subnets and staking inflow into each, in the given amounts. */
  function inflows(intoA: bigint, intoB: bigint) {
    const chain = new TestChain();
    expect(chain.state.value(storage.Params).emissionPolicy).toBe('taoflow');
    const a = chain.subnet('alice');
    const b = chain.subnet('charlie');
    chain.ok('bob', 'add_stake', { hotkey: acct('alice-hot'), netuid: a, amount: intoA });
    chain.ok('dave', 'add_stake', { hotkey: acct('charlie-hot'), netuid: b, amount: intoB });
    let taoA = 0n;
    let taoB = 0n;
    for (let i = 0; i < 10; i++) {
      chain.step();
      taoA += chain.state.get(storage.SubnetTaoEmission, a);
      taoB += chain.state.get(storage.SubnetTaoEmission, b);
    }
    return { chain, a, b, taoA, taoB };
  }

  it("'taoflow': the subnet with more net staking inflow gets the larger TAO share", () => {
    const x = inflows(50n * TAO, 5n * TAO);
    expect(share(x.chain, x.a)).toBeGreaterThan(share(x.chain, x.b));
    expect(x.taoA).toBeGreaterThan(x.taoB);
    // And the other way round.
    const y = inflows(5n * TAO, 50n * TAO);
    expect(share(y.chain, y.b)).toBeGreaterThan(share(y.chain, y.a));
    expect(y.taoB).toBeGreaterThan(y.taoA);
  });

  it("'ema-price': the shares follow the price EMA", () => {
    // A slow EMA that warms up with age: both prices sit at or above 1.0 (the cap), so the older
    // subnet's EMA is the larger.
    const chain = new TestChain({
      params: { subnetMovingAlpha: 1n << 26n, emaPriceHalvingBlocks: 100n, emissionPolicy: 'ema-price' },
    });
    const a = chain.subnet('alice');
    chain.run(4);
    const b = chain.subnet('charlie');
    chain.run(6);
    const emaA = chain.state.get(storage.MovingPrice, a);
    const emaB = chain.state.get(storage.MovingPrice, b);
    expect(emaB).toBeGreaterThan(0n);
    expect(emaB).toBeLessThan((emaA * 9n) / 10n);
    // This block's shares use the EMAs as they stood before it (they move after the coinbase).
    chain.step();
    const sa = share(chain, a);
    const sb = share(chain, b);
    expect(sa + sb).toBeGreaterThan((1n << 64n) - 10n);
    expect(sa).toBeGreaterThan(sb);
    // share_a / share_b = ema_a / ema_b, to within rounding.
    const lhs = sa * emaB;
    const rhs = sb * emaA;
    expect(lhs > rhs ? lhs - rhs : rhs - lhs).toBeLessThan(rhs / 1_000_000n);
    // The sudo switch changes the policy on a live chain.
    chain.ok('alice', 'sudo_set_network_param', { name: 'emissionPolicy', value: 'taoflow' });
    expect(chain.state.value(storage.Params).emissionPolicy).toBe('taoflow');
  });
});
