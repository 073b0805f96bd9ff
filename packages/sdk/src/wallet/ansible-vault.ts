/**
 * Ansible Vault 1.1 AES256, the legacy keyfile format (btwallet still reads and can write it).
 * The text is a header line, then hex wrapped at 80 columns; that hex decodes to
 * `hex(salt)\nhex(hmac)\nhex(ciphertext)`. PBKDF2-SHA256 (10 000 rounds) yields 80 bytes: AES key,
 * HMAC key, IV. The HMAC-SHA256 covers the ciphertext; the cipher is AES-256-CTR over PKCS#7 padding.
 */
import { createCipheriv, createDecipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { concat, equalBytes, fromHex, fromUtf8, toBareHex, utf8 } from '../bytes.js';
import { DecryptionFailed, KeyfileCorrupt } from '../errors.js';

/** The header btwallet writes and the only variant it reads. */
export const ANSIBLE_VAULT_HEADER = '$ANSIBLE_VAULT;1.1;AES256';

const ITERATIONS = 10_000;
const SALT_LENGTH = 32;
const BLOCK = 16;
const LINE_WIDTH = 80;

function deriveKeys(password: string, salt: Uint8Array): { aesKey: Buffer; hmacKey: Buffer; iv: Buffer } {
  const k = pbkdf2Sync(utf8(password), salt, ITERATIONS, 80, 'sha256');
  return { aesKey: k.subarray(0, 32), hmacKey: k.subarray(32, 64), iv: k.subarray(64, 80) };
}

function hmac(key: Uint8Array, data: Uint8Array): Uint8Array {
  return Uint8Array.from(createHmac('sha256', key).update(data).digest());
}

function pkcs7Pad(data: Uint8Array): Uint8Array {
  const n = BLOCK - (data.length % BLOCK);
  return concat(data, new Uint8Array(n).fill(n));
}

function pkcs7Unpad(data: Uint8Array): Uint8Array {
  const n = data[data.length - 1] ?? 0;
  if (n < 1 || n > BLOCK || n > data.length || !data.subarray(data.length - n).every((b) => b === n))
    throw new KeyfileCorrupt('The vault plaintext has invalid PKCS#7 padding.');
  return data.subarray(0, data.length - n);
}

function splitVault(text: string): { salt: Uint8Array; mac: Uint8Array; ciphertext: Uint8Array } {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').trim().split(';');
  if (header[0] !== '$ANSIBLE_VAULT' || (header[1] !== '1.1' && header[1] !== '1.2') || header[2] !== 'AES256')
    throw new KeyfileCorrupt(`Unsupported vault header "${lines[0] ?? ''}"; expected ${ANSIBLE_VAULT_HEADER}.`);
  const body = lines.slice(1).join('').trim();
  let parts: string[];
  try {
    parts = fromUtf8(fromHex(body, 'vault body')).split('\n');
  } catch {
    throw new KeyfileCorrupt('The vault body is not hex.');
  }
  const [salt, mac, ciphertext] = parts;
  if (parts.length !== 3 || salt === undefined || mac === undefined || ciphertext === undefined)
    throw new KeyfileCorrupt('The vault body does not hold salt, HMAC and ciphertext.');
  try {
    return { salt: fromHex(salt), mac: fromHex(mac, 'vault HMAC', 32), ciphertext: fromHex(ciphertext) };
  } catch {
    throw new KeyfileCorrupt('The vault salt, HMAC or ciphertext is not hex of the right length.');
  }
}

/**
 * The plaintext of an Ansible Vault 1.1 AES256 text.
 * @throws KeyfileCorrupt for a malformed vault; DecryptionFailed when the HMAC does not match
 *   (wrong password or altered ciphertext).
 */
export function decryptAnsibleVault(text: string, password: string): Uint8Array {
  const { salt, mac, ciphertext } = splitVault(text);
  const { aesKey, hmacKey, iv } = deriveKeys(password, salt);
  if (!equalBytes(hmac(hmacKey, ciphertext), mac)) throw new DecryptionFailed();
  if (ciphertext.length === 0 || ciphertext.length % BLOCK !== 0)
    throw new KeyfileCorrupt('The vault ciphertext is not a whole number of AES blocks.');
  const d = createDecipheriv('aes-256-ctr', aesKey, iv);
  return pkcs7Unpad(Uint8Array.from(Buffer.concat([d.update(ciphertext), d.final()])));
}

/** Encrypts data as an Ansible Vault 1.1 AES256 text (random salt unless given). */
export function encryptAnsibleVault(
  plaintext: Uint8Array,
  password: string,
  salt: Uint8Array = randomBytes(SALT_LENGTH),
): string {
  const { aesKey, hmacKey, iv } = deriveKeys(password, salt);
  const c = createCipheriv('aes-256-ctr', aesKey, iv);
  const ciphertext = Uint8Array.from(Buffer.concat([c.update(pkcs7Pad(plaintext)), c.final()]));
  const inner = `${toBareHex(salt)}\n${toBareHex(hmac(hmacKey, ciphertext))}\n${toBareHex(ciphertext)}`;
  const outer = toBareHex(utf8(inner));
  const lines: string[] = [];
  for (let i = 0; i < outer.length; i += LINE_WIDTH) lines.push(outer.slice(i, i + LINE_WIDTH));
  return `${ANSIBLE_VAULT_HEADER}\n${lines.join('\n')}\n`;
}
