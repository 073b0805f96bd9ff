/**
 * The simulator's seeded randomness: sfc32 on 32-bit integers, seeded from a string through FNV-1a,
 * so one seed gives the same draws on every machine. Gaussian noise is the Irwin–Hall sum of twelve
 * uniforms (additions only, no transcendental functions whose last bit could differ by platform).
 * This is the simulator's own randomness, never the runtime's: the chain has none.
 */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    this.a = fnv1a(`a:${seed}`);
    this.b = fnv1a(`b:${seed}`);
    this.c = fnv1a(`c:${seed}`);
    this.d = 1;
    for (let i = 0; i < 15; i++) this.nextU32();
  }

  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.nextU32() / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Approximately standard normal (mean 0, variance 1, tails cut at ±6). */
  gaussian(): number {
    let s = 0;
    for (let i = 0; i < 12; i++) s += this.uniform();
    return s - 6;
  }
}
