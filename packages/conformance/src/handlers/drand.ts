/**
 * Handlers for drand-tlock.json: a beacon pulse checked against its chain's public key (drand
 * quicknet's published pulses), and a timelock ciphertext (tle's bytes, the format subtensor
 * decrypts) opened with a round's signature, through primitives' drand module.
 */
import { assertValidPulse, DrandError, fromHex, timelockDecrypt, toHex } from '@taonet/primitives';
import type { Json } from '../codec.js';
import type { Handler } from '../registry.js';

function str(v: Json | undefined, what: string): string {
  if (typeof v !== 'string') throw new TypeError(`${what} must be a string`);
  return v;
}
const hex = (v: Json | undefined, what: string): Uint8Array => fromHex(`0x${str(v, what).replace(/^0x/, '')}`);

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
};
