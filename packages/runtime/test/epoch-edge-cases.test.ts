/** Edge cases a subnet actually runs into, checked on the public epoch API. */
import { describe, expect, it } from 'vitest';
import { epoch } from '../src/index.js';
import { subnet, total } from './utils/epoch-input.js';

const E = 1_000_000_000n;

describe('epoch edge cases', () => {
  it('an empty subnet returns empty outputs', () => {
    const out = epoch.runEpoch(subnet({ stake: [] }));
    expect(out.emission).toEqual([]);
    expect(Array.from(out.incentive)).toEqual([]);
    expect(out.bonds).toEqual([]);
  });

  it('zero stake everywhere emits nothing and grants no permit', () => {
    const out = epoch.runEpoch(subnet({ stake: [0n, 0n, 0n], weights: [[[1, 65535]]] }));
    expect(out.newValidatorPermit).toEqual([false, false, false]);
    expect(out.emission).toEqual([0n, 0n, 0n]);
    expect(out.serverEmission).toEqual([0n, 0n, 0n]);
    expect(out.validatorEmission).toEqual([0n, 0n, 0n]);
  });

  it('a single validator splits incentive by its weights and takes all dividends', () => {
    const out = epoch.runEpoch(
      subnet({
        stake: [1_000_000n, 0n, 0n],
        weights: [
          [
            [1, 65535],
            [2, 21845],
          ],
        ],
      }),
    );
    expect(out.incentive[1]).toBeGreaterThan(out.incentive[2] as number);
    // 3:1 split of the miners' half; these proportions are exact in I32F32.
    expect(out.serverEmission[1]).toBe(375_000_000n);
    expect(out.serverEmission[2]).toBe(125_000_000n);
    expect(out.dividends[0]).toBe(65535);
    expect(out.validatorEmission[0]).toBe(500_000_000n);
    expect(total(out.emission)).toBeLessThanOrEqual(E);
  });

  it('when every weight is outdated, miners get nothing and validators are paid by stake', () => {
    const out = epoch.runEpoch(
      subnet({
        stake: [3_000_000n, 1_000_000n, 0n, 0n],
        weights: [[[2, 65535]], [[3, 65535]]],
        // Weights set at block 10, both miners re-registered at 20: the weights predate them.
        lastUpdate: [10n, 10n, 10n, 10n],
        blockAtRegistration: [1n, 1n, 20n, 20n],
        currentBlock: 30n,
      }),
    );
    expect(out.serverEmission).toEqual([0n, 0n, 0n, 0n]);
    expect(Array.from(out.incentive)).toEqual([0, 0, 0, 0]);
    expect(out.validatorEmission[0]).toBe(750_000_000n);
    expect(out.validatorEmission[1]).toBe(250_000_000n);
  });

  it('a validator weighting only itself earns no incentive; emission falls back to stake', () => {
    const out = epoch.runEpoch(subnet({ stake: [1_000_000n, 0n], weights: [[[0, 65535]]] }));
    expect(Array.from(out.incentive)).toEqual([0, 0]);
    expect(Array.from(out.consensus)).toEqual([0, 0]);
    expect(out.validatorEmission[0]).toBe(E);
  });

  it('the subnet owner keeps its self-weight', () => {
    const out = epoch.runEpoch(subnet({ stake: [1_000_000n, 0n], weights: [[[0, 65535]]], ownerUid: 0 }));
    expect(out.incentive[0]).toBe(65535);
  });

  it('extreme u16 and u64 inputs stay in range and never over-emit', () => {
    const U64_MAX = (1n << 64n) - 1n;
    const n = 64;
    const out = epoch.runEpoch(
      subnet({
        stake: Array.from({ length: n }, (_, i) => (i < 8 ? U64_MAX - BigInt(i) : 0n)),
        weights: Array.from({ length: 8 }, () => Array.from({ length: n }, (_, j) => [j, 65535] as const)),
        raoEmission: U64_MAX,
      }),
    );
    for (const v of [out.consensus, out.incentive, out.dividends, out.validatorTrust, out.stakeWeight]) {
      for (const x of v) expect(x).toBeLessThanOrEqual(65535);
    }
    expect(total(out.emission)).toBeLessThanOrEqual(U64_MAX);
    expect(total(out.serverEmission) + total(out.validatorEmission)).toBeLessThanOrEqual(U64_MAX);
    expect(total(out.emission)).toBeGreaterThan(U64_MAX - 1n - U64_MAX / 1000n);
  });

  it('runs a full 4096-uid subnet and distributes almost all of the emission', () => {
    const n = 4096;
    const validators = 64;
    const out = epoch.runEpoch(
      subnet({
        stake: Array.from({ length: n }, (_, i) => (i < validators ? BigInt(1_000_000_000 + i * 7919) : 0n)),
        weights: Array.from({ length: validators }, (_, v) =>
          Array.from(
            { length: 32 },
            (_, k) => [validators + ((v * 37 + k * 101) % (n - validators)), 1000 + k] as const,
          ),
        ),
      }),
    );
    expect(out.emission).toHaveLength(n);
    const paid = total(out.emission);
    expect(paid).toBeLessThanOrEqual(E);
    expect(paid).toBeGreaterThan(E - BigInt(n));
    expect(out.newValidatorPermit.filter(Boolean)).toHaveLength(validators);
  });

  it('is deterministic: the same input gives the same output', () => {
    const input = subnet({ stake: [5n, 7n, 0n, 0n], weights: [[[2, 100]], [[3, 7]]] });
    expect(epoch.runEpoch(input)).toEqual(epoch.runEpoch(input));
  });
});
