/**
 * The timelock ciphertext's bytes, as subtensor's commits carry them: `tle`'s `TLECiphertext`
 * under arkworks' compressed serialization (what bittensor-drand produces and the chain parses).
 *   header.U      96 bytes, compressed G2 (zcash flags, big-endian)
 *   header.V      u64 LE length (32) ‖ 32 bytes
 *   header.W      u64 LE length (32) ‖ 32 bytes
 *   body          u64 LE length ‖ AESOutput { ciphertext: u64 LE len ‖ AES-256-GCM ct‖tag,
 *                                             nonce: u64 LE len (12) ‖ 12 bytes }
 *   cipher_suite  u64 LE length ‖ "AES_GCM_"
 * Bytes after the last field are left unread, as arkworks' reader (and so the chain) leaves them.
 */
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { concatBytes } from '../hash.js';
import { DrandError } from './drand-error.js';
import type { IbeCiphertext } from './ibe.js';

export const AES_GCM_SUITE: Uint8Array = new TextEncoder().encode('AES_GCM_');

/** A parsed timelock ciphertext. */
export interface TlockCiphertext {
  readonly header: IbeCiphertext;
  /** AES-256-GCM output: ciphertext followed by the 16-byte tag. */
  readonly aesCiphertext: Uint8Array;
  readonly nonce: Uint8Array;
  readonly cipherSuite: Uint8Array;
}

function vec(bytes: Uint8Array): Uint8Array {
  const len = new Uint8Array(8);
  new DataView(len.buffer).setBigUint64(0, BigInt(bytes.length), true);
  return concatBytes(len, bytes);
}

/** The canonical bytes of a timelock ciphertext. */
export function encodeTlockCiphertext(c: TlockCiphertext): Uint8Array {
  const body = concatBytes(vec(c.aesCiphertext), vec(c.nonce));
  return concatBytes(c.header.u.toBytes(true), vec(c.header.v), vec(c.header.w), vec(body), vec(c.cipherSuite));
}

const malformed = (why: string): DrandError =>
  new DrandError(
    'MalformedCiphertext',
    `not a timelock ciphertext: ${why}`,
    'pass the commit bytes exactly as the encrypter produced them',
  );

class Reader {
  pos = 0;
  constructor(private readonly b: Uint8Array) {}
  take(n: number, what: string): Uint8Array {
    if (this.pos + n > this.b.length) throw malformed(`${what} is truncated at byte ${this.pos}`);
    const out = this.b.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  vec(what: string): Uint8Array {
    const len = new DataView(this.take(8, `${what} length`).buffer).getBigUint64(0, true);
    if (len > BigInt(this.b.length - this.pos)) throw malformed(`${what} claims ${len} bytes, more than remain`);
    return this.take(Number(len), what);
  }
}

/** Parses the bytes of a timelock ciphertext (U checked on the curve and in the subgroup). */
export function decodeTlockCiphertext(bytes: Uint8Array): TlockCiphertext {
  const r = new Reader(bytes);
  const uBytes = r.take(96, 'U');
  let u: IbeCiphertext['u'];
  try {
    u = bls12_381.G2.Point.fromBytes(uBytes);
    u.assertValidity();
  } catch {
    throw malformed('U is not a valid compressed G2 point');
  }
  const v = r.vec('V');
  const w = r.vec('W');
  const body = new Reader(r.vec('body'));
  const aesCiphertext = body.vec('AES ciphertext');
  const nonce = body.vec('AES nonce');
  const cipherSuite = r.vec('cipher suite');
  return { header: { u, v, w }, aesCiphertext, nonce, cipherSuite };
}
