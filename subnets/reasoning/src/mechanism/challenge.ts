/**
 * Where instance seeds come from. A validator mixes a secret of its own with the block hash:
 * the secret keeps miners from generating (and pre-solving) the round's instances, and the block
 * hash makes every round fresh even with a fixed secret, so answers memorised from past rounds
 * are worthless. (A validator that wants to prove it did not grind its secret can publish a
 * hash of the secret ahead of time and reveal it later; that is protocol, not mechanism.)
 */
import { blake2b256, concatBytes } from '@taonet/primitives';
import type { EnvName } from './environment.js';
import { deriveBytes, Prng } from './prng.js';

/** One task to generate: which environment, from which seed, at which difficulty. */
export interface Challenge {
  readonly env: EnvName;
  readonly seed: Uint8Array;
  readonly difficulty: number;
}

function u32(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n >>> 0);
  return out;
}

/** The seed of the `index`-th instance of `env` for this (secret, block hash). */
export function challengeSeed(secret: Uint8Array, blockHash: Uint8Array, env: EnvName, index: number): Uint8Array {
  // Length-prefix the secret so (secret, blockHash) pairs cannot be shifted into one another.
  const mix = blake2b256(concatBytes(u32(secret.length), secret, blockHash));
  return deriveBytes(`taonet/reasoning/challenge/${env}`, mix, index);
}

/**
 * A round's challenges: `perEnv` instances of every environment, with difficulties drawn
 * uniformly from [minDifficulty, maxDifficulty] so the round mixes easy and hard tasks.
 */
export function planChallenges(
  secret: Uint8Array,
  blockHash: Uint8Array,
  envs: readonly EnvName[],
  perEnv: number,
  minDifficulty: number,
  maxDifficulty: number,
): Challenge[] {
  const out: Challenge[] = [];
  for (const env of envs) {
    for (let i = 0; i < perEnv; i++) {
      const seed = challengeSeed(secret, blockHash, env, i);
      const difficulty = Prng.from('taonet/reasoning/difficulty', seed).int(minDifficulty, maxDifficulty);
      out.push({ env, seed, difficulty });
    }
  }
  return out;
}
