/**
 * The very old Fernet keyfile format (files starting `gAAAAA`). btwallet 4.0.0 can no longer read
 * it; we can. The key is PBKDF2-SHA256 of the password over a fixed ASCII salt with 10 000 000
 * rounds — node:crypto's native PBKDF2 takes ≈1.7 s for that where pure JS takes ≈11 s.
 * A Fernet token is base64url(0x80 ‖ time(8) ‖ IV(16) ‖ AES-128-CBC ciphertext ‖ HMAC-SHA256(32)),
 * the first half of the key signing and the second half encrypting.
 */
import { createDecipheriv, createHmac, pbkdf2Sync } from 'node:crypto';
import { equalBytes, fromBase64, utf8 } from '../bytes.js';
import { DecryptionFailed, InvalidInput, KeyfileCorrupt } from '../errors.js';

/** The fixed salt of the legacy Fernet keyfile KDF. */
export const FERNET_LEGACY_SALT = 'Iguesscyborgslikemyselfhaveatendencytobeparanoidaboutourorigins';
/** PBKDF2 rounds of the legacy Fernet keyfile KDF. */
export const FERNET_LEGACY_ITERATIONS = 10_000_000;

const VERSION = 0x80;
const HEADER = 1 + 8 + 16;
const MAC_LENGTH = 32;
const BLOCK = 16;

/** A derived Fernet key: raw bytes and the urlsafe-base64 text Python's `Fernet(key)` takes. */
export interface FernetKey {
  /** The 32 raw key bytes (signing half, then encryption half). */
  readonly rawKey: Uint8Array;
  /** urlsafe base64 of `rawKey`, with padding. */
  readonly fernetKey: string;
}

/** The legacy keyfile Fernet key of a password (10 M PBKDF2-SHA256 rounds: slow on purpose). */
export function deriveFernetKey(password: string): FernetKey {
  const rawKey = Uint8Array.from(
    pbkdf2Sync(utf8(password), utf8(FERNET_LEGACY_SALT), FERNET_LEGACY_ITERATIONS, 32, 'sha256'),
  );
  return { rawKey, fernetKey: Buffer.from(rawKey).toString('base64url').padEnd(44, '=') };
}

/**
 * The plaintext of a Fernet token under a 32-byte key (the token's age is not checked: keyfiles do not expire).
 * @throws KeyfileCorrupt for a malformed token; DecryptionFailed when the HMAC does not match.
 */
export function decryptFernetToken(token: Uint8Array | string, rawKey: Uint8Array): Uint8Array {
  if (rawKey.length !== 32) throw new InvalidInput('A Fernet key is 32 bytes.');
  let data: Uint8Array;
  try {
    data = fromBase64(typeof token === 'string' ? token : Buffer.from(token).toString('latin1'), 'Fernet token');
  } catch {
    throw new KeyfileCorrupt('The Fernet keyfile is not base64.');
  }
  const body = data.length - HEADER - MAC_LENGTH;
  if (data[0] !== VERSION || body <= 0 || body % BLOCK !== 0)
    throw new KeyfileCorrupt('The Fernet token has a bad version byte or length.');
  const signed = data.subarray(0, data.length - MAC_LENGTH);
  const mac = Uint8Array.from(createHmac('sha256', rawKey.subarray(0, 16)).update(signed).digest());
  if (!equalBytes(mac, data.subarray(data.length - MAC_LENGTH))) throw new DecryptionFailed();
  const d = createDecipheriv('aes-128-cbc', rawKey.subarray(16, 32), data.subarray(9, HEADER));
  try {
    return Uint8Array.from(Buffer.concat([d.update(data.subarray(HEADER, data.length - MAC_LENGTH)), d.final()]));
  } catch {
    throw new KeyfileCorrupt('The Fernet plaintext has invalid padding.');
  }
}

/** Decrypts a legacy Fernet keyfile with its password. */
export function decryptFernetKeyfile(file: Uint8Array | string, password: string): Uint8Array {
  return decryptFernetToken(file, deriveFernetKey(password).rawKey);
}
