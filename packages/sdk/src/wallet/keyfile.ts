/**
 * Reading and writing keyfile bytes in any Bittensor format: detect the format, decrypt with the
 * password, or encrypt (as `$NACL` by default, what every current tool writes, so Bittensor reads
 * our keyfiles; Ansible Vault on request).
 */
import { fromUtf8, utf8 } from '../bytes.js';
import { KeyfileCorrupt, UnknownKeyfileFormat } from '../errors.js';
import { decryptAnsibleVault, encryptAnsibleVault } from './ansible-vault.js';
import { decryptFernetKeyfile } from './fernet.js';
import { detectKeyfileFormat, type KeyfileFormat } from './keyfile-format.js';
import {
  decryptNacl,
  decryptNaclAsync,
  encryptNacl,
  encryptNaclAsync,
  type NaclKdf,
  naclKeyFromPassword,
} from './nacl.js';

/** Options of keyfile encryption and decryption. */
export interface KeyfileCryptoOptions {
  /**
   * The Argon2i KDF of the synchronous `$NACL` functions; defaults to the pure-JS one (≈20 s). The
   * async functions use wasm on a worker thread (≈6 s) instead.
   */
  readonly naclKdf?: NaclKdf;
}

/** A decrypted keyfile. */
export interface DecryptedKeyfile {
  /** The format the file was in. */
  readonly format: KeyfileFormat;
  /** The keyfile JSON text inside. */
  readonly plaintext: string;
}

/**
 * Decrypts keyfile bytes of any format (plaintext passes through).
 * @throws DecryptionFailed for a wrong password; KeyfileCorrupt for a damaged file.
 */
export function decryptKeyfileData(
  data: Uint8Array,
  password: string,
  options: KeyfileCryptoOptions = {},
): DecryptedKeyfile {
  const format = detectKeyfileFormat(data);
  let plain: Uint8Array;
  switch (format) {
    case 'nacl':
      plain = decryptNacl(data, password, options.naclKdf ?? naclKeyFromPassword);
      break;
    case 'ansible_vault':
      plain = decryptAnsibleVault(fromUtf8(data, 'vault'), password);
      break;
    case 'fernet':
      plain = decryptFernetKeyfile(data, password);
      break;
    case 'plaintext':
      plain = data;
      break;
  }
  return asText(format, plain);
}

function asText(format: KeyfileFormat, plain: Uint8Array): DecryptedKeyfile {
  try {
    return { format, plaintext: fromUtf8(plain, 'keyfile') };
  } catch {
    throw new KeyfileCorrupt('The decrypted keyfile is not UTF-8 text.');
  }
}

/**
 * `decryptKeyfileData` that keeps the event loop free during the `$NACL` Argon2i derivation
 * (≈6 s, on a worker thread), so a CLI spinner or a server keeps running.
 */
export async function decryptKeyfileDataAsync(data: Uint8Array, password: string): Promise<DecryptedKeyfile> {
  if (detectKeyfileFormat(data) !== 'nacl') return decryptKeyfileData(data, password);
  return asText('nacl', await decryptNaclAsync(data, password));
}

/** Formats this SDK writes encrypted keyfiles in. */
export type WritableKeyfileFormat = 'nacl' | 'ansible_vault';

/**
 * Encrypts keyfile JSON text with a password, as `$NACL` unless told otherwise.
 * @throws UnknownKeyfileFormat for a format we do not write (Fernet is read-only, as in btwallet).
 */
export function encryptKeyfileData(
  plaintext: string,
  password: string,
  format: WritableKeyfileFormat = 'nacl',
  options: KeyfileCryptoOptions = {},
): Uint8Array {
  if (format === 'nacl') return encryptNacl(utf8(plaintext), password, options.naclKdf ?? naclKeyFromPassword);
  if (format === 'ansible_vault') return utf8(encryptAnsibleVault(utf8(plaintext), password));
  throw new UnknownKeyfileFormat(`Cannot write keyfiles in the ${String(format)} format.`);
}

/** `encryptKeyfileData` with the `$NACL` Argon2i derivation on a worker thread (≈6 s instead of ≈20 s). */
export async function encryptKeyfileDataAsync(
  plaintext: string,
  password: string,
  format: WritableKeyfileFormat = 'nacl',
): Promise<Uint8Array> {
  if (format === 'nacl') return encryptNaclAsync(utf8(plaintext), password);
  return encryptKeyfileData(plaintext, password, format);
}
