/**
 * A digest of the whole state: blake2b-256 over every (item, key, value) in canonical order and
 * encoding. Two nodes with the same state get the same digest on any machine. (The node keeps an
 * incremental Merkle root for block headers; this full digest is its reference and the tests'.)
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { encodeValue, toHex } from '@taonet/primitives';
import type { State } from './state.js';

const utf8 = new TextEncoder();

function lenPrefixed(h: ReturnType<typeof blake2b.create>, bytes: Uint8Array): void {
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, bytes.length, true);
  h.update(len);
  h.update(bytes);
}

export function stateDigest(state: State): string {
  const h = blake2b.create({ dkLen: 32 });
  for (const [item, key, value] of state.allEntries()) {
    lenPrefixed(h, utf8.encode(item));
    lenPrefixed(h, utf8.encode(key));
    lenPrefixed(h, encodeValue(value));
  }
  return toHex(h.digest());
}
