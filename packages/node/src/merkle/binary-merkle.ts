/** A binary Merkle root over a list of 32-byte leaves (odd nodes are promoted), for extrinsics roots. */
import { concatBytes } from '@taonet/primitives';
import { hash256 } from '../crypto.js';

export const ZERO_HASH = new Uint8Array(32);

export function merkleRoot(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return ZERO_HASH;
  let level = [...leaves];
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const a = level[i] as Uint8Array;
      const b = level[i + 1];
      next.push(b === undefined ? a : hash256(concatBytes(a, b)));
    }
    level = next;
  }
  return level[0] as Uint8Array;
}
