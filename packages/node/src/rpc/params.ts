/** Readers for JSON-RPC positional parameters, failing with InvalidParams that names the position. */
import { type AccountId, isAccountId } from '@taonet/primitives';
import { tryFromHex } from '@taonet/primitives';
import { invalidParams } from './rpc-error.js';

export function param(params: readonly unknown[], i: number): unknown {
  return params[i];
}

/** Parameter `i` as bytes, given as 0x-prefixed hex. */
export function hexParam(params: readonly unknown[], i: number, what: string): Uint8Array {
  const v = params[i];
  const b = typeof v === 'string' && v.startsWith('0x') ? tryFromHex(v) : null;
  if (b === null) throw invalidParams(`param ${i} (${what}) must be 0x-prefixed hex`);
  return b;
}

export function account(params: readonly unknown[], i: number): AccountId {
  const v = params[i];
  if (typeof v === 'string' && isAccountId(v.toLowerCase())) return v.toLowerCase() as AccountId;
  throw invalidParams(`param ${i} must be an account id (0x + 64 hex digits)`, 'the SDK converts SS58 addresses');
}

export function netuid(params: readonly unknown[], i: number): number {
  const v = params[i];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 65535)
    throw invalidParams(`param ${i} must be a netuid (0..65535)`);
  return v;
}

const U64_MAX = (1n << 64n) - 1n;

/** A block number (≤ u64, as a safe integer or a decimal string) or a 0x block hash; null for the head. */
export function optionalBlockRef(params: readonly unknown[], i: number): bigint | string | null {
  const v = params[i];
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return BigInt(v);
  if (typeof v === 'string' && /^\d{1,20}$/.test(v) && BigInt(v) <= U64_MAX) return BigInt(v);
  if (typeof v === 'string' && /^0x[0-9a-f]{64}$/.test(v)) return v;
  throw invalidParams(`param ${i} must be a block number or a 0x block hash`);
}

export function positiveInt(params: readonly unknown[], i: number, max: number, fallback?: number): number {
  const v = params[i] ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max)
    throw invalidParams(`param ${i} must be an integer in 1..${max}`);
  return v;
}

export function stringList(params: readonly unknown[], i: number): string[] | null {
  const v = params[i];
  if (v === undefined || v === null) return null;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
    throw invalidParams(`param ${i} must be a list of strings`);
  return v as string[];
}

export function swapSide(params: readonly unknown[], i: number): 'buy' | 'sell' {
  const v = params[i];
  if (v !== 'buy' && v !== 'sell') throw invalidParams(`param ${i} must be 'buy' (TAO in) or 'sell' (alpha in)`);
  return v;
}

/** An amount in rao as a decimal string. Balances are u64 on chain, so a larger one has no meaning. */
export function raoAmount(params: readonly unknown[], i: number): bigint {
  const v = params[i];
  if (typeof v !== 'string' || !/^\d+$/.test(v))
    throw invalidParams(`param ${i} must be an amount in rao as a decimal string`);
  if (BigInt(v) > U64_MAX)
    throw invalidParams(
      `param ${i} (${v} rao) exceeds the u64 balance range`,
      `Quote at most ${U64_MAX} rao; no balance can be larger.`,
    );
  return BigInt(v);
}

/** A mechanism id (0..255); absent means mechanism 0. */
export function mecid(params: readonly unknown[], i: number): number {
  const v = params[i];
  if (v === undefined || v === null) return 0;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 255)
    throw invalidParams(`param ${i} must be a mechanism id (0..255)`);
  return v;
}
