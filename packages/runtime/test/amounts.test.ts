/**
 * Amounts in error hints: τ and the subnet's α at a readable precision, rounded the safe way, with
 * the exact rao in the error's data. The examples are the ones a user met in rao.
 */
import { describe, expect, it } from 'vitest';
import { alphaAmount, amountText, currentPrice, RuntimeError, storage, taoAmount, tokenText } from '../src/index.js';
import { acct, TAO, TestChain } from './utils/chain.js';

describe('amount texts', () => {
  it('keeps four decimals from one token up and four significant digits below', () => {
    expect(tokenText(1_085_948_961_110n)).toBe('1,085.9489');
    expect(tokenText(999_999_000_000_000n, 'up')).toBe('999,999');
    expect(tokenText(2_001_007n)).toBe('0.002001');
    expect(tokenText(380_067n)).toBe('0.00038');
    expect(tokenText(500n)).toBe('0.0000005');
    expect(tokenText(1n)).toBe('0.000000001');
    expect(tokenText(0n)).toBe('0');
    expect(tokenText(10n * TAO)).toBe('10');
  });

  it('rounds down what one has or may do at most, up what one needs at least', () => {
    expect(tokenText(2_001_007n, 'up')).toBe('0.002002');
    expect(tokenText(1_085_948_961_110n, 'up')).toBe('1,085.949');
    expect(tokenText(TAO - 1n, 'down')).toBe('0.9999');
    expect(tokenText(TAO - 1n, 'up')).toBe('1');
    // Exact values are never moved.
    expect(tokenText(2_000_000n, 'up')).toBe('0.002');
  });

  it('names the unit: τ for TAO, the subnet’s own symbol for its alpha', () => {
    const chain = new TestChain();
    const netuid = chain.subnet('alice');
    const symbol = chain.state.get(storage.TokenSymbol, netuid);
    expect(symbol).not.toBe('τ');
    expect(amountText(taoAmount(1_500_000_000n))).toBe('τ1.5');
    expect(amountText(alphaAmount(chain.state, netuid, 380_067n))).toBe(`${symbol}0.00038`);
    expect(alphaAmount(chain.state, netuid, 380_067n)).toEqual({ unit: 'alpha', rao: 380_067n, netuid, symbol });
  });
});

describe('errors that mention amounts', () => {
  it('NotEnoughBalanceToStake: the hint in τ, the exact rao in data, through a real block', () => {
    const chain = new TestChain();
    const netuid = chain.subnet('alice');
    chain.ok('alice', 'transfer', { dest: acct('grace'), amount: 1_085_948_961_110n });
    const [r] = chain.step(chain.tx('grace', 'add_stake', { hotkey: acct('alice-hot'), netuid, amount: 9_999n * TAO }));
    expect(r?.error?.code).toBe('NotEnoughBalanceToStake');
    const free = chain.state.get(storage.Accounts, acct('grace'))?.free ?? 0n;
    expect(r?.error?.hint).toBe(`free balance is τ${tokenText(free)}, needs τ9,999`);
    expect(r?.error?.hint).toMatch(/^free balance is τ1,085\.\d{1,4}, needs τ9,999$/);
    expect(r?.error?.data).toEqual({
      amounts: { free: { unit: 'TAO', rao: free }, needed: { unit: 'TAO', rao: 9_999n * TAO } },
    });
  });

  it('SlippageTooHigh on an unstake speaks the subnet’s alpha', () => {
    const chain = new TestChain();
    const netuid = chain.subnet('alice');
    chain.ok('bob', 'add_stake', { hotkey: acct('alice-hot'), netuid, amount: 5n * TAO });
    const held = chain.state.get(storage.TotalHotkeyAlpha, [acct('alice-hot'), netuid]);
    // A floor 1% under the spot price: selling everything at once would go past it.
    const spot = (currentPrice(chain.state, netuid) * TAO) >> 64n;
    const [r] = chain.step(
      chain.tx('bob', 'remove_stake', {
        hotkey: acct('alice-hot'),
        netuid,
        amount: held,
        limitPrice: (spot * 99n) / 100n,
      }),
    );
    const symbol = chain.state.get(storage.TokenSymbol, netuid);
    expect(r?.error?.code).toBe('SlippageTooHigh');
    expect(r?.error?.hint).toMatch(new RegExp(`^at most ${symbol}[\\d,.]+ of your ${symbol}[\\d,.]+ can be sold`));
    const amounts = r?.error?.data?.amounts as Record<string, { unit: string; netuid: number; rao: bigint }>;
    expect(amounts.most).toMatchObject({ unit: 'alpha', netuid, symbol });
    expect(amounts.requested?.rao).toBe(held);
  });

  it('RuntimeError keeps its data in JSON form', () => {
    const e = new RuntimeError('AmountTooLow', undefined, 'stake at least τ0.002002', {
      amounts: { least: taoAmount(2_001_007n) },
    });
    expect(e.toJSON().data).toEqual({ amounts: { least: { unit: 'TAO', rao: 2_001_007n } } });
  });
});
