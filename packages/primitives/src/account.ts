/**
 * Account identifiers inside the chain: the 32-byte public key as 0x-prefixed lowercase hex.
 * One canonical spelling makes map keys and the state digest unambiguous; SS58 is a presentation
 * format handled by the SDK.
 */
import { toHex } from './codec/hex.js';
declare const accountBrand: unique symbol;
export type AccountId = string & { readonly [accountBrand]: 'AccountId' };

const ACCOUNT_RE = /^0x[0-9a-f]{64}$/;

export function isAccountId(x: unknown): x is AccountId {
  return typeof x === 'string' && ACCOUNT_RE.test(x);
}

/** Validates and normalises (lower-cases) an account id; throws a RangeError when malformed. */
export function accountId(x: string): AccountId {
  const s = x.toLowerCase();
  if (!ACCOUNT_RE.test(s)) throw new RangeError(`not a 32-byte hex account id: '${x}'`);
  return s as AccountId;
}

export function accountFromBytes(bytes: Uint8Array): AccountId {
  if (bytes.length !== 32) throw new RangeError(`account id must be 32 bytes, got ${bytes.length}`);
  return toHex(bytes) as AccountId;
}

export function accountToBytes(a: AccountId): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number.parseInt(a.slice(2 + 2 * i, 4 + 2 * i), 16);
  return out;
}
