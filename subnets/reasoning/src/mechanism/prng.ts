/**
 * The subnet's only source of randomness: a seeded xoshiro128** generator.
 *
 * Instances must be reproducible by every validator from the same seed, so nothing here may
 * touch `Math.random`, the clock or floating point; all arithmetic is on 32-bit integers.
 */
import { blake2b256 } from '@taonet/primitives';

/** A generation seed: a non-negative bigint below 2^256, or raw bytes (e.g. a mixed hash). */
export type Seed = bigint | Uint8Array;

const TWO_256 = 1n << 256n;
const utf8 = new TextEncoder();

/** Canonical bytes of a seed: bigints as 32 bytes big-endian, byte seeds unchanged. */
export function seedToBytes(seed: Seed): Uint8Array {
  if (seed instanceof Uint8Array) return seed;
  if (seed < 0n || seed >= TWO_256) throw new RangeError('a bigint seed must be in [0, 2^256)');
  const out = new Uint8Array(32);
  let v = seed;
  for (let i = 31; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/**
 * 32 bytes derived from a domain label, a seed and extra small integers. The domain separates
 * uses of the same seed (each environment gets an unrelated stream from one validator seed).
 */
export function deriveBytes(domain: string, seed: Seed, ...extra: readonly number[]): Uint8Array {
  const d = utf8.encode(domain);
  const s = seedToBytes(seed);
  // Length-prefix the variable parts so no two (domain, seed, extra) triples share an encoding.
  const buf = new Uint8Array(8 + d.length + s.length + 4 * extra.length);
  const view = new DataView(buf.buffer);
  view.setUint32(0, d.length);
  buf.set(d, 4);
  view.setUint32(4 + d.length, s.length);
  buf.set(s, 8 + d.length);
  extra.forEach((x, i) => {
    view.setUint32(8 + d.length + s.length + 4 * i, x >>> 0);
  });
  return blake2b256(buf);
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** xoshiro128** (Blackman and Vigna): small, fast, and good enough for puzzle generation. */
export class Prng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** Seeds the state from the first 16 bytes of `key` (use {@link Prng.from} in practice). */
  constructor(key: Uint8Array) {
    if (key.length < 16) throw new RangeError('Prng key needs at least 16 bytes');
    const v = new DataView(key.buffer, key.byteOffset, key.byteLength);
    this.s0 = v.getUint32(0, true);
    this.s1 = v.getUint32(4, true);
    this.s2 = v.getUint32(8, true);
    this.s3 = v.getUint32(12, true);
    // The all-zero state is a fixed point of xoshiro; a hash never yields it in practice, but be total.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 0x9e3779b9;
  }

  /** A generator for `(domain, seed, ...extra)`; see {@link deriveBytes}. */
  static from(domain: string, seed: Seed, ...extra: readonly number[]): Prng {
    return new Prng(deriveBytes(domain, seed, ...extra));
  }

  /** The next uniform 32-bit unsigned integer. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform integer in [lo, hi] (inclusive), unbiased by rejection sampling. */
  int(lo: number, hi: number): number {
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi < lo) throw new RangeError(`bad range [${lo}, ${hi}]`);
    const range = hi - lo + 1;
    if (range > 0x1_0000_0000) throw new RangeError('range wider than 2^32');
    // Reject the top partial bucket so every value is equally likely.
    const limit = Math.floor(0x1_0000_0000 / range) * range;
    let r = this.nextU32();
    while (r >= limit) r = this.nextU32();
    return lo + (r % range);
  }

  /** True with probability num/den. */
  chance(num: number, den: number): boolean {
    return this.int(0, den - 1) < num;
  }

  /** A uniformly chosen element of a non-empty list. */
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new RangeError('pick from an empty list');
    return xs[this.int(0, xs.length - 1)] as T;
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(xs: readonly T[]): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }
}
