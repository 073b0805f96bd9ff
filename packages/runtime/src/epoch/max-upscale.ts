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

/** The same on u16 inputs, each read as an integer-valued I32F32: what `set_weights` stores. */
export function vecU16MaxUpscaleToU16(v: ArrayLike<number>): number[] {
  return vecMaxUpscaleToU16(Array.from(v, (x) => u16ToFixed(x)));
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
