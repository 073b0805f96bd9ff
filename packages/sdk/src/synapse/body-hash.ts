/**
 * The synapse body hash: for each field named in `required_hash_fields`, in class order,
 * `sha3_256_hex(str(value))`; the body hash is `sha3_256_hex` of those hex strings joined with
 * nothing. `str` is PYTHON's `str()` (see `pythonStr`). With no hash fields it is SHA3-256 of "".
 */
import { sha3_256 } from '@noble/hashes/sha3.js';
import { toBareHex, utf8 } from '../bytes.js';

/** SHA3-256 of the UTF-8 text, as lower-case hex without `0x` (the wire form). */
export function sha3Hex(text: string): string {
  return toBareHex(sha3_256(utf8(text)));
}

/** The body hash of a synapse whose hash fields render (Python `str()`) to `strParts`. */
export function bodyHash(strParts: readonly string[]): { partHashes: string[]; bodyHash: string } {
  const partHashes = strParts.map(sha3Hex);
  return { partHashes, bodyHash: sha3Hex(partHashes.join('')) };
}

/** The body hash of a synapse with no hash fields (the usual case): SHA3-256 of the empty string. */
export const EMPTY_BODY_HASH = sha3Hex('');
