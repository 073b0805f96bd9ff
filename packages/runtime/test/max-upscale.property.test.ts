/**
 * `set_weights` max-upscales u16 weights on Numbers; the reference arithmetic is the I32F32 BigInt
 * path `vecMaxUpscaleToU16`. Both must agree on every vector, including each side of the 32768
 * branch and all-zero or single-entry vectors.
 */
import fc from 'fast-check';
import { u16ToFixed } from '@taonet/primitives';
import { describe, expect, it } from 'vitest';
import { epoch } from '../src/index.js';

const reference = (v: readonly number[]): number[] => epoch.vecMaxUpscaleToU16(v.map((x) => u16ToFixed(x)));

describe('vecU16MaxUpscaleToU16', () => {
  it('equals the I32F32 BigInt path on random u16 vectors', () => {
    const u16 = fc.oneof(
      fc.integer({ min: 0, max: 65535 }),
      fc.integer({ min: 32760, max: 32776 }),
      fc.integer({ min: 0, max: 40 }),
      fc.constantFrom(0, 1, 32767, 32768, 32769, 65534, 65535),
    );
    fc.assert(
      fc.property(fc.array(u16, { maxLength: 300 }), (v) => {
        expect(epoch.vecU16MaxUpscaleToU16(v)).toEqual(reference(v));
      }),
      { numRuns: 3000, seed: 16 },
    );
  });

  it('equals it for every single value against every possible max below 32769', () => {
    for (let m = 1; m <= 32768; m += 97) {
      const v = Array.from({ length: 200 }, (_, i) => Math.floor((i * m) / 199));
      expect(epoch.vecU16MaxUpscaleToU16(v)).toEqual(reference(v));
    }
    expect(epoch.vecU16MaxUpscaleToU16([])).toEqual([]);
    expect(epoch.vecU16MaxUpscaleToU16([0, 0])).toEqual([0, 0]);
    expect(epoch.vecU16MaxUpscaleToU16([1, 2])).toEqual([32768, 65535]);
  });
});
