import { U64F64 } from '@taonet/primitives';
import { describe, expect, it } from 'vitest';
import { burnDecayFactorQ32, burnSequence, bumpBurn, decayBurn, mulQ32, powQ32 } from '../src/registration/index.js';

const Q32 = 1n << 32n;
const U64_MAX = (1n << 64n) - 1n;

describe('burn decay factor', () => {
  it('is the largest factor whose half-life power is at most one half', () => {
    for (const h of [1, 2, 7, 360, 36_100]) {
      const f = burnDecayFactorQ32(h);
      expect(powQ32(f, h) <= Q32 / 2n).toBe(true);
      expect(powQ32(f + 1n, h) > Q32 / 2n).toBe(true);
    }
    expect(burnDecayFactorQ32(0)).toBe(Q32);
  });

  it('mulQ32 saturates at u64::MAX', () => {
    expect(mulQ32(U64_MAX, 2n * Q32)).toBe(U64_MAX);
    expect(powQ32(12345n, 0)).toBe(Q32);
  });
});

describe('burn price', () => {
  const p = { halfLife: 1, increaseMult: 2n * U64F64.one, minBurn: 10n, maxBurn: 1000n };

  it('does not decay at block 1 or with half-life 0, and always clamps', () => {
    expect(decayBurn(500n, 1n, p)).toBe(500n);
    expect(decayBurn(500n, 2n, p)).toBe(250n);
    expect(decayBurn(5n, 1n, { ...p, halfLife: 0 })).toBe(10n);
  });

  it('a multiplier below 1 is treated as 1, and the bump is clamped', () => {
    expect(bumpBurn(100n, { ...p, increaseMult: U64F64.one / 2n })).toBe(100n);
    expect(bumpBurn(600n, p)).toBe(1000n);
  });

  it('records what each registration paid', () => {
    expect(burnSequence(100n, 5n, p, ['register', 'register', 'block'])).toEqual({
      burns: [200n, 400n, 200n],
      paid: [100n, 200n],
    });
  });
});
