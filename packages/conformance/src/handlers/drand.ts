/**
 * Handlers for drand-tlock.json: a beacon pulse checked against its chain's public key (drand
 * quicknet's published pulses), and a timelock ciphertext (tle's bytes, the format subtensor
 * decrypts) opened with a round's signature, through primitives' drand module; and drand's own
 * tlock format (an age file, as drand's tlock and tlock-js write it) opened the same way.
 */
import { createHash } from 'node:crypto';
import { assertValidPulse, DrandError, fromHex, timelockDecrypt, tlockAgeDecrypt, toHex } from '@taonet/primitives';
import type { Json } from '../codec.js';
import type { Handler } from '../registry.js';

function str(v: Json | undefined, what: string): string {
  if (typeof v !== 'string') throw new TypeError(`${what} must be a string`);
  return v;
}
const hex = (v: Json | undefined, what: string): Uint8Array => fromHex(`0x${str(v, what).replace(/^0x/, '')}`);
const hexOf = (b: Uint8Array): string => toHex(b).slice(2);

/** Plaintexts up to this size are compared byte for byte; longer ones by length and sha256. */
const INLINE_PLAINTEXT = 1024;

export const drandHandlers: Record<string, Handler> = {
  drand_verify_pulse: (input) => {
    try {
      assertValidPulse(hex(input.public_key, 'public_key'), {
        round: BigInt(str(input.round, 'round')),
        signature: hex(input.signature, 'signature'),
        randomness: hex(input.randomness, 'randomness'),
      });
      return { valid: true };
    } catch (e) {
      if (e instanceof DrandError) return { valid: false, error: e.code };
      throw e;
    }
  },

  tlock_decrypt: (input) => {
    try {
      const plain = timelockDecrypt(hex(input.ciphertext, 'ciphertext'), hex(input.signature, 'signature'));
      return { plaintext: toHex(plain).slice(2) };
    } catch (e) {
      if (e instanceof DrandError) return { error: e.code };
      throw e;
    }
  },

  tlock_age_decrypt: (input) => {
    const file = input.armored !== undefined ? str(input.armored, 'armored') : hex(input.binary, 'binary');
    try {
      const out = tlockAgeDecrypt(file, hex(input.signature, 'signature'), {
        ...(input.round !== undefined ? { round: BigInt(str(input.round, 'round')) } : {}),
        ...(input.chain_hash !== undefined ? { chainHash: str(input.chain_hash, 'chain_hash') } : {}),
      });
      const p = out.plaintext;
      return {
        round: String(out.round),
        chain_hash: out.chainHash,
        ...(p.length <= INLINE_PLAINTEXT ? { plaintext: hexOf(p) } : {}),
        plaintext_length: p.length,
        plaintext_sha256: createHash('sha256').update(p).digest('hex'),
      };
    } catch (e) {
      if (e instanceof DrandError) return { error: e.code };
      throw e;
    }
  },
};
