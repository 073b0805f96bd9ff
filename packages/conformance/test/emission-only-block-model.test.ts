/** The emission-only block model behind the `block_step_sequence` vectors. */
import { coinbase } from '@taonet/runtime';
import { describe, expect, it } from 'vitest';
import { emissionOnlyBlocks } from '../src/emission-only-block-model.js';

const U64_MAX = (1n << 64n) - 1n;

describe('emission-only block model', () => {
  it('accumulates pending emission and advances the block', () => {
    const subnet = (netuid: number, tao: bigint, alphaIn: bigint, movingPrice: bigint) => ({
      ...coinbase.coinbaseSubnet({ netuid, tao, alphaIn, alphaOut: 10n ** 14n, movingPrice }),
      firstEmissionBlock: 1n,
    });
    const steps = emissionOnlyBlocks(
      { subnetOwnerCut: 11796, taoWeight: U64_MAX / 5n, minReserve: 1_000_000n },
      {
        block: 0n,
        totalIssuance: 10n ** 16n,
        totalStake: 6n * 10n ** 15n,
        rootTao: 4n * 10n ** 15n,
        subnets: [subnet(1, 10n ** 13n, 2n * 10n ** 14n, 3n << 30n), subnet(2, 10n ** 12n, 10n ** 14n, 1n << 30n)],
      },
      2,
    );
    expect(steps.map((s) => s.block)).toEqual([1n, 2n]);
    const [a, b] = steps.map((s) => s.subnets[0]?.pendingServer ?? 0n);
    expect((b ?? 0n) > (a ?? 0n)).toBe(true);
    expect(steps[1]?.totalIssuance).toBeGreaterThan(steps[0]?.totalIssuance ?? 0n);
  });
});
