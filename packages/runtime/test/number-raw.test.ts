/**
 * The exact Number arithmetic behind the fast epoch kernel, against BigInt on random inputs and on
 * the adversarial ones: extremes of each stated range and quotients/products within a hair of an
 * integer, where a float estimate would floor the wrong way.
 */
import {
  divRaw,
  fixedProportionToU16,
  fixedToU16,
  I32,
  mulRaw,
  proportionRawToU16,
  ratioRaw,
  u16ProportionRaw,
  u16ProportionToFixed,
  u16ToFixed,
} from '@taonet/primitives';
import { describe, expect, it } from 'vitest';
import { toFixedVector, toSparseMatrix } from '../src/epoch/fast/number-matrix.js';
import { seededRng } from './utils/random-epoch-input.js';

const rnd = seededRng(7);
/** A uniform integer in [0, 2^bits), bits ≤ 53 (two 32-bit draws, so low bits are random too). */
const bitsInt = (bits: number): number =>
  Math.floor((Math.floor(rnd() * 2 ** 32) * 2 ** 21 + Math.floor(rnd() * 2 ** 21)) / 2 ** (53 - bits));
/** An integer with a random bit length in [0, maxBits]: small and large magnitudes equally. */
const anyInt = (maxBits: number): number => bitsInt(Math.floor(rnd() * (maxBits + 1)));
const TWO_32 = 2 ** 32;

describe('mulRaw', () => {
  const check = (a: number, b: number): void => {
    expect(mulRaw(a, b), `${a} × ${b}`).toBe(Number((BigInt(a) * BigInt(b)) >> 32n));
  };

  it('matches the BigInt floor product over its range', () => {
    for (let t = 0; t < 20_000; t++) {
      const b = anyInt(33);
      check(Math.min(anyInt(33), 2 ** 33), rnd() < 0.5 ? -Math.min(b, 2 ** 33) : Math.min(b, 2 ** 33));
    }
  });

  it('matches at the edges and next to integer boundaries', () => {
    const edges = [0, 1, 2, 65535, 65536, 65537, TWO_32 - 1, TWO_32, TWO_32 + 1, 2 ** 33 - 1, 2 ** 33];
    for (const a of edges) for (const b of edges) for (const sign of [1, -1]) check(a, sign * b);
    // b ≈ k·2^32 / a: the product lands within a few units of a multiple of 2^32.
    for (let t = 0; t < 5000; t++) {
      const a = 1 + bitsInt(33);
      const k = BigInt(bitsInt(32));
      const b = Number((k << 32n) / BigInt(a)) + Math.floor(rnd() * 3) - 1;
      if (Math.abs(b) <= 2 ** 33) check(a, b);
    }
  });
});

describe('divRaw', () => {
  const check = (a: number, s: number): void => {
    expect(divRaw(a, s), `${a} / ${s}`).toBe(Number((BigInt(a) << 32n) / BigInt(s)));
  };

  it('matches the BigInt quotient for shares of a total', () => {
    for (let t = 0; t < 20_000; t++) {
      const s = 1 + anyInt(52);
      check(Math.floor(rnd() * (s + 1)), s);
    }
  });

  it('matches on exact and near-exact quotients, where it falls back to BigInt', () => {
    for (let e = 0; e < 53; e++) {
      const s = 2 ** e;
      check(s, s);
      check(0, s);
      check(Math.floor(s / 2), s);
      check(Math.max(s - 1, 0), s);
    }
    for (let t = 0; t < 20_000; t++) {
      const s = BigInt(1 + anyInt(52));
      const q = BigInt(bitsInt(32));
      // a·2^32/s within about s/2^32 of q, on either side.
      const a = (q * s) >> 32n;
      for (const d of [-1n, 0n, 1n]) if (a + d >= 0n && a + d <= s) check(Number(a + d), Number(s));
    }
    const big = 2 ** 53 - 1;
    check(big, big);
    check(big - 1, big);
    check(1, big);
  });
});

describe('ratioRaw', () => {
  const check = (u: number, s: number): void => {
    expect(ratioRaw(u, s), `${u} / ${s}`).toBe(Number((BigInt(u) << 32n) / BigInt(s)));
  };

  it('matches the BigInt quotient for small integers over any positive divisor', () => {
    for (let t = 0; t < 20_000; t++) check(bitsInt(21), 1 + anyInt(52));
  });

  it('matches where u·2^32 is a multiple of s, or one off', () => {
    for (let t = 0; t < 20_000; t++) {
      const k = 1 + bitsInt(20);
      const s = k * (1 + bitsInt(12));
      const u = Math.min(s, 2 ** 21 - 1);
      check(u, s);
      if (u > 0) check(u - 1, s);
      check(u, s + 1);
      check(u, Math.max(1, s - 1));
    }
    for (const s of [1, 3, 65535, 65536, 2 ** 21 - 1]) for (const u of [0, 1, 2 ** 21 - 1]) check(u, s);
  });
});

describe('u16 and proportion conversions', () => {
  const formulaToU16 = (raw: bigint): number => fixedToU16(I32.satMul(raw, I32.U16_MAX_FIXED));

  it('tabulates u16ToFixed and u16ProportionToFixed exactly over the whole u16 range', () => {
    const us = Array.from({ length: 65536 }, (_, u) => u);
    const proportions = us.map((u) => I32.safeDiv(BigInt(u) << 32n, I32.U16_MAX_FIXED));
    expect(us.map((u) => u16ToFixed(u))).toEqual(us.map((u) => BigInt(u) << 32n));
    expect(us.map((u) => u16ProportionToFixed(u))).toEqual(proportions);
    expect(us.map(u16ProportionRaw)).toEqual(proportions.map(Number));
  });

  it('keeps the formula outside the u16 range', () => {
    for (const x of [65536, 100_000, -1, 70_000n, 5n]) {
      expect(u16ToFixed(x)).toBe(BigInt(x) << 32n);
      expect(u16ProportionToFixed(x)).toBe(I32.safeDiv(BigInt(x) << 32n, I32.U16_MAX_FIXED));
    }
  });

  it('converts proportions to u16 like the saturating formula', () => {
    const raws: bigint[] = [0n, 1n, -1n, 1n << 32n, (1n << 37n) - 1n, 1n << 37n, (1n << 37n) + 1n, I32.MAX, I32.MIN];
    for (let k = 0n; k <= 65536n; k += 997n) {
      const edge = ((k << 32n) + 65534n) / 65535n; // smallest raw reaching u16 value k
      raws.push(edge - 1n, edge, edge + 1n);
    }
    for (let t = 0; t < 20_000; t++) raws.push(BigInt(anyInt(53)) * (rnd() < 0.2 ? -1n : 1n));
    for (const raw of raws) {
      expect(fixedProportionToU16(raw), `${raw}`).toBe(formulaToU16(raw));
      if (raw > -(2n ** 53n) && raw < 2n ** 53n)
        expect(proportionRawToU16(Number(raw)), `${raw}`).toBe(formulaToU16(raw));
    }
  });
});

describe('Number ↔ BigInt raw arrays', () => {
  it('writes every exact integer as the same int64', () => {
    const xs = [0, 1, -1, TWO_32 - 1, TWO_32, -TWO_32, 2 ** 53 - 1, -(2 ** 53 - 1)];
    for (let t = 0; t < 5000; t++) xs.push(anyInt(53) * (rnd() < 0.5 ? -1 : 1));
    expect(Array.from(toFixedVector(xs))).toEqual(xs.map((x) => BigInt(x)));
    const rows = [
      { cols: Uint32Array.of(3, 1), vals: Float64Array.of(xs[4] as number, xs[7] as number) },
      { cols: new Uint32Array(0), vals: new Float64Array(0) },
      { cols: Uint32Array.of(0), vals: Float64Array.of(xs[5] as number) },
    ];
    const m = toSparseMatrix(rows);
    expect(m.map((r) => [Array.from(r.cols), Array.from(r.vals)])).toEqual([
      [
        [3, 1],
        [BigInt(xs[4] as number), BigInt(xs[7] as number)],
      ],
      [[], []],
      [[0], [BigInt(xs[5] as number)]],
    ]);
  });
});
