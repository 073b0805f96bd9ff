/**
 * The exponential as the reference chain computes it: `substrate-fixed`'s truncated Taylor series
 * on I32F32, behind subtensor's `exp_safe` clamp to [−20, 20]. Liquid alpha's sigmoid goes through
 * this, so a float exponential would give different bits. Every step floors (mul) or truncates (div).
 */
import { checkedAdd, checkedDiv, checkedMul } from './arith.js';
import { I32F32 } from './format.js';
import { MAX, ONE } from './i32f32.js';

const CLAMP = 20n << 32n;
/** e stored with 23 fraction bits (22802600 / 2^23), widened to 32: the x == 1 shortcut. */
const E_23_BITS = 22802600n << 9n;

/** substrate-fixed `exp` for I32F32 in and out; null where the series overflows. */
export function fixedExp(x: bigint): bigint | null {
  if (x === 0n) return ONE;
  if (x === ONE) return E_23_BITS;
  const neg = x < 0n;
  const ax = neg ? -x : x;
  let result: bigint | null = checkedAdd(I32F32, ax, ONE);
  let term: bigint | null = ax;
  if (result === null) return null;
  for (let i = 2n; i < 32n; i++) {
    term = checkedMul(I32F32, term, ax);
    if (term === null) return null;
    term = checkedDiv(I32F32, term, i << 32n);
    if (term === null) return null;
    result = checkedAdd(I32F32, result, term);
    if (result === null) return null;
  }
  return neg ? checkedDiv(I32F32, ONE, result) : result;
}

/** subtensor `exp_safe`: clamp to [−20, 20], then `fixedExp`; an error maps to 0 or MAX. */
export function expSafe(x: bigint): bigint {
  const c = x > CLAMP ? CLAMP : x < -CLAMP ? -CLAMP : x;
  const r = fixedExp(c);
  if (r !== null) return r;
  return c <= 0n ? 0n : MAX;
}
