/**
 * A miner's private randomness, derived from its secret key: sample paths seeded by it cannot be
 * predicted (and so pre-empted) by a rival. A sybil that knows another miner's key derives the same.
 */
import { blake2b256 } from '@taonet/primitives';
import { keypairFromUri } from '@taonet/sdk';

export function secretSeed(hotkeyUri: string): number {
  const kp = keypairFromUri(hotkeyUri);
  const h = blake2b256(kp.privateKey ?? kp.publicKey);
  return (((h[0] as number) << 24) | ((h[1] as number) << 16) | ((h[2] as number) << 8) | (h[3] as number)) >>> 0;
}
