import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fixedLn,
  fixedLog2,
  isqrt,
  PERQUINTILL_ONE,
  perquintillComplement,
  perquintillFromRational,
  perquintillMulFloor,
  perquintillMulRound,
  safeFloatAdd,
  safeFloatDiv,
  safeFloatFromInt,
  safeFloatLessThan,
  safeFloatMulDiv,
  safeFloatSub,
  safeFloatToU64,
} from '../src/index.js';

const ONE32 = 1n << 32n;

describe('Perquintill', () => {
  it('from_rational floors, saturates at 1 and maps q = 0 to 1', () => {
    expect(perquintillFromRational(1n, 3n)).toBe(333_333_333_333_333_333n);
    expect(perquintillFromRational(5n, 3n)).toBe(PERQUINTILL_ONE);
    expect(perquintillFromRational(0n, 0n)).toBe(PERQUINTILL_ONE);
    expect(perquintillComplement(PERQUINTILL_ONE / 4n)).toBe((3n * PERQUINTILL_ONE) / 4n);
  });

  it('mul_round rounds half up; mul_floor floors', () => {
    const half = PERQUINTILL_ONE / 2n;
    expect([1n, 3n, 5n].map((v) => perquintillMulRound(half, v))).toEqual([1n, 2n, 3n]);
    expect(perquintillMulFloor(half, 5n)).toBe(2n);
  });
});

describe('I32F32 logarithms', () => {
  it('is exact on powers of two and undefined at or below 0', () => {
    expect(fixedLog2(ONE32)).toBe(0n);
    expect(fixedLog2(8n * ONE32)).toBe(3n * ONE32);
    expect(fixedLog2(ONE32 / 4n)).toBe(-2n * ONE32);
    expect(fixedLog2(0n)).toBeNull();
    expect(fixedLn(-5n)).toBeNull();
  });

  it('ln(e^k) is within 1e-8 of k', () => {
    // e^3 ≈ 20.085536923187668 as an I32F32 raw.
    const e3 = 86266724207n;
    const l = fixedLn(e3) as bigint;
    const err = l > 3n * ONE32 ? l - 3n * ONE32 : 3n * ONE32 - l;
    expect(err < ONE32 / 100_000_000n).toBe(true);
  });

  it('is monotone', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: (1n << 63n) - 2n }), (x) => {
        expect((fixedLog2(x) as bigint) <= (fixedLog2(x + 1n) as bigint)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('isqrt', () => {
  it('is the floor square root', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 1n << 200n }), (n) => {
        const r = isqrt(n);
        expect(r * r <= n && (r + 1n) * (r + 1n) > n).toBe(true);
      }),
    );
    expect(() => isqrt(-1n)).toThrow(RangeError);
  });
});

describe('SafeFloat', () => {
  it('round-trips u64 integers and floors mul-div', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (n) => {
        expect(safeFloatToU64(safeFloatFromInt(n))).toBe(n);
      }),
    );
    const r = safeFloatMulDiv(safeFloatFromInt(10n), safeFloatFromInt(1n), safeFloatFromInt(3n));
    expect(safeFloatToU64(r)).toBe(3n);
    expect(safeFloatToU64(safeFloatDiv(safeFloatFromInt(7n), safeFloatFromInt(2n)))).toBe(3n);
  });

  it('subtraction saturates at zero; misaligned small operands vanish', () => {
    expect(safeFloatToU64(safeFloatSub(safeFloatFromInt(3n), safeFloatFromInt(5n)))).toBe(0n);
    const big = safeFloatFromInt(10n ** 30n);
    expect(safeFloatAdd(big, safeFloatFromInt(1n))).toEqual(big);
    expect(safeFloatLessThan(safeFloatFromInt(2n), safeFloatFromInt(3n))).toBe(true);
    expect(safeFloatToU64(safeFloatMulDiv(big, big, safeFloatFromInt(0n)))).toBe(0n);
  });
});
