/**
 * btwallet's rules for a NEW keyfile password. Decryption never validates a password; it just tries it.
 * Input is trimmed, must be at least 6 bytes, and must be typed the same way twice.
 * btwallet also requires a strength score ≥ 20 from the Rust `passwords` crate; that scorer is not
 * reproduced here (see `MIN_PASSWORD_BYTES`), so a weak-but-long password is accepted.
 */
import { utf8 } from '../bytes.js';
import { PasswordMismatch, WeakPassword } from '../errors.js';

/** The minimum length of a new password, in UTF-8 bytes. */
export const MIN_PASSWORD_BYTES = 6;

/**
 * The password to set, trimmed, after checking the rules.
 * @throws WeakPassword when shorter than 6 bytes; PasswordMismatch when `retyped` differs.
 */
export function validateNewPassword(password: string, retyped?: string): string {
  const pw = password.trim();
  if (utf8(pw).length < MIN_PASSWORD_BYTES)
    throw new WeakPassword(`Password not strong enough: use at least ${MIN_PASSWORD_BYTES} characters.`);
  if (retyped !== undefined && retyped.trim() !== pw) throw new PasswordMismatch();
  return pw;
}
