/**
 * Max-upscaling to u16: the largest entry becomes 65535 and the rest keep their ratio to it.
 * `set_weights` stores submitted weights this way, so it is chain behaviour, not only epoch math.
 */
import { fixed, fixedToU16, I32, I32F32, u16ToFixed } from '@taonet/primitives';
import { normalize } from './vector.js';

const THIRTY_TWO_K = 32768n << 32n;

function roundToU16(raw: bigint): number {
  return fixedToU16(fixed.roundHalfAwayFromZero(I32F32, raw));
}

/**
 * Scales a vector so its maximum maps to 65535, rounding half away from zero. Above 32768 the ratio
 * is taken first (the product would lose bits otherwise), below it the product comes first — the
 * reference's two branches give different last bits, so both are kept.
 */
export function vecMaxUpscaleToU16(v: ArrayLike<bigint>): number[] {
  if (v.length === 0) return [];
  let m = v[0] as bigint;
  for (let i = 1; i < v.length; i++) if ((v[i] as bigint) > m) m = v[i] as bigint;
  const out = new Array<number>(v.length);
  if (m === 0n) {
    for (let i = 0; i < v.length; i++) out[i] = fixedToU16(I32.satMul(v[i] as bigint, I32.U16_MAX_FIXED));
    return out;
  }
  if (m > THIRTY_TWO_K) {
    const ratio = I32.safeDiv(I32.U16_MAX_FIXED, m);
    for (let i = 0; i < v.length; i++) out[i] = roundToU16(I32.satMul(v[i] as bigint, ratio));
    return out;
  }
  for (let i = 0; i < v.length; i++) {
    out[i] = roundToU16(I32.safeDiv(I32.satMul(v[i] as bigint, I32.U16_MAX_FIXED), m));
  }
  return out;
}

const TWO_32 = 2 ** 32;
const TWO_31 = 2 ** 31;

/** floor(a / b) for non-negative integers below 2^53 (Number division could round up). */
const idiv = (a: number, b: number): number => (a - (a % b)) / b;

/** Rounds an I32F32 raw (a non-negative Number below 2^52) half away from zero, into a u16. */
const roundRawToU16 = (r: number): number => Math.min(65535, Math.floor((r + TWO_31) / TWO_32));

/**
 * The same on u16 inputs, each read as an integer-valued I32F32: what `set_weights` stores. Every
 * intermediate of `vecMaxUpscaleToU16` is then an integer Number can hold exactly (below 2^50),
 * except the small-max quotient `v·65535·2^32 / max`, which is split into whole and fractional
 * parts; a property test compares both paths.
 */
export function vecU16MaxUpscaleToU16(v: ArrayLike<number>): number[] {
  let m = 0;
  for (let i = 0; i < v.length; i++) if ((v[i] as number) > m) m = v[i] as number;
  const out = new Array<number>(v.length).fill(0);
  if (m === 0) return out;
  if (m > 32768) {
    const ratio = idiv(65535 * TWO_32, m);
    for (let i = 0; i < v.length; i++) out[i] = roundRawToU16((v[i] as number) * ratio);
    return out;
  }
  for (let i = 0; i < v.length; i++) {
    const n = (v[i] as number) * 65535;
    const whole = idiv(n, m);
    const frac = idiv((n % m) * TWO_32, m);
    out[i] = Math.min(65535, whole + (frac >= TWO_31 ? 1 : 0));
  }
  return out;
}

/**
 * True when no normalised weight exceeds `maxLimit / 65535` (the max-weight-limit check of
 * `set_weights`). An empty vector passes.
 */
export function checkVecMaxLimited(v: ArrayLike<number>, maxLimit: number): boolean {
  if (v.length === 0) return true;
  const limit = I32.safeDiv(u16ToFixed(maxLimit), I32.U16_MAX_FIXED);
  const norm = normalize(BigInt64Array.from(Array.from(v, (x) => u16ToFixed(x))));
  let m = norm[0] as bigint;
  for (const x of norm) if (x > m) m = x;
  return m <= limit;
}
