/**
 * The `$NACL` keyfile format, current in every Bittensor tool: the key is libsodium `crypto_pwhash`
 * (Argon2i v1.3, "SENSITIVE" limits, one fixed salt for all wallets) and the file is
 * `"$NACL" ‖ nonce(24) ‖ secretbox(MAC 16 ‖ ciphertext)`.
 *
 * Argon2i at 512 MiB is deliberately slow: ≈6 s in wasm on a worker thread (the async functions,
 * which the wallet uses), ≈20 s in pure JS (the synchronous ones), ≈2 s natively. The sealing and
 * opening functions take an already-derived key, and the synchronous password-level API lets the
 * caller plug in another KDF implementation through `NaclKdf`.
 */
import { xsalsa20poly1305 } from '@noble/ciphers/salsa.js';
import { argon2i, argon2iAsync, argon2id, argon2idAsync } from '@noble/hashes/argon2.js';
import { randomBytes } from 'node:crypto';
import { concat, fromHex, utf8 } from '../bytes.js';
import { DecryptionFailed, InvalidInput, KeyfileCorrupt } from '../errors.js';
import { argon2OnWorker } from './argon2-worker.js';
import { KEYFILE_PREFIXES } from './keyfile-format.js';

/** The salt btwallet uses for every `$NACL` keyfile. */
export const NACL_SALT = fromHex('0x137183dff15a09bc9c90b5518739e9b1');
/** libsodium `crypto_pwhash_OPSLIMIT_SENSITIVE`. */
export const NACL_OPSLIMIT = 8;
/** libsodium `crypto_pwhash_MEMLIMIT_SENSITIVE` (512 MiB). */
export const NACL_MEMLIMIT = 536_870_912;

const MAGIC = utf8(KEYFILE_PREFIXES.nacl);
const NONCE_LENGTH = 24;
const MAC_LENGTH = 16;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
// libsodium's lower bounds: Argon2i needs at least 3 passes, Argon2id 1; memory at least 8 KiB.
const MIN_OPSLIMIT = { argon2i13: 3, argon2id13: 1 } as const;
const MIN_MEMLIMIT = 8192;
const MAX_MEMLIMIT = 4 * 1024 ** 3;

/** libsodium `crypto_pwhash` algorithm names. */
export type PwhashAlg = 'argon2i13' | 'argon2id13';

/** Derives the 32-byte secretbox key of a password; replaceable by a faster native implementation. */
export type NaclKdf = (password: string) => Uint8Array;

function pwhashArgs(
  password: Uint8Array | string,
  salt: Uint8Array,
  opslimit: number,
  memlimit: number,
  alg: PwhashAlg,
): [Uint8Array, Uint8Array, { t: number; m: number; p: number; version: number; dkLen: number; maxmem: number }] {
  if (salt.length !== SALT_LENGTH) throw new InvalidInput(`crypto_pwhash needs a ${SALT_LENGTH}-byte salt.`);
  if (!Number.isInteger(opslimit) || opslimit < MIN_OPSLIMIT[alg])
    throw new InvalidInput(`opslimit must be an integer ≥ ${MIN_OPSLIMIT[alg]} for ${alg}.`);
  if (!Number.isInteger(memlimit) || memlimit < MIN_MEMLIMIT || memlimit > MAX_MEMLIMIT)
    throw new InvalidInput(`memlimit must be an integer between ${MIN_MEMLIMIT} and ${MAX_MEMLIMIT}.`);
  const pw = typeof password === 'string' ? utf8(password) : password;
  const opts = { t: opslimit, m: Math.floor(memlimit / 1024), p: 1, version: 0x13, dkLen: KEY_LENGTH };
  return [pw, salt, { ...opts, maxmem: memlimit + 1024 * 1024 }];
}

/**
 * libsodium `crypto_pwhash` with a 32-byte output: Argon2 v1.3, one lane, `opslimit` passes and
 * `floor(memlimit / 1024)` KiB of memory.
 * @throws InvalidInput when the salt is not 16 bytes or the limits are outside libsodium's bounds.
 */
export function pwhash(
  password: Uint8Array | string,
  salt: Uint8Array,
  opslimit: number,
  memlimit: number,
  alg: PwhashAlg = 'argon2i13',
): Uint8Array {
  return (alg === 'argon2i13' ? argon2i : argon2id)(...pwhashArgs(password, salt, opslimit, memlimit, alg));
}

/**
 * `pwhash` off the event loop: wasm Argon2 on a worker thread (same result, about 3× faster than
 * the pure-JS one), or the pure-JS one in slices if no worker can run.
 */
export async function pwhashAsync(
  password: Uint8Array | string,
  salt: Uint8Array,
  opslimit: number,
  memlimit: number,
  alg: PwhashAlg = 'argon2i13',
): Promise<Uint8Array> {
  const args = pwhashArgs(password, salt, opslimit, memlimit, alg);
  try {
    return await argon2OnWorker({ alg, password: args[0], salt: args[1], t: args[2].t, m: args[2].m });
  } catch {
    return (alg === 'argon2i13' ? argon2iAsync : argon2idAsync)(...args);
  }
}

/** The `$NACL` key of a password: Argon2i13 over its UTF-8 bytes with the fixed salt and SENSITIVE limits. */
export const naclKeyFromPassword: NaclKdf = (password) =>
  pwhash(password, NACL_SALT, NACL_OPSLIMIT, NACL_MEMLIMIT, 'argon2i13');

/** `naclKeyFromPassword` without blocking the event loop. */
export const naclKeyFromPasswordAsync = (password: string): Promise<Uint8Array> =>
  pwhashAsync(password, NACL_SALT, NACL_OPSLIMIT, NACL_MEMLIMIT, 'argon2i13');

function needKey(key: Uint8Array): void {
  if (key.length !== KEY_LENGTH) throw new InvalidInput(`A secretbox key is ${KEY_LENGTH} bytes, got ${key.length}.`);
}

/**
 * A `$NACL` file holding `plaintext`, sealed with a derived key. The nonce is random unless given
 * (a fixed nonce is only for reproducible tests: never reuse one with the same key).
 */
export function sealNacl(
  plaintext: Uint8Array,
  key: Uint8Array,
  nonce: Uint8Array = randomBytes(NONCE_LENGTH),
): Uint8Array {
  needKey(key);
  if (nonce.length !== NONCE_LENGTH) throw new InvalidInput(`A secretbox nonce is ${NONCE_LENGTH} bytes.`);
  return concat(MAGIC, nonce, xsalsa20poly1305(key, nonce).encrypt(plaintext));
}

function assertNaclShape(file: Uint8Array): void {
  if (!MAGIC.every((b, i) => file[i] === b)) throw new KeyfileCorrupt('The file does not start with $NACL.');
  if (file.length < MAGIC.length + NONCE_LENGTH + MAC_LENGTH)
    throw new KeyfileCorrupt('The $NACL keyfile is truncated: it is shorter than its header, nonce and MAC.');
}

/**
 * The plaintext of a `$NACL` file, opened with a derived key.
 * @throws KeyfileCorrupt when the file is not `$NACL` or too short; DecryptionFailed when the MAC
 *   does not match (wrong password, or the ciphertext was altered).
 */
export function openNacl(file: Uint8Array, key: Uint8Array): Uint8Array {
  needKey(key);
  assertNaclShape(file);
  const nonce = file.subarray(MAGIC.length, MAGIC.length + NONCE_LENGTH);
  try {
    return xsalsa20poly1305(key, nonce).decrypt(file.subarray(MAGIC.length + NONCE_LENGTH));
  } catch {
    throw new DecryptionFailed();
  }
}

/** `encryptNacl` with the KDF off the event loop (see `pwhashAsync`). */
export async function encryptNaclAsync(plaintext: Uint8Array, password: string): Promise<Uint8Array> {
  return sealNacl(plaintext, await naclKeyFromPasswordAsync(password));
}

/** Encrypts keyfile data into the `$NACL` format with a password (Argon2i: slow on purpose). */
export function encryptNacl(plaintext: Uint8Array, password: string, kdf: NaclKdf = naclKeyFromPassword): Uint8Array {
  return sealNacl(plaintext, kdf(password));
}

/**
 * Decrypts a `$NACL` keyfile with a password.
 * @throws KeyfileCorrupt for a malformed file; DecryptionFailed for a wrong password or altered file.
 */
export function decryptNacl(file: Uint8Array, password: string, kdf: NaclKdf = naclKeyFromPassword): Uint8Array {
  // Refuse a malformed file before paying for the KDF.
  assertNaclShape(file);
  return openNacl(file, kdf(password));
}

/** `decryptNacl` with the KDF run without blocking the event loop. */
export async function decryptNaclAsync(file: Uint8Array, password: string): Promise<Uint8Array> {
  assertNaclShape(file);
  return openNacl(file, await naclKeyFromPasswordAsync(password));
}
