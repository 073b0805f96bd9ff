import { sha256 } from '@noble/hashes/sha2.js';
import type { EntropySource } from '../../src/drand/tlock.js';

/** A deterministic entropy source for tests: sha256(seed ‖ counter) blocks. Never for real keys. */
export function seededEntropy(seed: string): EntropySource {
  let counter = 0;
  return (length: number) => {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i += 32) {
      const block = sha256(new TextEncoder().encode(`${seed}/${counter++}`));
      out.set(block.subarray(0, Math.min(32, length - i)), i);
    }
    return out;
  };
}
