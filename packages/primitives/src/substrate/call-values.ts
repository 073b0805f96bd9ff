/** Conversions between SCALE call values (as `codecOf` decodes them) and the runtime's argument values. */
import { type AccountId, accountFromBytes, accountToBytes } from '../account.js';
import { fromHex, toHex } from '../codec/hex.js';
import { CallTranslationError } from './call-def.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const enc = new TextEncoder();

export const acctOf = (v: unknown): AccountId => accountFromBytes(v as Uint8Array);
export const acctBytes = (v: unknown): Uint8Array => accountToBytes(v as AccountId);
export const big = (v: unknown): bigint => BigInt(v as bigint | number);
export const num = (v: unknown): number => Number(v);
export const hashHex = (v: unknown): string => toHex(v as Uint8Array);
export const hashBytes = (v: unknown): Uint8Array => fromHex(String(v));

/** Bytes that must be UTF-8 text for the runtime (names, symbols, identity fields). */
export function text(v: unknown, what: string): string {
  try {
    return utf8.decode(v as Uint8Array);
  } catch {
    throw new CallTranslationError(`${what} is not valid UTF-8`, 'send UTF-8 text');
  }
}
export const textBytes = (v: unknown): Uint8Array => enc.encode(String(v ?? ''));

/** `Option<T>` as the codec gives it. */
export const some = (value: unknown) => ({ tag: 'Some', value });
export const none = { tag: 'None', value: undefined };
export function optionOf(v: unknown): unknown | undefined {
  const o = v as { tag: string; value: unknown };
  return o.tag === 'Some' ? o.value : undefined;
}

/** `MultiAddress`: only the Id form names an account here (no indices pallet). */
export function multiAddress(v: unknown): AccountId {
  const o = v as { tag: string; value: unknown };
  if (o.tag === 'Id' || o.tag === 'Address32') return acctOf(o.value);
  throw new CallTranslationError(`MultiAddress::${o.tag} is not supported`, 'address accounts by MultiAddress::Id');
}
export const multiId = (a: unknown) => ({ tag: 'Id', value: acctBytes(a) });

/** Optional args: leave out absent keys (the runtime's defaults apply). */
export function defined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
