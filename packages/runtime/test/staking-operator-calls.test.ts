/**
 * Item-6 staking calls and fixes through real blocks: the existential deposit kept on staking,
 * small nominations cleared on unstake, unstake_all_alpha, remove_stake_full_limit, recycle_alpha
 * and burn_alpha, with every error they add (state untouched apart from fee and nonce).
 */
import { describe, expect, it } from 'vitest';
import { applyBlock, type State, storage } from '../src/index.js';
import { stakeOf } from '../src/staking/stake-pool-state.js';
import { nominatorMinAlpha, nominatorMinStake } from '../src/staking/small-nomination.js';
import { currentPrice } from '../src/swap/pool-state.js';
import { acct, TAO, TestChain } from './utils/chain.js';
import { refuses } from './utils/expect-error.js';

const hot = acct('alice-hot');
const free = (chain: TestChain, who: string): bigint => chain.state.get(storage.Accounts, acct(who))?.free ?? 0n;
const stake = (chain: TestChain, coldkey: string, netuid: number, hotkey = hot): bigint =>
  stakeOf(chain.state, hotkey, acct(coldkey), netuid);
const priceRao = (chain: TestChain, netuid: number): bigint =>
  (currentPrice(chain.state, netuid) * 1_000_000_000n) >> 64n;

/** Applies to `control` the block `chain` just applied, without its extrinsics. */
function emptyBlock(chain: TestChain, control: State): void {
  const number = chain.block;
  applyBlock(control, {
    header: {
      number,
      parentHash: `0x${number.toString(16).padStart(64, '0')}`,
      author: chain.author,
      timestamp: number * 250n,
    },
    extrinsics: [],
  });
}

function quietSubnet(chain: TestChain, owner = 'alice'): number {
  const netuid = chain.subnet(owner);
  chain.ok('alice', 'sudo_set_emission_enabled', { netuid, enabled: false });
  return netuid;
}

describe('the existential deposit on staking', () => {
  it('staking the whole free balance stakes all but the existential deposit', () => {
    const chain = new TestChain();
    const netuid = quietSubnet(chain);
    chain.ok('alice', 'transfer', { dest: acct('grace'), amount: 5n * TAO });
    const fee = 100_120n; // base fee plus 120 bytes
    const r = chain.ok('grace', 'add_stake', { hotkey: hot, netuid, amount: 5n * TAO - fee });
    expect(r.fee).toBe(fee);
    const ed = chain.state.value(storage.Params).existentialDeposit;
    expect(free(chain, 'grace')).toBe(ed);
    expect(r.events.find((e) => e.name === 'StakeAdded')?.data.tao).toBe(5n * TAO - fee - ed);
  });

  it('InsufficientBalance when nothing above the existential deposit is free', () => {
    const chain = new TestChain({ balance: 200n * TAO });
    const netuid = quietSubnet(chain);
    chain.ok('alice', 'sudo_set_network_param', { name: 'existentialDeposit', value: 500n * TAO });
    refuses(chain, 'bob', 'add_stake', { hotkey: hot, netuid, amount: 10n * TAO }, 'InsufficientBalance', {
      hint: /keeps the existential deposit \(τ500\) on the coldkey; free balance is τ199\.9/,
    });
  });
});

describe('small nominations', () => {
  it('the nominator minimum is parts per million of the default minimum stake, in alpha at the price', () => {
    expect(nominatorMinStake(2_000_000n, 10_000_000n)).toBe(20_000_000n);
    const chain = new TestChain();
    const netuid = quietSubnet(chain);
    const min = nominatorMinAlpha(chain.state, netuid, 20_000_000n);
    expect(min).toBe((20_000_000n << 64n) / currentPrice(chain.state, netuid));
  });

  it('a nominator left below the minimum is unstaked in full; the owner is not', () => {
    const chain = new TestChain();
    const netuid = quietSubnet(chain);
    chain.ok('bob', 'add_stake', { hotkey: hot, netuid, amount: 10n * TAO });
    chain.ok('alice', 'add_stake', { hotkey: hot, netuid, amount: 10n * TAO });
    const dust = 5_000_000n; // worth ~0.005 TAO at a price near 1, under the 0.02 TAO minimum
    const bobHeld = stake(chain, 'bob', netuid);
    const bobFree = free(chain, 'bob');
    const r = chain.ok('bob', 'remove_stake', { hotkey: hot, netuid, amount: bobHeld - dust });
    expect(stake(chain, 'bob', netuid)).toBe(0n);
    expect(chain.state.get(storage.StakeShares, [hot, acct('bob'), netuid]).mantissa).toBe(0n);
    expect(r.events.find((e) => e.name === 'SmallNominationCleared')?.data).toMatchObject({ netuid, alpha: dust });
    const removed = r.events.filter((e) => e.name === 'StakeRemoved');
    expect(removed).toHaveLength(2);
    expect(free(chain, 'bob') - bobFree + r.fee).toBe(
      (removed[0]?.data.tao as bigint) + (removed[1]?.data.tao as bigint),
    );
    const aliceHeld = stake(chain, 'alice', netuid);
    const a = chain.ok('alice', 'remove_stake', { hotkey: hot, netuid, amount: aliceHeld - dust });
    expect(a.events.some((e) => e.name === 'SmallNominationCleared')).toBe(false);
    expect(stake(chain, 'alice', netuid)).toBeGreaterThan(0n);
  });

  it('a nominator at or above the minimum keeps its stake; a factor of 0 clears nothing', () => {
    const chain = new TestChain();
    const netuid = quietSubnet(chain);
    chain.ok('bob', 'add_stake', { hotkey: hot, netuid, amount: 10n * TAO });
    chain.ok('bob', 'remove_stake', { hotkey: hot, netuid, amount: stake(chain, 'bob', netuid) - 50_000_000n });
    expect(stake(chain, 'bob', netuid)).toBeGreaterThan(0n);
    chain.ok('alice', 'sudo_set_network_param', { name: 'nominatorMinRequiredStake', value: 0n });
    chain.ok('bob', 'remove_stake', { hotkey: hot, netuid, amount: stake(chain, 'bob', netuid) - 3_000_000n });
    expect(stake(chain, 'bob', netuid)).toBeGreaterThan(0n);
  });
});

describe('unstake_all_alpha', () => {
  it('sells alpha on every subnet and stakes the TAO on root under the same hotkey', () => {
    const chain = new TestChain();
    const a = quietSubnet(chain);
    const b = quietSubnet(chain, 'charlie');
    chain.ok('bob', 'add_stake', { hotkey: hot, netuid: 0, amount: 2n * TAO });
    for (const netuid of [a, b]) chain.ok('bob', 'add_stake', { hotkey: hot, netuid, amount: 3n * TAO });
    const rootBefore = stake(chain, 'bob', 0);
    const freeBefore = free(chain, 'bob');
    const r = chain.ok('bob', 'unstake_all_alpha', { hotkey: hot });
    for (const netuid of [a, b]) expect(stake(chain, 'bob', netuid)).toBe(0n);
    const sold = r.events.find((e) => e.name === 'UnstakedAllAlpha')?.data.tao as bigint;
    expect(sold).toBeGreaterThan(5n * TAO);
    expect(stake(chain, 'bob', 0) - rootBefore).toBe(sold);
    expect(free(chain, 'bob')).toBe(freeBefore - r.fee);
  });

  it('AmountTooLow with no alpha stake anywhere, HotKeyAccountNotExists for an unknown hotkey', () => {
    const chain = new TestChain();
    quietSubnet(chain);
    chain.ok('bob', 'add_stake', { hotkey: hot, netuid: 0, amount: 2n * TAO });
    refuses(chain, 'bob', 'unstake_all_alpha', { hotkey: hot }, 'AmountTooLow', { hint: /stake list/ });
    refuses(chain, 'bob', 'unstake_all_alpha', { hotkey: acct('nobody') }, 'HotKeyAccountNotExists');
  });
});

describe('remove_stake_full_limit', () => {
  it('unstakes everything on one subnet, with or without a limit price', () => {
    const chain = new TestChain();
    const netuid = quietSubnet(chain);
    chain.ok('bob', 'add_stake', { hotkey: hot, netuid, amount: 10n * TAO });
    chain.ok('bob', 'remove_stake_full_limit', { hotkey: hot, netuid, limitPrice: priceRao(chain, netuid) / 100n });
    expect(stake(chain, 'bob', netuid)).toBe(0n);
    chain.ok('bob', 'add_stake', { hotkey: hot, netuid, amount: 10n * TAO });
    chain.ok('bob', 'remove_stake_full_limit', { hotkey: hot, netuid });
    expect(stake(chain, 'bob', netuid)).toBe(0n);
  });

  it('SlippageTooHigh past the limit, NotEnoughStakeToWithdraw with nothing staked', () => {
    const chain = new TestChain();
    const netuid = quietSubnet(chain);
    refuses(chain, 'bob', 'remove_stake_full_limit', { hotkey: hot, netuid }, 'NotEnoughStakeToWithdraw');
    chain.ok('bob', 'add_stake', { hotkey: hot, netuid, amount: 10n * TAO });
    const limitPrice = priceRao(chain, netuid) - 1000n;
    refuses(chain, 'bob', 'remove_stake_full_limit', { hotkey: hot, netuid, limitPrice }, 'SlippageTooHigh', {
      hint: /can be sold at or above your limit price/,
    });
  });
});

describe('recycle_alpha and burn_alpha', () => {
  it('recycling takes alpha out of issuance; burning leaves it issued but owned by nobody', () => {
    const chain = new TestChain();
    const netuid = quietSubnet(chain);
    chain.ok('bob', 'add_stake', { hotkey: hot, netuid, amount: 10n * TAO });
    const held = stake(chain, 'bob', netuid);
    const control = chain.state.clone();
    const r = chain.ok('bob', 'recycle_alpha', { hotkey: hot, netuid, amount: TAO });
    emptyBlock(chain, control);
    const out = control.get(storage.SubnetAlphaOut, netuid);
    expect(r.events.find((e) => e.name === 'AlphaRecycled')?.data).toMatchObject({ amount: TAO, netuid });
    expect(chain.state.get(storage.SubnetAlphaOut, netuid)).toBe(out - TAO);
    expect(stake(chain, 'bob', netuid)).toBe(held - TAO);
    const control2 = chain.state.clone();
    const b = chain.ok('bob', 'burn_alpha', { hotkey: hot, netuid, amount: held * 2n });
    emptyBlock(chain, control2);
    expect(b.events.find((e) => e.name === 'AlphaBurned')?.data.amount).toBe(held - TAO);
    expect(chain.state.get(storage.SubnetAlphaOut, netuid)).toBe(control2.get(storage.SubnetAlphaOut, netuid));
    expect(chain.state.get(storage.SubnetAlphaBurned, netuid)).toBe(held - TAO);
    expect(stake(chain, 'bob', netuid)).toBe(0n);
  });

  for (const method of ['recycle_alpha', 'burn_alpha']) {
    it(`${method}: SubnetNotExists, CannotBurnOrRecycleOnRootSubnet, SubtokenDisabled, HotKeyAccountNotExists`, () => {
      const chain = new TestChain();
      const netuid = quietSubnet(chain);
      const args = { hotkey: hot, netuid, amount: TAO };
      refuses(chain, 'bob', method, { ...args, netuid: 9 }, 'SubnetNotExists');
      refuses(chain, 'bob', method, { ...args, netuid: 0 }, 'CannotBurnOrRecycleOnRootSubnet', { hint: /root/ });
      chain.ok('charlie', 'register_network', { hotkey: acct('charlie-hot') });
      refuses(chain, 'bob', method, { ...args, netuid: netuid + 1 }, 'SubtokenDisabled');
      refuses(chain, 'bob', method, { ...args, hotkey: acct('nobody') }, 'HotKeyAccountNotExists');
    });
  }

  it('InsufficientLiquidity if the books claim less alpha out than the stake (a defensive check)', () => {
    const chain = new TestChain({ invariants: false });
    const netuid = quietSubnet(chain);
    chain.ok('bob', 'add_stake', { hotkey: hot, netuid, amount: 10n * TAO });
    chain.state.set(storage.SubnetAlphaOut, netuid, 0n);
    refuses(chain, 'bob', 'recycle_alpha', { hotkey: hot, netuid, amount: 5n * TAO }, 'InsufficientLiquidity', {
      hint: /outstanding/,
    });
  });
});
