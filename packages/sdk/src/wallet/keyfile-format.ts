/** Keyfile format detection from the first bytes of a file, as btwallet does it. */
import { utf8 } from '../bytes.js';

/** The keyfile formats Bittensor tools have written. */
export type KeyfileFormat = 'nacl' | 'ansible_vault' | 'fernet' | 'plaintext';

/** The magic prefix of each encrypted format; anything else is plaintext JSON. */
export const KEYFILE_PREFIXES = {
  nacl: '$NACL',
  ansible_vault: '$ANSIBLE_VAULT',
  fernet: 'gAAAAA',
} as const satisfies Record<Exclude<KeyfileFormat, 'plaintext'>, string>;

function startsWith(data: Uint8Array, prefix: string): boolean {
  const p = utf8(prefix);
  if (data.length < p.length) return false;
  return p.every((b, i) => data[i] === b);
}

/** The format of keyfile bytes (or text): `nacl`, `ansible_vault`, `fernet` or `plaintext`. */
export function detectKeyfileFormat(data: Uint8Array | string): KeyfileFormat {
  const bytes = typeof data === 'string' ? utf8(data) : data;
  if (startsWith(bytes, KEYFILE_PREFIXES.nacl)) return 'nacl';
  if (startsWith(bytes, KEYFILE_PREFIXES.ansible_vault)) return 'ansible_vault';
  if (startsWith(bytes, KEYFILE_PREFIXES.fernet)) return 'fernet';
  return 'plaintext';
}

/** True when the keyfile needs a password to read. */
export function isEncryptedKeyfile(data: Uint8Array | string): boolean {
  return detectKeyfileFormat(data) !== 'plaintext';
}
