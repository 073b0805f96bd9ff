/**
 * Expected-against-actual comparison under the shared rules: only keys present in `expected`
 * count, matches are exact unless a tolerance names a key above the value, and a tolerance on a
 * fixed-point value is in real units (|Δraw| ≤ t · 2^f).
 */
import { FIXED_FORMATS } from '@taonet/primitives';
import type { Json, JsonObject } from './codec.js';

export interface Mismatch {
  readonly path: string;
  readonly expected: Json | undefined;
  readonly actual: Json | undefined;
  readonly why: string;
}

type Tolerances = Readonly<Record<string, number>>;

const isObj = (x: Json | undefined): x is JsonObject => x !== null && typeof x === 'object' && !Array.isArray(x);

function fracBits(type: Json | undefined): number {
  if (typeof type !== 'string') return 0;
  if (type === 'Perquintill') return 0;
  const f = FIXED_FORMATS[type];
  return f === undefined ? 0 : Number(f.frac);
}

function asBig(x: Json | undefined): bigint | null {
  if (typeof x === 'number' && Number.isInteger(x)) return BigInt(x);
  if (typeof x === 'string' && /^-?\d+$/.test(x)) return BigInt(x);
  return null;
}

/** |a − b| ≤ tol · scale, where scale is 2^frac (or 10^18 for Perquintill). */
function within(a: bigint, b: bigint, tol: number, type: Json | undefined): boolean {
  const d = a > b ? a - b : b - a;
  const scale = type === 'Perquintill' ? 1e18 : 2 ** fracBits(type);
  return Number(d) <= tol * scale;
}

function scalarEq(e: Json | undefined, a: Json | undefined, tol: number | undefined, type: Json | undefined): boolean {
  if (tol !== undefined) {
    const eb = asBig(e);
    const ab = asBig(a);
    if (eb !== null && ab !== null) return within(eb, ab, tol, type);
    if (typeof e === 'number' && typeof a === 'number') return Math.abs(e - a) <= tol;
  }
  return e === a;
}

export function compare(expected: Json, actual: Json | undefined, tolerances: Tolerances = {}): Mismatch[] {
  const out: Mismatch[] = [];
  walk(expected, actual, '', undefined, undefined, tolerances, out);
  return out;
}

function walk(
  e: Json | undefined,
  a: Json | undefined,
  path: string,
  tol: number | undefined,
  type: Json | undefined,
  tolerances: Tolerances,
  out: Mismatch[],
): void {
  if (Array.isArray(e)) {
    if (!Array.isArray(a)) {
      out.push({ path, expected: e, actual: a, why: 'expected a list' });
      return;
    }
    if (e.length !== a.length) {
      out.push({ path, expected: e, actual: a, why: `length ${a.length}, expected ${e.length}` });
      return;
    }
    e.forEach((x, i) => {
      walk(x, a[i], `${path}[${i}]`, tol, type, tolerances, out);
    });
    return;
  }
  if (isObj(e)) {
    if (!isObj(a)) {
      out.push({ path, expected: e, actual: a, why: 'expected an object' });
      return;
    }
    const t = e.type !== undefined ? e.type : type;
    for (const k of Object.keys(e)) {
      const kt = Object.hasOwn(tolerances, k) ? tolerances[k] : tol;
      if (!Object.hasOwn(a, k)) {
        out.push({ path: `${path}.${k}`, expected: e[k], actual: undefined, why: 'missing in output' });
        continue;
      }
      if (k === 'type') {
        if (e[k] !== a[k]) out.push({ path: `${path}.type`, expected: e[k], actual: a[k], why: 'type differs' });
        continue;
      }
      // In a sparse pair [col, raw] only the raw may carry a tolerance.
      if (k === 'sparse') walkSparse(e[k], a[k], `${path}.sparse`, kt, t, out);
      else walk(e[k], a[k], `${path}.${k}`, kt, t, tolerances, out);
    }
    return;
  }
  if (!scalarEq(e, a, tol, type))
    out.push({ path, expected: e, actual: a, why: tol === undefined ? 'differs' : `differs by more than ${tol}` });
}

function walkSparse(
  e: Json | undefined,
  a: Json | undefined,
  path: string,
  tol: number | undefined,
  type: Json | undefined,
  out: Mismatch[],
): void {
  if (!Array.isArray(e) || !Array.isArray(a) || e.length !== a.length) {
    out.push({ path, expected: e, actual: a, why: 'row count differs' });
    return;
  }
  e.forEach((erow, i) => {
    const arow = a[i];
    if (!Array.isArray(erow) || !Array.isArray(arow) || erow.length !== arow.length) {
      out.push({ path: `${path}[${i}]`, expected: erow, actual: arow, why: 'row entries differ' });
      return;
    }
    erow.forEach((ep, k) => {
      const ap = arow[k];
      if (!Array.isArray(ep) || !Array.isArray(ap) || ep[0] !== ap[0] || !scalarEq(ep[1], ap[1], tol, type)) {
        out.push({ path: `${path}[${i}][${k}]`, expected: ep, actual: ap, why: 'entry differs' });
      }
    });
  });
}
