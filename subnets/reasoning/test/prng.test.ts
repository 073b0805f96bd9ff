import { describe, expect, it } from 'vitest';
import { deriveBytes, Prng, seedToBytes } from '../src/mechanism/index.js';

describe('Prng', () => {
  it('is deterministic per (domain, seed) and differs across seeds and domains', () => {
    const draw = (p: Prng) => Array.from({ length: 8 }, () => p.nextU32());
    expect(draw(Prng.from('d', 1n))).toEqual(draw(Prng.from('d', 1n)));
    expect(draw(Prng.from('d', 1n))).not.toEqual(draw(Prng.from('d', 2n)));
    expect(draw(Prng.from('d', 1n))).not.toEqual(draw(Prng.from('e', 1n)));
  });

  it('int stays in range and hits every value', () => {
    const p = Prng.from('range', 7n);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = p.int(-3, 3);
      expect(v).toBeGreaterThanOrEqual(-3);
      expect(v).toBeLessThanOrEqual(3);
      seen.add(v);
    }
    expect(seen.size).toBe(7);
    expect(() => p.int(2, 1)).toThrow(RangeError);
  });

  it('shuffle is a permutation', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i);
    expect([...Prng.from('s', 3n).shuffle(xs)].sort((a, b) => a - b)).toEqual(xs);
  });

  it('bigint seeds equal their 32-byte big-endian encoding; bad seeds are refused', () => {
    const bytes = new Uint8Array(32);
    bytes[31] = 5;
    expect(seedToBytes(5n)).toEqual(bytes);
    expect(deriveBytes('x', 5n)).toEqual(deriveBytes('x', bytes));
    expect(() => seedToBytes(-1n)).toThrow(RangeError);
    expect(() => seedToBytes(1n << 256n)).toThrow(RangeError);
  });
});
