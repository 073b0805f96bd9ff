/**
 * Argument readers for calls. Calls arrive as decoded plain data from untrusted senders, so every
 * field is checked for shape and range here, with an InvalidArgument error naming the field.
 */
import { type AccountId, isAccountId } from '@taonet/primitives';
import { fail } from '../errors.js';

export type Args = Readonly<Record<string, unknown>>;

const U64_MAX = (1n << 64n) - 1n;

function bad(field: string, want: string, got: unknown): never {
  const shown = typeof got === 'bigint' ? `${got}n` : (JSON.stringify(got) ?? String(got));
  return fail('InvalidArgument', `'${field}' must be ${want}, got ${shown?.slice(0, 80)}`);
}

export function account(a: Args, field: string): AccountId {
  const v = a[field];
  if (!isAccountId(v)) bad(field, 'a 0x-prefixed 32-byte hex account id', v);
  return v;
}

/** A non-negative integer amount (u64), given as a bigint. */
/** A 32-byte hash as 0x-prefixed lowercase hex. */
export function hash32(a: Args, field: string): string {
  const v = a[field];
  if (typeof v !== 'string' || !/^0x[0-9a-f]{64}$/.test(v))
    fail('InvalidArgument', `'${field}' must be a 0x-prefixed 32-byte lowercase hex hash`);
  return v;
}

export function u64(a: Args, field: string): bigint {
  const v = a[field];
  if (typeof v !== 'bigint' || v < 0n || v > U64_MAX) bad(field, 'an unsigned 64-bit integer (bigint)', v);
  return v;
}

export function optionalU64(a: Args, field: string): bigint | null {
  return a[field] === undefined || a[field] === null ? null : u64(a, field);
}

export function int(a: Args, field: string, min: number, max: number): number {
  const v = a[field];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    bad(field, `an integer in ${min}..${max}`, v);
  return v;
}

export const u16 = (a: Args, field: string): number => int(a, field, 0, 65535);
export const netuid = (a: Args, field = 'netuid'): number => int(a, field, 0, 65535);

export function bool(a: Args, field: string, fallback?: boolean): boolean {
  const v = a[field];
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'boolean') bad(field, 'a boolean', v);
  return v;
}

export function str(a: Args, field: string, maxBytes: number): string {
  const v = a[field];
  if (typeof v !== 'string') bad(field, 'a string', v);
  if (new TextEncoder().encode(v).length > maxBytes) bad(field, `at most ${maxBytes} bytes`, v);
  return v;
}

export function u16List(a: Args, field: string, maxLen = 65536): number[] {
  const v = a[field];
  const arr = v instanceof Uint16Array ? Array.from(v) : v;
  if (!Array.isArray(arr) || arr.length > maxLen) bad(field, `a list of at most ${maxLen} u16 values`, v);
  for (const x of arr)
    if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x > 65535) bad(field, 'a list of u16 values', v);
  return arr as number[];
}

export function oneOf<T extends string>(a: Args, field: string, options: readonly T[]): T {
  const v = a[field];
  if (typeof v !== 'string' || !(options as readonly string[]).includes(v))
    bad(field, `one of ${options.join(', ')}`, v);
  return v as T;
}

/** A mechanism id (u8); absent means mechanism 0, the subnet's only one unless its owner added more. */
export function mecid(a: Args, field = 'mecid'): number {
  return a[field] === undefined ? 0 : int(a, field, 0, 255);
}

/** A nested call: `{method, args}` with plain-data arguments (read by its own definition when dispatched). */
export function call(a: Args, field: string): { method: string; args: Args } {
  const v = a[field] as { method?: unknown; args?: unknown } | null | undefined;
  if (v === null || typeof v !== 'object' || typeof v.method !== 'string' || v.method.length > 64)
    bad(field, 'a call {method, args}', v);
  const args = v.args ?? {};
  if (args === null || typeof args !== 'object' || Array.isArray(args)) bad(`${field}.args`, 'an object', v.args);
  return { method: v.method, args: args as Args };
}

/** A list of nested calls. */
export function callList(a: Args, field: string, maxLen: number): { method: string; args: Args }[] {
  const v = a[field];
  if (!Array.isArray(v)) bad(field, 'a list of calls {method, args}', v);
  if (v.length > maxLen) fail('TooManyCalls', `${v.length} calls; at most ${maxLen} in one batch`);
  return v.map((_, i) => call(v as unknown as Args, String(i)));
}
