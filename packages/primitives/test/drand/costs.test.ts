/** Prints what a pulse check and a timelock decryption cost on this machine (measured, not asserted). */
import { expect, it } from 'vitest';
import {
  isValidPulse,
  pulseRandomness,
  QUICKNET_PUBLIC_KEY,
  timelockDecrypt,
  timelockEncrypt,
} from '../../src/drand/index.js';
import { seededEntropy } from '../support/seeded-entropy.js';
import { quicknetSignature } from './fixtures.js';

function median(f: () => void, n: number): number {
  f(); // warm-up: noble builds its precomputed tables on first use
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)] as number;
}

it('prints verify, encrypt and decrypt costs', () => {
  const signature = quicknetSignature(1000);
  const pulse = { round: 1000n, signature, randomness: pulseRandomness(signature) };
  const ct = timelockEncrypt(QUICKNET_PUBLIC_KEY, 1000n, new Uint8Array(200), seededEntropy('cost'));
  const verify = median(() => expect(isValidPulse(QUICKNET_PUBLIC_KEY, pulse)).toBe(true), 5);
  const encrypt = median(() => timelockEncrypt(QUICKNET_PUBLIC_KEY, 1000n, new Uint8Array(200), seededEntropy('c')), 5);
  const decrypt = median(() => timelockDecrypt(ct, signature), 5);
  console.log(
    `drand costs (median of 5): verify pulse ${verify.toFixed(1)} ms, tlock encrypt ${encrypt.toFixed(1)} ms, tlock decrypt ${decrypt.toFixed(1)} ms`,
  );
});
