/**
 * The fast Number kernel against the BigInt reference: every output field, intermediates
 * included, must be bit-identical on every input it accepts, and it must accept the ordinary ones.
 */
import { describe, expect, it } from 'vitest';
import { epoch } from '../src/index.js';
import { subnet } from './utils/epoch-input.js';
import { randomEpochInput, type Shape } from './utils/random-epoch-input.js';

/**
 * Runs seeds in sequence; each epoch's output is also checked again after the next one, since the
 * kernel reuses its scratch buffers from one epoch to the next and must not leak them.
 */
function checkAgreement(shape: Shape, seeds: number, seed0: number): number {
  let accepted = 0;
  let previous: { output: epoch.EpochOutput; snapshot: epoch.EpochOutput } | null = null;
  for (let seed = seed0; seed < seed0 + seeds; seed++) {
    const input = randomEpochInput(seed, shape);
    const fast = epoch.runEpochFast(input);
    const reference = epoch.runEpochReference(input);
    if (previous !== null) expect(previous.output, `seed ${seed - 1} after ${seed}`).toStrictEqual(previous.snapshot);
    previous = null;
    if (fast !== null) {
      accepted++;
      expect(fast, `seed ${seed}`).toStrictEqual(reference);
      previous = { output: fast, snapshot: structuredClone(fast) };
    }
    expect(epoch.runEpoch(input), `seed ${seed}`).toStrictEqual(reference);
  }
  return accepted;
}

describe('fast epoch kernel', () => {
  it('matches the reference on small sparse subnets', () => {
    const accepted = checkAgreement({ maxN: 24, validatorShare: 0.6, density: 0.3 }, 400, 1);
    expect(accepted).toBeGreaterThan(350);
  });

  it('matches the reference on dense subnets', () => {
    const accepted = checkAgreement({ maxN: 64, validatorShare: 0.5, density: 0.9 }, 120, 10_000);
    expect(accepted).toBeGreaterThan(105);
  });

  it('matches the reference on large subnets', () => {
    const accepted = checkAgreement({ maxN: 300, validatorShare: 0.2, density: 0.5 }, 16, 20_000);
    expect(accepted).toBeGreaterThan(12);
  });

  it('matches the reference when every share is an exact fraction', () => {
    const accepted = checkAgreement({ maxN: 40, validatorShare: 0.7, density: 0.6, uniform: true }, 150, 30_000);
    expect(accepted).toBeGreaterThan(130);
  });

  it('declines inputs outside its proven range, and runEpoch still matches the reference', () => {
    const base = subnet({ stake: [10n ** 12n, 10n ** 12n, 0n], weights: [[[2, 65535]], [[2, 100]]] });
    const wide = [
      { ...base, blockAtRegistration: [1n, 1n, 2n ** 60n] },
      { ...base, hyperparameters: { ...base.hyperparameters, bondsMovingAverage: 2_000_000n } },
      { ...base, hyperparameters: { ...base.hyperparameters, bondsPenalty: 70_000 } },
    ];
    for (const input of wide) {
      expect(epoch.runEpochFast(input)).toBeNull();
      expect(epoch.runEpoch(input)).toStrictEqual(epoch.runEpochReference(input));
    }
  });
});
