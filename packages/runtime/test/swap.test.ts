import { fixed, PERQUINTILL_ONE, U64F64 } from '@taonet/primitives';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuntimeError } from '../src/errors.js';
import {
  adjustProtocolLiquidity,
  alphaOutForTao,
  expScaled,
  initialWeight,
  limitPriceFromRao,
  maxAmountAdd,
  maxAmountMove,
  maxAmountRemove,
  type Pool,
  powRatioScaled,
  quoteDeltaIn,
  spotPrice,
  SwapError,
  swapFee,
  swapQuote,
} from '../src/swap/index.js';

const HALF = PERQUINTILL_ONE / 2n;
const E18 = PERQUINTILL_ONE;
const U64_MAX = (1n << 64n) - 1n;
const pool = (over: Partial<Pool> = {}): Pool => ({
  tao: 1_000_000_000n,
  alpha: 1_000_000_000n,
  wQuote: HALF,
  feeRate: 33,
  minReserve: 1n,
  ...over,
});

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof RuntimeError ? e.code : `not a RuntimeError: ${String(e)}`;
  }
  return undefined;
}

describe('powRatioScaled', () => {
  it('handles the crate edge cases', () => {
    expect(powRatioScaled(1n, 0n, 1n, 2n, 256, E18)).toBeNull();
    expect(powRatioScaled(1n, 2n, 1n, 0n, 256, E18)).toBeNull();
    expect(powRatioScaled(0n, 2n, 1n, 2n, 256, E18)).toBe(0n);
    expect(powRatioScaled(3n, 2n, 0n, 7n, 256, E18)).toBe(E18);
    expect(powRatioScaled(5n, 5n, 123n, 457n, 256, E18)).toBe(E18);
  });

  it('takes the exact root path for small reduced exponents', () => {
    // (1/4)^(1/2) = 1/2 exactly; (8/1)^(2/3) = 4 exactly.
    expect(powRatioScaled(1n, 4n, 500_000_000_000_000_000n, E18, 256, E18)).toBe(E18 / 2n);
    expect(powRatioScaled(8n, 1n, 2n, 3n, 256, 1000n)).toBe(4000n);
  });

  it('series path agrees with the exact path to within a few units at 10^18', () => {
    // 3/7 is exact; 3000000001/7000000000 forces the series and is within 1e-9 of it.
    const exact = powRatioScaled(123_456n, 654_321n, 3n, 7n, 256, E18) as bigint;
    const series = powRatioScaled(123_456n, 654_321n, 3_000_000_001n, 7_000_000_000n, 256, E18) as bigint;
    const diff = exact > series ? exact - series : series - exact;
    expect(diff < 1_000_000_000n).toBe(true);
  });

  it('is monotone in the base for a fixed exponent', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (r, d) => {
        const a = powRatioScaled(r, r + d, 499_999_999_999_500_000n, 500_000_000_000_500_000n, 256, E18) as bigint;
        const b = powRatioScaled(r, r + d + 1n, 499_999_999_999_500_000n, 500_000_000_000_500_000n, 256, E18) as bigint;
        expect(b <= a).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});

describe('balancer math', () => {
  it('expScaled is 0 for an empty pool and clamps at 1', () => {
    expect(expScaled(HALF, 0n, 0n, true)).toBe(0n);
    expect(expScaled(HALF, 100n, 0n, true)).toBe(U64F64.one);
  });

  it('quoteDeltaIn is 0 when the target is not above the current price', () => {
    const p = U64F64.one;
    expect(quoteDeltaIn(HALF, p, p, 1_000_000n)).toBe(0n);
    expect(quoteDeltaIn(HALF, p, p / 2n, 1_000_000n)).toBe(0n);
    expect(quoteDeltaIn(HALF, 0n, p, 1_000_000n)).toBe(0n);
  });

  it('a buy never pays out more alpha than the pool holds', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 15n }), (alpha, dy) => {
        expect(alphaOutForTao(1_000_000n, alpha, HALF, dy) <= alpha).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

describe('spotPrice and fees', () => {
  it('is 1.0 for stable subnets, 0 for an empty alpha reserve, and tracks the weights', () => {
    expect(spotPrice(5n, 7n, HALF, 0)).toBe(U64F64.one);
    expect(spotPrice(5n, 0n, HALF)).toBe(0n);
    expect(spotPrice(1n, 4n, HALF)).toBe(U64F64.one / 4n);
    // w_quote 0.25: base weight 0.75, so (0.75/0.25)·(1/1) = 3.
    expect(spotPrice(1n, 1n, E18 / 4n)).toBe(3n * U64F64.one);
  });

  it('floors the fee and saturates', () => {
    expect(swapFee(1985n, 33)).toBe(0n);
    expect(swapFee(1986n, 33)).toBe(1n);
    expect(swapFee(U64_MAX, 65535)).toBe(U64_MAX);
    expect(swapFee(1_000n, 0)).toBe(0n);
  });
});

describe('swapQuote errors', () => {
  it('checks input size, then reserves, then the limit price', () => {
    const p = pool({ tao: 1000n, alpha: 10n, minReserve: 100n });
    // All three conditions fail: the input-size error wins.
    expect(codeOf(() => swapQuote(p, 'buy', 2_000_000n, { dropFees: true, limitPriceRao: 1n }))).toBe(
      'SwapInputTooLarge',
    );
    expect(codeOf(() => swapQuote(p, 'buy', 10n, { limitPriceRao: 1n }))).toBe('ReservesTooLow');
    expect(codeOf(() => swapQuote(pool(), 'buy', 10n, { limitPriceRao: 1_000_000_000n }))).toBe('PriceLimitExceeded');
    expect(codeOf(() => swapQuote(pool(), 'sell', 10n, { limitPriceRao: 1_000_000_000n }))).toBe('PriceLimitExceeded');
  });

  it('rejects a non-zero input that buys nothing', () => {
    // Price 1e5 TAO per alpha: one rao buys 1e-5 alpha, which floors to nothing.
    expect(codeOf(() => swapQuote(pool({ tao: 10n ** 11n, alpha: 10n ** 6n }), 'buy', 1n))).toBe('ReservesTooLow');
    // At the default maximum price (1e6) a buy is refused by the limit first.
    expect(codeOf(() => swapQuote(pool({ tao: 10n ** 12n, alpha: 10n ** 6n }), 'buy', 1n))).toBe('PriceLimitExceeded');
  });

  it('errors carry a code, an explanation and a hint', () => {
    const e = new SwapError('PriceLimitExceeded');
    expect(e).toBeInstanceOf(RuntimeError);
    expect(e.code).toBe('PriceLimitExceeded');
    expect(e.explanation.length).toBeGreaterThan(10);
    expect(e.hint).toBeTruthy();
  });

  it('a partial fill stops at the limit and charges the grossed-up fee', () => {
    const p = pool();
    const limitRao = 1_100_000_000n;
    const q = swapQuote(p, 'buy', 10n ** 10n, { limitPriceRao: limitRao });
    expect(q.paidIn < 10n ** 10n).toBe(true);
    expect(q.fee).toBe((q.paidIn * fixed.safeDiv(U64F64, 33n << 64n, 65502n << 64n)) >> 64n);
    const after = spotPrice(p.tao + q.paidIn, p.alpha - q.paidOut, p.wQuote);
    expect(after <= limitPriceFromRao(limitRao)).toBe(true);
  });

  it('stable pools swap 1:1 without a fee', () => {
    expect(swapQuote(pool({ mechanism: 0 }), 'buy', 12345n)).toEqual({ paidIn: 12345n, paidOut: 12345n, fee: 0n });
  });

  it('a zero amount quotes zero', () => {
    expect(swapQuote(pool(), 'sell', 0n)).toEqual({ paidIn: 0n, paidOut: 0n, fee: 0n });
  });
});

describe('pool weights', () => {
  it('initialWeight rejects prices the reserves cannot reach', () => {
    expect(codeOf(() => initialWeight(1n, 10n ** 9n, U64F64.one))).toBe('ReservesOutOfBalance');
    expect(codeOf(() => initialWeight(10n ** 9n, 1n, 1n))).toBe('ReservesOutOfBalance');
    expect(codeOf(() => initialWeight(0n, 0n, U64F64.one))).toBe('ReservesOutOfBalance');
    expect(initialWeight(5n, 5n, null).wQuote).toBe(HALF);
  });

  it('adjustProtocolLiquidity keeps the price and rejects out-of-range weights', () => {
    const before = spotPrice(10n ** 12n, 4n * 10n ** 12n, HALF);
    const adj = adjustProtocolLiquidity(10n ** 12n, 4n * 10n ** 12n, HALF, 10n ** 9n, 0n);
    const after = spotPrice(10n ** 12n + 10n ** 9n, 4n * 10n ** 12n, adj.wQuote);
    const diff = before > after ? before - after : after - before;
    expect(diff < before / 10n ** 12n).toBe(true);
    expect(adjustProtocolLiquidity(1000n, 1000n, HALF, 0n, 10n ** 6n)).toEqual({
      wQuote: HALF,
      taoInjected: 0n,
      alphaInjected: 0n,
    });
    expect(adjustProtocolLiquidity(0n, 0n, E18 / 4n, 0n, 0n).wQuote).toBe(HALF);
  });
});

describe('max amounts', () => {
  it('stable subnets are all or nothing around a price of 1.0', () => {
    const stable = pool({ mechanism: 0 });
    expect(maxAmountAdd(stable, 1_000_000_000n)).toBe(U64_MAX);
    expect(maxAmountAdd(stable, 999_999_999n)).toBe(0n);
    expect(maxAmountRemove(stable, 1_000_000_000n)).toBe(U64_MAX);
    expect(maxAmountRemove(stable, 1_000_000_001n)).toBe(0n);
    expect(maxAmountMove(stable, stable, 1_000_000_000n)).toBe(U64_MAX);
    expect(maxAmountMove(stable, stable, 1_000_000_001n)).toBe(0n);
    expect(maxAmountMove(stable, pool(), 0n)).toBe(U64_MAX);
  });

  it('dynamic to stable is a remove from the origin', () => {
    expect(maxAmountMove(pool(), pool({ mechanism: 0 }), 500_000_000n)).toBe(maxAmountRemove(pool(), 500_000_000n));
  });

  it('propagates swap errors', () => {
    expect(codeOf(() => maxAmountAdd(pool(), 0n))).toBe('PriceLimitExceeded');
  });
});
