/**
 * btwallet's signing conventions: what bytes a string message stands for, and the verify that
 * retries with polkadot-js's `<Bytes>…</Bytes>` wrapping (what `signRaw` signs in browser wallets).
 */
import { concat, fromHex, utf8 } from '../bytes.js';
import { sr25519Verify } from './sr25519.js';

const BYTES_OPEN = utf8('<Bytes>');
const BYTES_CLOSE = utf8('</Bytes>');

/** A message as btwallet reads it: bytes as-is, a `0x…` string hex-decoded, any other string UTF-8. */
export type Message = Uint8Array | string;

/**
 * The bytes btwallet signs for `message`.
 * @throws InvalidInput for a `0x` string that is not hex.
 */
export function messageBytes(message: Message): Uint8Array {
  if (typeof message !== 'string') return message;
  return message.startsWith('0x') ? fromHex(message, 'message') : utf8(message);
}

/** Signature bytes from bytes or a `0x`-hex string; `null` when the string is not hex. */
export function signatureBytes(signature: Uint8Array | string): Uint8Array | null {
  if (typeof signature !== 'string') return signature;
  if (!signature.startsWith('0x')) return null;
  try {
    return fromHex(signature, 'signature');
  } catch {
    return null;
  }
}

/**
 * btwallet's verify: strict sr25519 over the message bytes, then once more over
 * `<Bytes>` ‖ message ‖ `</Bytes>`. Malformed signatures are invalid, never an exception.
 */
export function btwalletVerify(message: Message, signature: Uint8Array | string, publicKey: Uint8Array): boolean {
  const sig = signatureBytes(signature);
  if (sig === null) return false;
  let msg: Uint8Array;
  try {
    msg = messageBytes(message);
  } catch {
    return false;
  }
  return sr25519Verify(msg, sig, publicKey) || sr25519Verify(concat(BYTES_OPEN, msg, BYTES_CLOSE), sig, publicKey);
}
