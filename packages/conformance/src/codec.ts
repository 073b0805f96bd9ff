/**
 * Decoding and encoding of the shared vector schema (shared/vectors/README.md §1.2): fixed-point
 * values as `{type, raw}` with decimal-string raws, sparse matrices as `{type, sparse}`.
 */
import { epoch } from '@taonet/runtime';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export class VectorInputError extends Error {
  override readonly name = 'VectorInputError';
}

function obj(x: Json | undefined, what: string): JsonObject {
  if (x === null || typeof x !== 'object' || Array.isArray(x))
    throw new VectorInputError(`${what}: expected an object`);
  return x;
}

function arr(x: Json | undefined, what: string): Json[] {
  if (!Array.isArray(x)) throw new VectorInputError(`${what}: expected a list`);
  return x;
}

/** A decimal string or JSON integer as bigint. */
export function big(x: Json | undefined, what = 'value'): bigint {
  if (typeof x === 'string' && /^-?\d+$/.test(x)) return BigInt(x);
  if (typeof x === 'number' && Number.isInteger(x)) return BigInt(x);
  throw new VectorInputError(`${what}: expected an integer, got ${JSON.stringify(x)}`);
}

export function num(x: Json | undefined, what = 'value'): number {
  if (typeof x === 'number' && Number.isInteger(x)) return x;
  throw new VectorInputError(`${what}: expected an integer number, got ${JSON.stringify(x)}`);
}

export function bool(x: Json | undefined, what = 'value'): boolean {
  if (typeof x === 'boolean') return x;
  throw new VectorInputError(`${what}: expected a boolean, got ${JSON.stringify(x)}`);
}

export const bigs = (x: Json | undefined, what = 'list'): bigint[] => arr(x, what).map((v) => big(v, what));
export const nums = (x: Json | undefined, what = 'list'): number[] => arr(x, what).map((v) => num(v, what));
export const bools = (x: Json | undefined, what = 'list'): boolean[] => arr(x, what).map((v) => bool(v, what));

/** The raw of a fixed-point scalar `{type, raw}`. */
export function fixedScalar(x: Json | undefined, what = 'fixed'): bigint {
  return big(obj(x, what).raw, what);
}

/** A fixed-point vector `{type, raw: [..]}` as I32F32-width raws. */
export function vec32(x: Json | undefined, what = 'vector'): BigInt64Array {
  return BigInt64Array.from(bigs(obj(x, what).raw, what));
}

/** A fixed-point vector of any width, as plain bigints. */
export function vecWide(x: Json | undefined, what = 'vector'): bigint[] {
  return bigs(obj(x, what).raw, what);
}

export function dense32(x: Json | undefined, what = 'matrix'): BigInt64Array[] {
  return arr(obj(x, what).raw, what).map((row) => BigInt64Array.from(bigs(row, what)));
}

export function sparse32(x: Json | undefined, what = 'sparse matrix'): epoch.SparseMatrix {
  return arr(obj(x, what).sparse, what).map((row) => {
    const pairs = arr(row, what).map((p) => arr(p, what));
    return epoch.sparseRow(
      pairs.map((p) => num(p[0], what)),
      pairs.map((p) => big(p[1], what)),
    );
  });
}

/** Stored u16 rows `[[uid, value], ...]`. */
export function u16Rows(x: Json | undefined, what = 'rows'): epoch.U16Row[] {
  return arr(x, what).map((row) => {
    const pairs = arr(row, what).map((p) => arr(p, what));
    return {
      cols: Uint16Array.from(pairs, (p) => num(p[0], what)),
      vals: Uint16Array.from(pairs, (p) => num(p[1], what)),
    };
  });
}

export const encScalar = (type: string, raw: bigint): Json => ({ type, raw: raw.toString() });
export const encVec = (type: string, v: ArrayLike<bigint>): Json => ({ type, raw: Array.from(v, (x) => x.toString()) });
export const encDense = (type: string, m: readonly ArrayLike<bigint>[]): Json => ({
  type,
  raw: m.map((r) => Array.from(r, (x) => x.toString())),
});
export const encSparse = (m: epoch.SparseMatrix): Json => ({
  type: 'I32F32',
  sparse: m.map((r) => Array.from(r.cols, (c, k) => [c, (r.vals[k] as bigint).toString()])),
});
export const encU16Rows = (rows: readonly epoch.U16Row[]): Json =>
  rows.map((r) => Array.from(r.cols, (c, k) => [c, r.vals[k] as number]));
export const encBigs = (v: readonly bigint[]): Json => v.map((x) => x.toString());

/** An object-valued input field. */
export function object(x: Json | undefined, what = 'value'): JsonObject {
  return obj(x, what);
}

/** A list-valued input field. */
export function list(x: Json | undefined, what = 'list'): Json[] {
  return arr(x, what);
}

/** An integer field that may be absent or null. */
export const optBig = (x: Json | undefined, fallback: bigint, what = 'value'): bigint =>
  x === undefined || x === null ? fallback : big(x, what);

export const optNum = (x: Json | undefined, fallback: number, what = 'value'): number =>
  x === undefined || x === null ? fallback : num(x, what);

export const optBool = (x: Json | undefined, fallback: boolean, what = 'value'): boolean =>
  x === undefined || x === null ? fallback : bool(x, what);

/** The raw of a fixed-point scalar `{type, raw}` that may be absent or null. */
export const optFixed = (x: Json | undefined, fallback: bigint, what = 'fixed'): bigint =>
  x === undefined || x === null ? fallback : fixedScalar(x, what);

/** Powers of two are exact doubles. */
const TWO_POW: Readonly<Record<number, number>> = { 32: Number(1n << 32n), 64: Number(1n << 64n) };

function twoPow(frac: number): number {
  const s = TWO_POW[frac];
  if (s === undefined) throw new VectorInputError(`unsupported fraction bits ${frac}`);
  return s;
}

/**
 * A fixed-point input given either as `{type, raw}` or as a JSON number (real-valued vectors). A
 * number is scaled by 2^frac, which is exact for a double, and floored.
 */
export function fixedFromJson(x: Json | undefined, frac: number, what = 'fixed'): bigint {
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new VectorInputError(`${what}: not a finite number`);
    return BigInt(Math.floor(x * twoPow(frac)));
  }
  return fixedScalar(x, what);
}

/** A fixed-point raw as a JSON number, for vectors whose expected values are real numbers. */
export const fixedToNumber = (raw: bigint, frac: number): number => Number(raw) / twoPow(frac);
