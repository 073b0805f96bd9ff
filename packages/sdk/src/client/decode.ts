/** Turns the node's JSON (bigints as decimal strings) back into typed values. */
export type BigFields<T> = { [K in keyof T]: T[K] };

export function big(v: unknown): bigint {
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  throw new TypeError(`expected an integer, got ${JSON.stringify(v)}`);
}

export function bigOrNull(v: unknown): bigint | null {
  return v === null || v === undefined ? null : big(v);
}

/** Converts the named fields of `o` to bigint (arrays of strings become bigint[]). */
export function withBigints<T>(o: Record<string, unknown>, fields: readonly string[]): T {
  const out: Record<string, unknown> = { ...o };
  for (const f of fields) {
    const v = o[f];
    if (Array.isArray(v)) out[f] = v.map(big);
    else if (v !== undefined && v !== null) out[f] = big(v);
  }
  return out as T;
}
