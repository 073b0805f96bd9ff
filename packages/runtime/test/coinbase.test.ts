import { I96F32, U64F64, U96F32 } from '@taonet/primitives';
import { describe, expect, it } from 'vitest';
import {
  blockEmissionForIssuance,
  type CoinbaseConfig,
  type CoinbaseState,
  coinbaseSubnet,
  flowEmaUpdate,
  powerNormalize,
  rootProportion,
  runCoinbase,
  safePow,
  subnetBlockEmissions,
  subnetSharesFlow,
  updateMovingPrice,
} from '../src/coinbase/index.js';
import { movingAlphaPrice, updateMovingPrices } from '../src/coinbase/moving-prices-state.js';
import { FirstEmissionBlock, MovingPrice, SubtokenEnabled } from '../src/subnets/storage.js';
import { addSubnet, ctxAt, newState } from './utils/neuron-fixture.js';
import { blocksUntilNextAutoEpoch, blocksUntilNextEpochLegacy, shouldRunEpoch } from '../src/subnets/epoch-schedule.js';

const U64_MAX = (1n << 64n) - 1n;
const TAO = 1_000_000_000n;

describe('block emission', () => {
  it('halves at each boundary and stops at the cap', () => {
    expect(blockEmissionForIssuance(0n)).toBe(TAO);
    expect(blockEmissionForIssuance(10_500_000n * TAO - 1n)).toBe(TAO);
    expect(blockEmissionForIssuance(10_500_000n * TAO)).toBe(TAO / 2n);
    expect(blockEmissionForIssuance(21_000_000n * TAO)).toBe(0n);
    expect(blockEmissionForIssuance(U64_MAX)).toBe(0n);
  });

  it('respects a custom curve', () => {
    expect(blockEmissionForIssuance(50n, { defaultBlockEmission: 64n, totalSupply: 100n })).toBe(32n);
  });
});

describe('epoch schedule', () => {
  it('never runs with tempo 0', () => {
    expect(blocksUntilNextAutoEpoch(0n, 0, 5n)).toBe(U64_MAX);
    expect(blocksUntilNextEpochLegacy(1, 0, 5n)).toBe(U64_MAX);
    expect(
      shouldRunEpoch({ tempo: 0, lastEpochBlock: 0n, pendingEpochAt: 1n, blocksSinceLastStep: 10n ** 6n }, 9n),
    ).toBe(false);
  });

  it('legacy formula wraps at u64', () => {
    expect(blocksUntilNextEpochLegacy(1, 10, U64_MAX)).toBe(9n);
  });

  it('a pending trigger and the safety net both force an epoch', () => {
    const base = { tempo: 360, lastEpochBlock: 1000n, pendingEpochAt: 0n, blocksSinceLastStep: 0n };
    expect(shouldRunEpoch(base, 1001n)).toBe(false);
    expect(shouldRunEpoch({ ...base, pendingEpochAt: 1001n }, 1001n)).toBe(true);
    expect(shouldRunEpoch({ ...base, blocksSinceLastStep: 50_401n }, 1001n)).toBe(true);
  });
});

describe('moving price', () => {
  it('caps the spot price at 1.0 and warms up with age', () => {
    const params = { movingAlpha: I96F32.one / 2n, firstEmissionBlock: 1n, halvingBlocks: 1n };
    // b = 1, α = 0.5 · 1/2 = 0.25; spot 3.0 counts as 1.0.
    expect(updateMovingPrice(0n, 3n * U64F64.one, 1n, params)).toBe(I96F32.one / 4n);
    // At the first emission block's predecessor the age is 0 and nothing moves.
    expect(updateMovingPrice(123n, U64F64.one, 0n, params)).toBe(123n);
  });

  it("starts a stable subnet's step from the getter (1.0), not the stored value", () => {
    const s = newState();
    for (const [netuid, mechanism] of [
      [1, 0],
      [2, 1],
    ] as const) {
      addSubnet(s, { netuid, mechanism, tao: 100n * TAO, alpha: 400n * TAO });
      s.set(FirstEmissionBlock, netuid, 1n);
      s.set(SubtokenEnabled, netuid, true);
      s.set(MovingPrice, netuid, 7n);
    }
    expect(movingAlphaPrice(s, 1)).toBe(I96F32.one);
    expect(movingAlphaPrice(s, 2)).toBe(7n);
    const ctx = ctxAt(s, 100n);
    updateMovingPrices(ctx);
    const p = {
      movingAlpha: ctx.params.subnetMovingAlpha,
      firstEmissionBlock: 1n,
      halvingBlocks: ctx.params.emaPriceHalvingBlocks,
    };
    // The stable pool's spot price is 1.0 whatever its reserves; the dynamic one's is 0.25.
    expect(s.get(MovingPrice, 1)).toBe(updateMovingPrice(I96F32.one, U64F64.one, 100n, p));
    expect(s.get(MovingPrice, 2)).toBe(updateMovingPrice(7n, U64F64.one / 4n, 100n, p));
    expect(s.get(MovingPrice, 1)).not.toBe(updateMovingPrice(7n, U64F64.one, 100n, p));
  });
});

describe('emission shares', () => {
  it('all-zero prices give zero emission; stable subnets count as 1.0', () => {
    const r = subnetBlockEmissions(TAO, [
      { mechanism: 1, movingPrice: 0n, minerBurned: 0n, emissionEnabled: true },
      { mechanism: 0, movingPrice: 0n, minerBurned: 0n, emissionEnabled: true },
    ]);
    expect(r.shares).toEqual([0n, U64F64.one]);
    expect(r.taoEmission).toEqual([0n, TAO << 32n]);
  });

  it('root proportion is 0 on an empty denominator and 1 without alpha', () => {
    expect(rootProportion(0n, U64_MAX, 0n)).toBe(0n);
    expect(rootProportion(TAO, U64_MAX, 0n)).toBe(U96F32.one);
  });
});

describe('TaoFlow', () => {
  it('the flow EMA moves toward the flow by the smoothing factor', () => {
    const half = (1n << 63n) - 1n;
    // a = i64::MAX / i64::MAX = 1: the EMA jumps to the flow.
    expect(flowEmaUpdate(123n << 64n, 7n, half)).toBe(7n << 64n);
    expect(flowEmaUpdate(5n << 64n, 100n, 0n)).toBe(5n << 64n);
  });

  it('safePow is exp(p·ln x) within I32F32 precision, and 0 for 0', () => {
    expect(safePow(0n, U64F64.one)).toBe(0n);
    const x = 10n * U64F64.one;
    const sq = safePow(x, 2n * U64F64.one);
    const err = sq > 100n * U64F64.one ? sq - 100n * U64F64.one : 100n * U64F64.one - sq;
    expect(err < U64F64.one / 1_000_000n).toBe(true);
  });

  it('power normalisation with exponent 1 is proportional to within 1e-6 and sums to 1', () => {
    const one = U64F64.one;
    const shares = powerNormalize([one, 2n * one, 5n * one], one);
    const total = shares.reduce((a, b) => a + b, 0n);
    expect(one - total < one / 1_000_000n).toBe(true);
    [1n, 2n, 5n].forEach((w, i) => {
      const s = shares[i] as bigint;
      const want = (w * one) / 8n;
      expect((s > want ? s - want : want - s) < one / 1_000_000n).toBe(true);
    });
    expect(powerNormalize([0n, 0n], one)).toEqual([0n, 0n]);
  });

  it('with exponent 2 the I32F32 series exp is only accurate to about 1e-3 (the reference exp, kept as is)', () => {
    // f·z reaches sqrt(i32::MAX / n), so p·ln(f·z) ≈ 20.4 for n = 3, where the 31-term Taylor
    // series of exp has not converged. Exact shares would be 1/30, 4/30, 25/30.
    const one = U64F64.one;
    const shares = powerNormalize([one, 2n * one, 5n * one], 2n * one);
    [1n, 4n, 25n].forEach((w, i) => {
      const s = shares[i] as bigint;
      const want = (w * one) / 30n;
      expect((s > want ? s - want : want - s) < one / 500n).toBe(true);
    });
  });

  it('a cutoff above every net flow leaves no shares', () => {
    const one = 1n << 64n;
    expect(
      subnetSharesFlow([one, 2n * one], [0n, 0n], { netFlowEnabled: true, cutoff: 5n * one, exponent: one }),
    ).toEqual([0n, 0n]);
  });
});

describe('runCoinbase', () => {
  const config: CoinbaseConfig = { subnetOwnerCut: 11796, taoWeight: U64_MAX / 5n, minReserve: 1_000_000n };
  const state: CoinbaseState = {
    block: 0n,
    totalIssuance: 10n ** 16n,
    totalStake: 6n * 10n ** 15n,
    rootTao: 4n * 10n ** 15n,
    subnets: [
      coinbaseSubnet({
        netuid: 1,
        tao: 10n ** 13n,
        alphaIn: 2n * 10n ** 14n,
        alphaOut: 10n ** 14n,
        movingPrice: 3n << 30n,
      }),
      coinbaseSubnet({
        netuid: 2,
        tao: 10n ** 12n,
        alphaIn: 10n ** 14n,
        movingPrice: 1n << 30n,
        emissionEnabled: false,
      }),
    ],
  };

  it('conserves TAO: minted = injected + chain-bought + recycled', () => {
    const after = runCoinbase(config, state, TAO);
    const spent = after.subnets.reduce((a, s) => a + s.taoInEmission + s.excessTao, 0n);
    expect(after.totalIssuance - state.totalIssuance).toBe(spent);
    expect(after.totalStake - state.totalStake).toBe(spent);
    expect(spent <= TAO).toBe(true);
  });

  it('a subnet with emission disabled gets no TAO but still mints alpha', () => {
    const s2 = runCoinbase(config, state, TAO).subnets[1];
    expect(s2?.taoInEmission).toBe(0n);
    expect(s2?.excessTao).toBe(0n);
    expect(s2?.alphaOutEmission).toBe(TAO);
    expect((s2?.pendingServer ?? 0n) > 0n).toBe(true);
  });

  it('without root sell, root alpha is recycled instead of pending', () => {
    const after = runCoinbase(config, state, 0n);
    expect(after.subnets.every((s) => s.pendingRoot === 0n)).toBe(true);
    const sold = runCoinbase(
      config,
      { ...state, subnets: state.subnets.map((s) => ({ ...s, movingPrice: I96F32.one })) },
      0n,
    );
    expect(sold.subnets.every((s) => s.pendingRoot > 0n)).toBe(true);
  });

  it('an emission-policy override replaces the price-EMA split', () => {
    const both = { ...state, subnets: state.subnets.map((s) => ({ ...s, emissionEnabled: true })) };
    const byPrice = runCoinbase(config, both, TAO);
    expect(byPrice.shares.every((x) => x > 0n)).toBe(true);
    const allToSecond = runCoinbase(config, both, TAO, [0n, TAO << 32n]);
    expect(allToSecond.subnets[0]?.taoInEmission).toBe(0n);
    expect(allToSecond.subnets[0]?.excessTao).toBe(0n);
    const s2 = allToSecond.subnets[1];
    // Flooring the injection and the chain buy separately can leave 1 rao of dust (recycled).
    const spent = (s2?.taoInEmission ?? 0n) + (s2?.excessTao ?? 0n);
    expect(TAO - spent <= 1n).toBe(true);
  });
});
