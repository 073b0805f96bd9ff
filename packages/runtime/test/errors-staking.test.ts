/**
 * Every error the staking calls can raise (add_stake, remove_stake, move_stake, transfer_stake,
 * swap_stake, unstake_all, increase_take, decrease_take), including the swap's own errors as they
 * surface through staking, through real blocks with the state untouched apart from fee and nonce.
 */
import { describe, expect, it } from 'vitest';
import { storage } from '../src/index.js';
import { stakeOf } from '../src/staking/stake-pool-state.js';
import { currentPrice } from '../src/swap/pool-state.js';
import { acct, TAO, TestChain } from './utils/chain.js';
import { refuses } from './utils/expect-error.js';

const hot = acct('alice-hot');

/** Alice's started subnet, TAO emission off so that prices hold still, with bob staking 10 TAO on alice's hotkey. */
function staked(opts: ConstructorParameters<typeof TestChain>[0] = {}) {
  const chain = new TestChain(opts);
  const netuid = chain.subnet('alice');
  chain.ok('alice', 'sudo_set_emission_enabled', { netuid, enabled: false });
  chain.ok('bob', 'add_stake', { hotkey: hot, netuid, amount: 10n * TAO });
  return { chain, netuid, price: () => priceRao(chain, netuid) };
}

/** Spot price in rao per alpha, rounded down. */
function priceRao(chain: TestChain, netuid: number): bigint {
  return (currentPrice(chain.state, netuid) * 1_000_000_000n) >> 64n;
}

/**
 * Drives a pool's price to the default maximum buy price (10^6 TAO per alpha) with big stakes from
 * bob; each fills at most ~17× the TAO reserve (the limit-reach power saturates at u64, as on chain).
 */
function pump(chain: TestChain, netuid: number): void {
  while (priceRao(chain, netuid) < 999_000n * TAO) {
    chain.ok('bob', 'add_stake', { hotkey: hot, netuid, amount: chain.state.get(storage.SubnetTao, netuid) * 20n });
  }
}

describe('add_stake errors', () => {
  it('SubnetNotExists and SubtokenDisabled', () => {
    const chain = new TestChain();
    refuses(chain, 'bob', 'add_stake', { hotkey: hot, netuid: 3, amount: TAO }, 'SubnetNotExists', {
      hint: /no subnet 3/,
    });
    chain.ok('alice', 'register_network', { hotkey: hot });
    refuses(chain, 'bob', 'add_stake', { hotkey: hot, netuid: 1, amount: TAO }, 'SubtokenDisabled', {
      hint: /start_call/,
    });
  });

  it('AmountTooLow below the minimum stake plus its fee, saying the minimum', () => {
    const { chain, netuid } = staked();
    refuses(chain, 'bob', 'add_stake', { hotkey: hot, netuid, amount: 2_001_006n }, 'AmountTooLow', {
      hint: /^stake at least τ0\.002002$/,
    });
    chain.ok('bob', 'add_stake', { hotkey: hot, netuid, amount: 2_001_007n });
  });

  it('NotEnoughBalanceToStake, saying the free balance', () => {
    const { chain, netuid } = staked({ balance: 200n * TAO });
    refuses(chain, 'bob', 'add_stake', { hotkey: hot, netuid, amount: 195n * TAO }, 'NotEnoughBalanceToStake', {
      hint: /^free balance is τ[\d,.]+, needs τ[\d,.]+$/,
    });
  });

  it('HotKeyAccountNotExists', () => {
    const { chain, netuid } = staked();
    refuses(chain, 'bob', 'add_stake', { hotkey: acct('nobody'), netuid, amount: TAO }, 'HotKeyAccountNotExists');
  });

  it('InsufficientLiquidity: more than 1000× the pool', () => {
    const { chain, netuid } = staked();
    const tao = chain.state.get(storage.SubnetTao, netuid);
    refuses(
      chain,
      'bob',
      'add_stake',
      { hotkey: hot, netuid, amount: tao * 1000n + 10n * TAO },
      'InsufficientLiquidity',
      {
        hint: /^at most τ[\d,.]+ per stake/,
      },
    );
  });

  it('SlippageTooHigh with a limit price and no partial fill, saying what fits', () => {
    const { chain, netuid, price } = staked();
    refuses(
      chain,
      'bob',
      'add_stake',
      { hotkey: hot, netuid, amount: 10n * TAO, limitPrice: price() + price() / 100n },
      'SlippageTooHigh',
      {
        hint: /^at most τ[\d,.]+ of your τ[\d,.]+ can be staked/,
      },
    );
  });

  it('PriceLimitExceeded: the price is already above the limit', () => {
    const { chain, netuid, price } = staked();
    refuses(
      chain,
      'bob',
      'add_stake',
      { hotkey: hot, netuid, amount: TAO, limitPrice: price() - 1n, allowPartial: true },
      'PriceLimitExceeded',
      {
        hint: /limit price/,
      },
    );
  });

  it('AmountTooLow when a partial fill would stake less than the minimum', () => {
    const { chain, netuid, price } = staked();
    // A limit just above the price lets only a sliver through.
    refuses(
      chain,
      'bob',
      'add_stake',
      { hotkey: hot, netuid, amount: TAO, limitPrice: price() + 2n, allowPartial: true },
      'AmountTooLow',
      {
        hint: /the minimum is τ0\.002$/,
      },
    );
  });

  it('ReservesTooLow: the pool has almost no alpha left', () => {
    const { chain, netuid } = staked();
    pump(chain, netuid);
    // At the price ceiling a buy gets no alpha at all.
    refuses(chain, 'charlie', 'add_stake', { hotkey: hot, netuid, amount: TAO }, 'ReservesTooLow', {
      hint: /larger amount|liquidity/,
    });
  });
});

describe('remove_stake errors', () => {
  it('SubnetNotExists, SubtokenDisabled, HotKeyAccountNotExists', () => {
    const { chain } = staked();
    refuses(chain, 'bob', 'remove_stake', { hotkey: hot, netuid: 7, amount: TAO }, 'SubnetNotExists');
    chain.ok('charlie', 'register_network', { hotkey: acct('charlie-hot') });
    refuses(chain, 'bob', 'remove_stake', { hotkey: acct('charlie-hot'), netuid: 2, amount: TAO }, 'SubtokenDisabled');
    refuses(chain, 'bob', 'remove_stake', { hotkey: acct('nobody'), netuid: 1, amount: TAO }, 'HotKeyAccountNotExists');
  });

  it('NotEnoughStakeToWithdraw: nothing staked there', () => {
    const { chain, netuid } = staked();
    refuses(chain, 'charlie', 'remove_stake', { hotkey: hot, netuid, amount: TAO }, 'NotEnoughStakeToWithdraw', {
      hint: /no stake on this hotkey on subnet 1/,
    });
  });

  it('AmountTooLow: zero, or a partial unstake paying out less than the minimum', () => {
    const { chain, netuid } = staked();
    refuses(chain, 'bob', 'remove_stake', { hotkey: hot, netuid, amount: 0n }, 'AmountTooLow');
    refuses(chain, 'bob', 'remove_stake', { hotkey: hot, netuid, amount: 100_000n }, 'AmountTooLow', {
      hint: /at least τ0\.002 \(this one pays τ[\d.]+\)/,
    });
  });

  it('SlippageTooHigh and PriceLimitExceeded with a limit price', () => {
    const { chain, netuid, price } = staked();
    refuses(
      chain,
      'bob',
      'remove_stake',
      { hotkey: hot, netuid, amount: TAO, limitPrice: price() - price() / 100n },
      'SlippageTooHigh',
      {
        hint: /^at most α[\d,.]+ of your α[\d,.]+ can be sold/,
      },
    );
    refuses(
      chain,
      'bob',
      'remove_stake',
      { hotkey: hot, netuid, amount: TAO, limitPrice: price() + 1n, allowPartial: true },
      'PriceLimitExceeded',
    );
  });

  it('InsufficientLiquidity: more than 1000× the pool alpha', () => {
    const { chain, netuid } = staked();
    pump(chain, netuid);
    // Alpha emission (TAO emission is off) keeps paying bob's validator until bob holds more than 1000× the pool.
    while (stakeOf(chain.state, hot, acct('bob'), netuid) <= chain.state.get(storage.SubnetAlphaIn, netuid) * 1000n)
      chain.step();
    refuses(chain, 'bob', 'remove_stake', { hotkey: hot, netuid, amount: 1n << 62n }, 'InsufficientLiquidity', {
      hint: /^at most α[\d,.]+ per unstake/,
    });
  });
});

describe('move_stake, transfer_stake, swap_stake errors', () => {
  function twoSubnets(opts: ConstructorParameters<typeof TestChain>[0] = {}) {
    const chain = new TestChain(opts);
    const a = chain.subnet('alice');
    const b = chain.subnet('charlie');
    chain.ok('bob', 'add_stake', { hotkey: hot, netuid: a, amount: 100n * TAO });
    return { chain, a, b };
  }

  it('SameNetuid: nothing would move', () => {
    const { chain, a } = twoSubnets();
    refuses(chain, 'bob', 'swap_stake', { hotkey: hot, originNetuid: a, destNetuid: a, amount: TAO }, 'SameNetuid');
    refuses(
      chain,
      'bob',
      'move_stake',
      { originHotkey: hot, destHotkey: hot, originNetuid: a, destNetuid: a, amount: TAO },
      'SameNetuid',
    );
  });

  it('SubnetNotExists, SubtokenDisabled, HotKeyAccountNotExists', () => {
    const { chain, a } = twoSubnets();
    refuses(
      chain,
      'bob',
      'swap_stake',
      { hotkey: hot, originNetuid: a, destNetuid: 9, amount: TAO },
      'SubnetNotExists',
    );
    chain.ok('dave', 'register_network', { hotkey: acct('dave-hot') });
    refuses(
      chain,
      'bob',
      'swap_stake',
      { hotkey: hot, originNetuid: a, destNetuid: 3, amount: TAO },
      'SubtokenDisabled',
    );
    refuses(
      chain,
      'bob',
      'move_stake',
      { originHotkey: hot, destHotkey: acct('nobody'), originNetuid: a, destNetuid: a, amount: TAO },
      'HotKeyAccountNotExists',
    );
  });

  it('NotEnoughStakeToWithdraw', () => {
    const { chain, a, b } = twoSubnets();
    refuses(
      chain,
      'eve',
      'swap_stake',
      { hotkey: hot, originNetuid: a, destNetuid: b, amount: TAO },
      'NotEnoughStakeToWithdraw',
      {
        hint: /no stake/,
      },
    );
  });

  it('AmountTooLow: zero, a same-subnet move under the minimum, a cross-subnet move under it', () => {
    const { chain, a, b } = twoSubnets();
    const move = { originHotkey: hot, destHotkey: acct('charlie-hot'), originNetuid: a, destNetuid: a };
    refuses(chain, 'bob', 'move_stake', { ...move, amount: 0n }, 'AmountTooLow');
    refuses(chain, 'bob', 'move_stake', { ...move, amount: 1000n }, 'AmountTooLow', {
      hint: /at least τ0\.002; it is worth τ/,
    });
    refuses(
      chain,
      'bob',
      'swap_stake',
      { hotkey: hot, originNetuid: a, destNetuid: b, amount: 1000n },
      'AmountTooLow',
      {
        hint: /more than τ0\.002; it would fetch τ/,
      },
    );
  });

  it('TransferDisallowed on either subnet', () => {
    const { chain, a } = twoSubnets();
    chain.ok('alice', 'set_hyperparameter', { netuid: a, name: 'transferEnabled', value: false });
    refuses(
      chain,
      'bob',
      'transfer_stake',
      { destColdkey: acct('eve'), hotkey: hot, originNetuid: a, destNetuid: a, amount: 10n * TAO },
      'TransferDisallowed',
      { hint: /transfers are off on subnet 1/ },
    );
  });

  it('SlippageTooHigh for a cross-subnet move past its limit', () => {
    const { chain, a, b } = twoSubnets();
    refuses(
      chain,
      'bob',
      'swap_stake',
      { hotkey: hot, originNetuid: a, destNetuid: b, amount: 10n * TAO, limitPrice: 1_000_000_000_000n },
      'SlippageTooHigh',
      { hint: /^at most α0 of your α[\d,.]+ can move/ },
    );
  });

  it('SwapInputTooLarge: the TAO out of one pool is more than 1000× the other', () => {
    const chain = new TestChain();
    const a = chain.subnet('alice');
    chain.ok('alice', 'sudo_set_emission_enabled', { netuid: a, enabled: false });
    chain.ok('bob', 'add_stake', { hotkey: hot, netuid: a, amount: 10n * TAO });
    pump(chain, a);
    // A second subnet seeded with a tenth of the first one's lock.
    chain.ok('alice', 'sudo_set_network_param', { name: 'networkMinLockCost', value: TAO });
    chain.run(5);
    const b = chain.subnet('charlie');
    chain.ok('alice', 'sudo_set_emission_enabled', { netuid: b, enabled: false });
    expect(chain.state.get(storage.SubnetTao, a)).toBeGreaterThan(chain.state.get(storage.SubnetTao, b) * 1010n);
    refuses(
      chain,
      'bob',
      'swap_stake',
      { hotkey: hot, originNetuid: a, destNetuid: b, amount: 1n << 62n },
      'SwapInputTooLarge',
      {
        hint: /smaller amounts/,
      },
    );
  });
});

describe('unstake_all errors', () => {
  it('HotKeyAccountNotExists', () => {
    const { chain } = staked();
    refuses(chain, 'bob', 'unstake_all', { hotkey: acct('nobody') }, 'HotKeyAccountNotExists', {
      hint: /not registered/,
    });
  });
});

describe('take errors', () => {
  it('HotKeyAccountNotExists and NonAssociatedColdKey', () => {
    const chain = new TestChain();
    chain.subnet('alice');
    refuses(chain, 'alice', 'increase_take', { hotkey: acct('nobody'), take: 100 }, 'HotKeyAccountNotExists');
    refuses(chain, 'bob', 'decrease_take', { hotkey: hot, take: 100 }, 'NonAssociatedColdKey', {
      hint: /hotkey owner/,
    });
    refuses(chain, 'bob', 'increase_take', { hotkey: hot, take: 100 }, 'NonAssociatedColdKey');
  });

  it('DelegateTakeTooLow: an increase that is not above the current take, a decrease that is not below it', () => {
    const chain = new TestChain();
    chain.subnet('alice');
    chain.ok('alice', 'decrease_take', { hotkey: hot, take: 5000 });
    refuses(chain, 'alice', 'increase_take', { hotkey: hot, take: 5000 }, 'DelegateTakeTooLow', {
      hint: /current take is 5000/,
    });
    refuses(chain, 'alice', 'decrease_take', { hotkey: hot, take: 5000 }, 'DelegateTakeTooLow', {
      hint: /current take 5000/,
    });
  });

  it('DelegateTakeTooLow: a decrease below the minimum take', () => {
    const chain = new TestChain({ params: { minDelegateTake: 1000 } });
    chain.subnet('alice');
    refuses(chain, 'alice', 'decrease_take', { hotkey: hot, take: 999 }, 'DelegateTakeTooLow', {
      hint: /minimum take is 1000/,
    });
  });

  it('DelegateTakeTooHigh: above the maximum', () => {
    const chain = new TestChain();
    chain.subnet('alice');
    chain.ok('alice', 'decrease_take', { hotkey: hot, take: 5000 });
    refuses(chain, 'alice', 'increase_take', { hotkey: hot, take: 11797 }, 'DelegateTakeTooHigh', {
      hint: /maximum take is 11796/,
    });
  });

  it('DelegateTxRateLimitExceeded, with the next allowed block', () => {
    const chain = new TestChain({ params: { txDelegateTakeRateLimit: 5n } });
    chain.subnet('alice');
    chain.ok('alice', 'decrease_take', { hotkey: hot, take: 1000 });
    const at = chain.block;
    refuses(chain, 'alice', 'increase_take', { hotkey: hot, take: 2000 }, 'DelegateTxRateLimitExceeded', {
      hint: new RegExp(`next allowed at block ${at + 6n}$`),
    });
  });
});
