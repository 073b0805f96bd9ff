/**
 * SS58 addresses: Base58 of `prefix ‖ public key ‖ checksum`, the checksum being the first two bytes
 * of BLAKE2b-512("SS58PRE" ‖ prefix ‖ public key). Bittensor uses prefix 42 (addresses start with 5).
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { concat, equalBytes, utf8 } from '../bytes.js';
import { InvalidSs58 } from '../errors.js';
import { base58Decode, base58Encode } from './base58.js';

/** The SS58 prefix Bittensor writes and displays. */
export const BITTENSOR_SS58_PREFIX = 42;

const CHECKSUM_PREAMBLE = utf8('SS58PRE');
const CHECKSUM_LENGTH = 2;
const ACCOUNT_LENGTH = 32;
const MAX_PREFIX = 16383;
// Substrate reserves these two identifiers; sp-core refuses them.
const RESERVED_PREFIXES = new Set([46, 47]);

function prefixBytes(prefix: number): Uint8Array {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > MAX_PREFIX || RESERVED_PREFIXES.has(prefix))
    throw new InvalidSs58(`SS58 prefix ${prefix} is not allowed (0..16383, except 46 and 47).`);
  if (prefix < 64) return Uint8Array.of(prefix);
  // Two-byte form: 14 bits spread so that the first byte has bit 6 set and no bit 7.
  return Uint8Array.of(((prefix & 0xfc) >> 2) | 0x40, (prefix >> 8) | ((prefix & 0x03) << 6));
}

function checksum(body: Uint8Array): Uint8Array {
  return blake2b(concat(CHECKSUM_PREAMBLE, body)).subarray(0, CHECKSUM_LENGTH);
}

/**
 * SS58 address of a 32-byte public key.
 * @throws InvalidSs58 when the key is not 32 bytes or the prefix is not allowed.
 */
export function ss58Encode(publicKey: Uint8Array, prefix: number = BITTENSOR_SS58_PREFIX): string {
  if (publicKey.length !== ACCOUNT_LENGTH)
    throw new InvalidSs58(`An account public key is ${ACCOUNT_LENGTH} bytes, got ${publicKey.length}.`);
  const body = concat(prefixBytes(prefix), publicKey);
  return base58Encode(concat(body, checksum(body)));
}

/** A decoded SS58 address. */
export interface Ss58Decoded {
  /** The network identifier (42 for Bittensor, 0 for Polkadot). */
  readonly prefix: number;
  /** The 32-byte account public key. */
  readonly publicKey: Uint8Array;
}

/**
 * Decodes an SS58 account address and checks its checksum.
 * @param expectedPrefix when given, any other prefix is refused (Bittensor input should pass 42).
 * @throws InvalidSs58 on bad characters, length, prefix or checksum.
 */
export function ss58Decode(address: string, expectedPrefix?: number): Ss58Decoded {
  const raw = base58Decode(address);
  if (raw === null) throw new InvalidSs58(`"${address}" contains characters outside Base58.`);
  if (raw.length < 1) throw new InvalidSs58('The address is empty.');
  const first = raw[0] as number;
  if (first > 127) throw new InvalidSs58(`"${address}" has an invalid SS58 prefix byte.`);
  let prefix: number;
  let prefixLength: number;
  if (first < 64) {
    prefix = first;
    prefixLength = 1;
  } else {
    const second = raw[1] ?? 0;
    prefix = (((first << 2) | (second >> 6)) & 0xff) | ((second & 0x3f) << 8);
    prefixLength = 2;
  }
  if (raw.length !== prefixLength + ACCOUNT_LENGTH + CHECKSUM_LENGTH)
    throw new InvalidSs58(`"${address}" does not have the length of an SS58 account address.`);
  if (RESERVED_PREFIXES.has(prefix)) throw new InvalidSs58(`SS58 prefix ${prefix} is reserved.`);
  const body = raw.subarray(0, prefixLength + ACCOUNT_LENGTH);
  if (!equalBytes(checksum(body), raw.subarray(prefixLength + ACCOUNT_LENGTH)))
    throw new InvalidSs58(`"${address}" has a bad checksum.`);
  if (expectedPrefix !== undefined && prefix !== expectedPrefix)
    throw new InvalidSs58(`"${address}" uses SS58 prefix ${prefix}, expected ${expectedPrefix}.`);
  return { prefix, publicKey: Uint8Array.from(body.subarray(prefixLength)) };
}

/** True when `address` is a well-formed SS58 account address (with `expectedPrefix`, if given). */
export function isValidSs58(address: string, expectedPrefix?: number): boolean {
  try {
    ss58Decode(address, expectedPrefix);
    return true;
  } catch {
    return false;
  }
}
