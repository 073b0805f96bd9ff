/** The shield fixture's key seed and plaintexts (shared by the generator and the tests). */
import { scaleCompact } from '../../src/codec/scale.js';
import { concatBytes } from '../../src/hash.js';
import { SHIELD_MAX_PLAINTEXT_BYTES } from '../../src/shield/shield-blob.js';

export const SHIELD_FIXTURE_SEED = Uint8Array.from({ length: 64 }, (_, i) => (i * 13 + 5) & 0xff);

const pattern = (n: number, k: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * k + 11) & 0xff);

/** A compact-prefixed body, the shape of a signed extrinsic the clients encrypt. */
const prefixed = (bodyLen: number, k: number): Uint8Array => concatBytes(scaleCompact(bodyLen), pattern(bodyLen, k));

export function shieldPlaintexts(): { label: string; bytes: Uint8Array }[] {
  const max = prefixed(SHIELD_MAX_PLAINTEXT_BYTES - 2, 29);
  if (max.length !== SHIELD_MAX_PLAINTEXT_BYTES) throw new Error('max plaintext shape');
  return [
    { label: 'one byte', bytes: Uint8Array.of(0x2a) },
    { label: 'extrinsic-sized (compact length + 142 bytes)', bytes: prefixed(142, 7) },
    { label: 'largest that fits 8192 bytes', bytes: max },
  ];
}
