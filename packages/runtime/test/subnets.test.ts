import { U64F64 } from '@taonet/primitives';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dissolveTaoSplit,
  lockCostAt,
  lockReductionInterval,
  medianSubnetAlphaPrice,
  networkLockCostSequence,
  networkToPrune,
  subnetPoolSeed,
} from '../src/subnets/index.js';

describe('lock cost', () => {
  const s = { lastLock: 1000n, minLock: 100n, lastLockBlock: 10n };

  it('doubles, decays linearly, and floors at the minimum', () => {
    expect(lockCostAt(s, 10n, 100n)).toBe(2000n);
    expect(lockCostAt(s, 60n, 100n)).toBe(1500n);
    expect(lockCostAt(s, 10_000n, 100n)).toBe(100n);
    // A zero interval means no decay; a block before the last registration counts as no time.
    expect(lockCostAt(s, 10_000n, 0n)).toBe(2000n);
    expect(lockCostAt(s, 5n, 100n)).toBe(2000n);
    // Never registered: no doubling, and the decay counts from block 0.
    expect(lockCostAt({ ...s, lastLockBlock: 0n }, 50n, 100n)).toBe(500n);
  });

  it('the interval shrinks with emission', () => {
    expect(lockReductionInterval(100n, 0n)).toBe(100n);
    expect(lockReductionInterval(100n, 10_500_000n * 10n ** 9n)).toBe(50n);
  });

  it('a registration in a sequence pays the quote and restarts the decay', () => {
    const r = networkLockCostSequence({ lastLock: 1000n, minLock: 100n, lastLockBlock: 0n }, 100n, 0n, [
      { block: 5n, register: true },
      { block: 5n, register: false },
      { block: 55n, register: false },
    ]);
    // 1000 − 10·5; then double the 950 paid; then 1900 − floor(950/100)·50.
    expect(r.lockCosts).toEqual([950n, 1900n, 1450n]);
  });
});

describe('pool seed and median price', () => {
  it('seeds at least the minimum and recycles nothing below it', () => {
    expect(subnetPoolSeed(50n, 100n, U64F64.one)).toEqual({ poolTao: 100n, poolAlpha: 100n, recycled: 0n });
    expect(subnetPoolSeed(100n, 100n, 0n).poolAlpha).toBe(0n);
  });

  it('median ignores non-positive prices and averages the middle pair', () => {
    expect(medianSubnetAlphaPrice([])).toBe(U64F64.one);
    expect(medianSubnetAlphaPrice([0n, 0n])).toBe(U64F64.one);
    expect(medianSubnetAlphaPrice([9n, 1n, 4n, 0n])).toBe(4n);
    expect(medianSubnetAlphaPrice([3n, 1n])).toBe(2n);
  });
});

describe('pruning', () => {
  it('returns null when every subnet is immune, and ties go to the older subnet', () => {
    expect(networkToPrune(10n, 100n, [{ netuid: 1, registeredAt: 0n, movingPrice: 1n }])).toBeNull();
    expect(networkToPrune(10n, 100n, [])).toBeNull();
    expect(
      networkToPrune(500n, 100n, [
        { netuid: 3, registeredAt: 20n, movingPrice: 5n },
        { netuid: 7, registeredAt: 10n, movingPrice: 5n },
        { netuid: 9, registeredAt: 450n, movingPrice: 1n },
      ]),
    ).toBe(7);
  });
});

describe('dissolve split', () => {
  it('pays the whole pot exactly, largest remainders first', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 8 }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        (pot, alphas, protocol) => {
          const r = dissolveTaoSplit(
            pot,
            alphas.map((a, i) => ({ id: `c${i}`, alpha: a })),
            protocol,
          );
          const total = alphas.reduce((a, b) => a + b, protocol);
          const paid = r.payouts.reduce((a, b) => a + b, r.protocolShare);
          expect(paid).toBe(total === 0n ? 0n : pot);
          r.payouts.forEach((p, i) => {
            if (total > 0n) expect(p - (pot * (alphas[i] as bigint)) / total <= 1n).toBe(true);
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('an empty pot or no alpha pays nothing', () => {
    expect(dissolveTaoSplit(0n, [{ id: 'a', alpha: 5n }], 0n)).toEqual({ payouts: [0n], protocolShare: 0n });
    expect(dissolveTaoSplit(9n, [{ id: 'a', alpha: 0n }], 0n)).toEqual({ payouts: [0n], protocolShare: 0n });
  });
});
