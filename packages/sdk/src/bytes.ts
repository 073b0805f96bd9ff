/**
 * Byte-string helpers shared by the SDK: `0x` hex (the primitives' codec, with the SDK's typed
 * errors), UTF-8 and constant-time comparison.
 */
import { toHex, tryFromHex } from '@taonet/primitives';
import { InvalidInput } from './errors.js';

export { toHex };

const HEX_RE = /^(?:[0-9a-fA-F]{2})*$/;

/** Bytes as lower-case hex without a prefix (the wire form of SHA3 body hashes). */
export function toBareHex(bytes: Uint8Array): string {
  return toHex(bytes).slice(2);
}

/** True when `s` is hex (optionally `0x`-prefixed) with an even number of digits. */
export function isHex(s: string): boolean {
  return HEX_RE.test(s.startsWith('0x') ? s.slice(2) : s);
}

/**
 * Decodes hex, with or without `0x`. `length`, when given, is the exact byte length required.
 * @throws InvalidInput on odd length, non-hex digits or a wrong length.
 */
export function fromHex(s: string, what = 'hex value', length?: number): Uint8Array {
  const body = s.startsWith('0x') ? s.slice(2) : s;
  const out = tryFromHex(body);
  if (out === null) throw new InvalidInput(`${what} is not valid hex.`);
  if (length !== undefined && out.length !== length)
    throw new InvalidInput(`${what} must be ${length} bytes, got ${out.length}.`);
  return out;
}

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 bytes of a string. */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/**
 * Decodes UTF-8, refusing invalid sequences (a decrypted keyfile with bad UTF-8 is corrupt, not text).
 * @throws InvalidInput on invalid UTF-8.
 */
export function fromUtf8(bytes: Uint8Array, what = 'data'): string {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    throw new InvalidInput(`${what} is not valid UTF-8.`);
  }
}

/** Concatenation of byte strings. */
export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Constant-time equality, so a MAC comparison leaks no prefix length. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

/** Standard base64 of bytes (with padding). */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * Decodes standard or URL-safe base64, refusing stray characters (Node's decoder would skip them).
 * @throws InvalidInput when the text is not base64.
 */
export function fromBase64(s: string, what = 'base64 value'): Uint8Array {
  const t = s.trim();
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(t) || t.replace(/=+$/, '').length % 4 === 1)
    throw new InvalidInput(`${what} is not valid base64.`);
  return Uint8Array.from(Buffer.from(t, t.includes('-') || t.includes('_') ? 'base64url' : 'base64'));
}
