/**
 * A seeded pseudo-random generator for the forecasting subnet: xoshiro128** seeded through
 * splitmix32, all in 32-bit integer arithmetic (`Math.imul`, shifts), so the same seed yields the
 * same stream on every machine. The market, the honest miner and the cheaters all draw from it;
 * `Math.random` is never used because a validator must be able to replay any round bit for bit.
 */

/** One step of splitmix32: a good 32-bit mixer, used to spread a small seed over the full state. */
function splitmix32(state: number): { value: number; state: number } {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return { value: (z ^ (z >>> 16)) >>> 0, state: next };
}

/**
 * Combines integers into one 32-bit seed, so independent streams (a miner, a round, a path) can be
 * named by tuples such as `mixSeed(minerSeed, round)` instead of ad-hoc arithmetic that collides.
 */
export function mixSeed(...parts: readonly number[]): number {
  let h = 0x6a09e667;
  for (const p of parts) {
    // Fold in the low 32 bits and, for large integers, the high bits too, so 2^32 + 1 ≠ 1.
    const lo = p | 0;
    const hi = Math.floor(p / 0x1_0000_0000) | 0;
    h = splitmix32(h ^ lo).value;
    h = splitmix32(h ^ hi).value;
  }
  return h >>> 0;
}

const TWO_POW_MINUS_53 = 2 ** -53;

/** xoshiro128**: 128 bits of state, period 2^128 − 1, fast and well distributed in 32-bit math. */
export class Prng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  /** The second normal of the last polar-method pair, kept so no draw is wasted. */
  private spareNormal: number | null = null;

  /** @param seed any integer; it is mixed by splitmix32, so nearby seeds give unrelated streams. */
  constructor(seed: number) {
    let st = mixSeed(seed);
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = splitmix32(st);
      st = r.state;
      words.push(r.value | 0);
    }
    this.s0 = words[0] ?? 0;
    this.s1 = words[1] ?? 0;
    this.s2 = words[2] ?? 0;
    this.s3 = words[3] ?? 0;
    // The all-zero state is xoshiro's only fixed point; splitmix32 makes it practically
    // unreachable, but a guard costs nothing.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next uniform 32-bit unsigned integer. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9);
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result >>> 0;
  }

  /** A uniform double in [0, 1) with 53 random bits (two 32-bit draws). */
  nextFloat(): number {
    const hi = this.nextU32() >>> 5; // 27 bits
    const lo = this.nextU32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) * TWO_POW_MINUS_53;
  }

  /** A uniform integer in [0, n), n ≤ 2^32, without modulo bias (rejection sampling). */
  nextInt(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > 0x1_0000_0000) throw new RangeError(`nextInt bound ${n}`);
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % n);
    for (;;) {
      const x = this.nextU32();
      if (x < limit) return x % n;
    }
  }

  /**
   * A standard normal draw by Marsaglia's polar method. Chosen over Box–Muller because it needs
   * only `Math.log` and `Math.sqrt` (no trigonometry), the fewest library functions whose last
   * bit could differ between engines.
   */
  normal(): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return z;
    }
    for (;;) {
      const u = 2 * this.nextFloat() - 1;
      const v = 2 * this.nextFloat() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        this.spareNormal = v * f;
        return u * f;
      }
    }
  }

  /**
   * A Poisson draw by Knuth's product-of-uniforms method: O(λ) uniforms, which is right for the
   * small per-step jump intensities used here (λ ≪ 1); it refuses λ > 30, where it would be slow.
   */
  poisson(lambda: number): number {
    if (!(lambda >= 0) || lambda > 30) throw new RangeError(`poisson intensity ${lambda}`);
    if (lambda === 0) return 0;
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.nextFloat();
    while (p > limit) {
      k++;
      p *= this.nextFloat();
    }
    return k;
  }

  /** Shuffles an array in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      const a = items[i] as T;
      items[i] = items[j] as T;
      items[j] = a;
    }
    return items;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
