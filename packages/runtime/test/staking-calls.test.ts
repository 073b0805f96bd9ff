/**
 * Staking calls through real blocks: limit prices and partial fills, the minimum stake, moves with
 * and without a swap, transfers and the transfer toggle, takes and their rate limit, unstake_all.
 */
import { describe, expect, it } from 'vitest';
import { storage, views } from '../src/index.js';
import { stakeOf } from '../src/staking/stake-pool-state.js';
import { currentPrice, poolOf } from '../src/swap/pool-state.js';
import { swapFee } from '../src/swap/swap-fee.js';
import { swapQuote } from '../src/swap/swap-quote.js';
import { acct, TAO, TestChain } from './utils/chain.js';

const hot = acct('alice-hot');
const free = (chain: TestChain, who: string): bigint => chain.state.get(storage.Accounts, acct(who))?.free ?? 0n;
const stake = (chain: TestChain, coldkey: string, netuid: number, hotkey = hot): bigint =>
  stakeOf(chain.state, hotkey, acct(coldkey), netuid);
const priceRao = (chain: TestChain, netuid: number): bigint =>
  (currentPrice(chain.state, netuid) * 1_000_000_000n) >> 64n;

/** A started subnet of alice's with its TAO emission off, so that only our swaps move the price. */
function quietSubnet(chain: TestChain, owner = 'alice'): number {
  const netuid = chain.subnet(owner);
  chain.ok('alice', 'sudo_set_emission_enabled', { netuid, enabled: false });
  return netuid;
}

describe('add_stake with a limit price', () => {
  it('without allowPartial, a stake that fits under the limit fills in full', () => {
    const chain = new TestChain();
    const netuid = quietSubnet(chain);
    const limit = priceRao(chain, netuid) * 2n;
    const before = free(chain, 'bob');
    const r = chain.ok('bob', 'add_stake', { hotkey: hot, netuid, amount: 2n * TAO, limitPrice: limit });
    expect(before - free(chain, 'bob')).toBe(2n * TAO + r.fee);
    expect(priceRao(chain, netuid)).toBeLessThanOrEqual(limit);
  });

  it('with allowPartial, a partial fill stakes less, stops at the limit and refunds the rest', () => {
    const chain = new TestChain();
    const netuid = quietSubnet(chain);
    const limit = (priceRao(chain, netuid) * 3n) / 2n;
    const before = free(chain, 'bob');
    const r = chain.ok('bob', 'add_stake', {
      hotkey: hot,
      netuid,
      amount: 50n * TAO,
      limitPrice: limit,
      allowPartial: true,
    });
    const added = r.events.find((e) => e.name === 'StakeAdded')?.data as { tao: bigint; alpha: bigint };
    const spent = before - free(chain, 'bob') - r.fee;
    expect(spent).toBe(added.tao);
    expect(spent).toBeLessThan(50n * TAO);
    expect(spent).toBeGreaterThan(TAO);
    expect(stake(chain, 'bob', netuid)).toBe(added.alpha);
    // The price ends at the limit (to within rounding), not past it.
    expect(priceRao(chain, netuid)).toBeLessThanOrEqual(limit);
    expect(priceRao(chain, netuid)).toBeGreaterThan(limit - limit / 1000n);
  });

  it('with allowPartial, a stake that fits is not cut', () => {
    const chain = new TestChain();
    const netuid = quietSubnet(chain);
    const before = free(chain, 'bob');
    const r = chain.ok('bob', 'add_stake', {
      hotkey: hot,
      netuid,
      amount: TAO,
      limitPrice: priceRao(chain, netuid) * 10n,
      allowPartial: true,
    });
    expect(before - free(chain, 'bob')).toBe(TAO + r.fee);
  });
});

describe('remove_stake and the minimum stake', () => {
  it('a full unstake is allowed below the minimum; a partial one below it is not', () => {
    const chain = new TestChain();
    const netuid = quietSubnet(chain);
    // Without the nominator minimum, so that the small remainder is not cleared at once.
    chain.ok('alice', 'sudo_set_network_param', { name: 'nominatorMinRequiredStake', value: 0n });
    chain.ok('bob', 'add_stake', { hotkey: hot, netuid, amount: 5n * TAO });
    const held = stake(chain, 'bob', netuid);
    // Leave a remainder worth far less than the 2,000,000 rao minimum.
    chain.ok('bob', 'remove_stake', { hotkey: hot, netuid, amount: held - 20_000n });
    const rest = stake(chain, 'bob', netuid);
    expect(rest).toBeGreaterThan(0n);
    expect((rest * priceRao(chain, netuid)) / 1_000_000_000n).toBeLessThan(2_000_000n);
    chain.fails('bob', 'remove_stake', { hotkey: hot, netuid, amount: rest / 2n }, 'AmountTooLow');
    const before = free(chain, 'bob');
    // More than held means all of it.
    const r = chain.ok('bob', 'remove_stake', { hotkey: hot, netuid, amount: rest * 10n });
    expect(stake(chain, 'bob', netuid)).toBe(0n);
    expect(free(chain, 'bob')).toBeGreaterThan(before - r.fee);
  });

  it('a remove with a limit and allowPartial sells down to the limit and keeps the rest staked', () => {
    const chain = new TestChain();
    const netuid = quietSubnet(chain);
    chain.ok('bob', 'add_stake', { hotkey: hot, netuid, amount: 20n * TAO });
    const held = stake(chain, 'bob', netuid);
    const limit = (priceRao(chain, netuid) * 9n) / 10n;
    chain.ok('bob', 'remove_stake', { hotkey: hot, netuid, amount: held, limitPrice: limit, allowPartial: true });
    const kept = stake(chain, 'bob', netuid);
    expect(kept).toBeGreaterThan(0n);
    expect(kept).toBeLessThan(held);
    // The sale stops at the limit; only the author's fee, sold after it at any price, goes a hair past.
    expect(priceRao(chain, netuid)).toBeGreaterThan(limit - limit / 1000n);
    expect(priceRao(chain, netuid)).toBeLessThan(limit + limit / 1000n);
  });
});

describe('moving stake', () => {
  it('within a subnet nothing is swapped and no swap fee is paid', () => {
    const chain = new TestChain();
    const netuid = quietSubnet(chain);
    chain.ok('charlie', 'burned_register', { netuid, hotkey: acct('charlie-hot') });
    chain.ok('bob', 'add_stake', { hotkey: hot, netuid, amount: 10n * TAO });
    const held = stake(chain, 'bob', netuid);
    const pool = poolOf(chain.state, netuid);
    const author = free(chain, 'author');
    const r = chain.ok('bob', 'move_stake', {
      originHotkey: hot,
      destHotkey: acct('charlie-hot'),
      originNetuid: netuid,
      destNetuid: netuid,
      amount: held / 2n,
    });
    expect(stake(chain, 'bob', netuid, acct('charlie-hot'))).toBe(held / 2n);
    expect(stake(chain, 'bob', netuid)).toBe(held - held / 2n);
    expect(poolOf(chain.state, netuid)).toEqual(pool);
    // The author got the transaction fee and nothing else.
    expect(free(chain, 'author') - author).toBe(r.fee);
  });

  it('across subnets exactly one swap fee is charged: on the sale, the buy is fee-free', () => {
    const chain = new TestChain();
    const a = quietSubnet(chain);
    const b = quietSubnet(chain, 'charlie');
    chain.ok('bob', 'add_stake', { hotkey: hot, netuid: a, amount: 10n * TAO });
    const alpha = stake(chain, 'bob', a) / 2n;
    const sale = swapQuote(poolOf(chain.state, a), 'sell', alpha);
    expect(sale.fee).toBeGreaterThan(0n);
    const author = free(chain, 'author');
    const r = chain.ok('bob', 'swap_stake', { hotkey: hot, originNetuid: a, destNetuid: b, amount: alpha });
    const moved = r.events.find((e) => e.name === 'StakeMoved')?.data as { tao: bigint; destAlpha: bigint };
    expect(moved.tao).toBe(sale.paidOut);
    // The destination buy drops its fee: all the TAO reaches the pool.
    const buyNoFee = swapQuote(
      {
        ...poolOf(chain.state, b),
        tao: poolOf(chain.state, b).tao - moved.tao,
        alpha: poolOf(chain.state, b).alpha + moved.destAlpha,
      },
      'buy',
      moved.tao,
      { dropFees: true },
    );
    expect(moved.destAlpha).toBe(buyNoFee.paidOut);
    expect(stake(chain, 'bob', b)).toBe(moved.destAlpha);
    // The author got the transaction fee plus the one swap fee (the sale's alpha fee, sold for TAO).
    const authorGain = free(chain, 'author') - author - r.fee;
    const feeValue = (sale.fee * priceRao(chain, a)) / 1_000_000_000n;
    expect(authorGain).toBeGreaterThan(feeValue - feeValue / 100n);
    expect(authorGain).toBeLessThan(feeValue + feeValue / 100n);
  });

  it('from root, the sale is fee-free and the buy pays the fee', () => {
    const chain = new TestChain();
    const b = quietSubnet(chain);
    chain.ok('bob', 'add_stake', { hotkey: hot, netuid: 0, amount: 10n * TAO });
    expect(stake(chain, 'bob', 0)).toBe(10n * TAO);
    const author = free(chain, 'author');
    const r = chain.ok('bob', 'swap_stake', { hotkey: hot, originNetuid: 0, destNetuid: b, amount: 4n * TAO });
    const moved = r.events.find((e) => e.name === 'StakeMoved')?.data as { tao: bigint };
    expect(moved.tao).toBe(4n * TAO);
    expect(stake(chain, 'bob', 0)).toBe(6n * TAO);
    const fee = free(chain, 'author') - author - r.fee;
    expect(fee).toBe(swapFee(4n * TAO, 33));
  });
});

describe('transfer_stake', () => {
  it('gives stake to another coldkey on the same hotkey, unless transfers are off', () => {
    const chain = new TestChain();
    const netuid = quietSubnet(chain);
    chain.ok('bob', 'add_stake', { hotkey: hot, netuid, amount: 10n * TAO });
    const held = stake(chain, 'bob', netuid);
    const args = { destColdkey: acct('eve'), hotkey: hot, originNetuid: netuid, destNetuid: netuid, amount: held / 4n };
    chain.ok('bob', 'transfer_stake', args);
    const eve = stake(chain, 'eve', netuid);
    expect(eve).toBeGreaterThanOrEqual(held / 4n - 1n);
    chain.ok('alice', 'set_hyperparameter', { netuid, name: 'transferEnabled', value: false });
    chain.fails('bob', 'transfer_stake', args, 'TransferDisallowed');
    // A plain move to another hotkey of the same coldkey is not a transfer.
    chain.ok('dave', 'burned_register', { netuid, hotkey: acct('dave-hot') });
    chain.ok('bob', 'move_stake', {
      originHotkey: hot,
      destHotkey: acct('dave-hot'),
      originNetuid: netuid,
      destNetuid: netuid,
      amount: held / 4n,
    });
    chain.ok('alice', 'set_hyperparameter', { netuid, name: 'transferEnabled', value: true });
    const r = chain.ok('bob', 'transfer_stake', args);
    expect(r.events.find((e) => e.name === 'StakeTransferred')?.data.amount).toBe(held / 4n);
    // Eve's stake also grows with the validator's dividends in between.
    expect(stake(chain, 'eve', netuid)).toBeGreaterThanOrEqual(eve + held / 4n - 1n);
  });

  it('into another subnet needs transfers on at both ends', () => {
    const chain = new TestChain({ subnetDefaults: { transferEnabled: false } });
    const a = quietSubnet(chain);
    const b = quietSubnet(chain, 'charlie');
    chain.ok('bob', 'add_stake', { hotkey: hot, netuid: a, amount: 10n * TAO });
    const args = {
      destColdkey: acct('eve'),
      hotkey: hot,
      originNetuid: a,
      destNetuid: b,
      amount: stake(chain, 'bob', a) / 2n,
    };
    chain.fails('bob', 'transfer_stake', args, 'TransferDisallowed');
    chain.ok('alice', 'set_hyperparameter', { netuid: a, name: 'transferEnabled', value: true });
    chain.fails('bob', 'transfer_stake', args, 'TransferDisallowed');
    chain.ok('alice', 'set_hyperparameter', { netuid: b, name: 'transferEnabled', value: true });
    chain.ok('bob', 'transfer_stake', args);
    expect(stake(chain, 'eve', b)).toBeGreaterThan(0n);
    expect(stake(chain, 'bob', b)).toBe(0n);
  });
});

describe('takes', () => {
  it('decreases apply at once and are not rate limited; increases wait out the limit after any change', () => {
    const chain = new TestChain({ params: { txDelegateTakeRateLimit: 3n } });
    chain.subnet('alice');
    expect(views.accountInfo(chain.state, acct('alice')).stakes).toEqual([]);
    chain.ok('alice', 'decrease_take', { hotkey: hot, take: 8000 });
    chain.ok('alice', 'decrease_take', { hotkey: hot, take: 6000 });
    expect(chain.state.get(storage.DelegateTake, hot)).toBe(6000);
    const changed = chain.block;
    const r = chain.fails('alice', 'increase_take', { hotkey: hot, take: 7000 }, 'DelegateTxRateLimitExceeded');
    expect(r.error?.hint).toBe(`next allowed at block ${changed + 4n}`);
    while (chain.block + 1n < changed + 4n) chain.step();
    chain.ok('alice', 'increase_take', { hotkey: hot, take: 7000 });
    expect(chain.state.get(storage.DelegateTake, hot)).toBe(7000);
    // Takes are free calls.
    expect(r.fee).toBe(0n);
  });

  it('the take is what the validator keeps of its dividends', () => {
    const run = (take: number | null): bigint => {
      const chain = new TestChain();
      const netuid = chain.subnet('alice');
      if (take !== null) chain.ok('alice', 'decrease_take', { hotkey: hot, take });
      chain.ok('bob', 'add_stake', { hotkey: hot, netuid, amount: 10n * TAO });
      chain.run(25);
      return stake(chain, 'bob', netuid);
    };
    // Bob, a nominator, earns more when the validator keeps less.
    expect(run(0)).toBeGreaterThan(run(null));
  });
});

describe('unstake_all', () => {
  it('unstakes the hotkey on every subnet, root included', () => {
    const chain = new TestChain();
    const a = quietSubnet(chain);
    const b = quietSubnet(chain, 'charlie');
    for (const netuid of [0, a, b]) chain.ok('bob', 'add_stake', { hotkey: hot, netuid, amount: 3n * TAO });
    const before = free(chain, 'bob');
    const r = chain.ok('bob', 'unstake_all', { hotkey: hot });
    for (const netuid of [0, a, b]) expect(stake(chain, 'bob', netuid)).toBe(0n);
    const got = free(chain, 'bob') - before + r.fee;
    // 3 TAO back from root, and the two subnet stakes less their swap fees (plus any dividends meanwhile).
    expect(got).toBeGreaterThan(8n * TAO);
    expect(r.events.find((e) => e.name === 'UnstakedAll')?.data.tao).toBe(got);
  });

  it('skips a subnet that refuses and keeps that stake', () => {
    const chain = new TestChain();
    const a = quietSubnet(chain);
    chain.ok('bob', 'add_stake', { hotkey: hot, netuid: 0, amount: 3n * TAO });
    chain.ok('bob', 'add_stake', { hotkey: hot, netuid: a, amount: 3n * TAO });
    // Drain subnet a's TAO reserve below the minimum so that every sale there is refused.
    chain.ok('alice', 'sudo_set_network_param', { name: 'minimumReserve', value: 1000n * TAO });
    const r = chain.ok('bob', 'unstake_all', { hotkey: hot });
    expect(r.events.find((e) => e.name === 'UnstakeSkipped')?.data).toMatchObject({
      netuid: a,
      error: 'ReservesTooLow',
    });
    expect(stake(chain, 'bob', 0)).toBe(0n);
    expect(stake(chain, 'bob', a)).toBeGreaterThan(0n);
  });
});
