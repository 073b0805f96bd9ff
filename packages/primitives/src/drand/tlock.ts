/**
 * Timelock encryption to a beacon round (tle's hybrid scheme, as subtensor's timelocked weights
 * and commitments use it): a fresh 32-byte AES-256 key is IBE-encrypted to the round (ibe.ts) and
 * the message is AES-256-GCM encrypted under it (empty associated data, 12-byte nonce). Anyone
 * holding the beacon's signature of the round can decrypt. Pure: the caller supplies all randomness.
 */
import { gcm } from '@noble/ciphers/aes.js';
import { DrandError } from './drand-error.js';
import { ibeDecrypt, ibeEncrypt } from './ibe.js';
import { decodeBeaconPublicKey, decodeBeaconSignature, roundPoint } from './pulse.js';
import { AES_GCM_SUITE, decodeTlockCiphertext, encodeTlockCiphertext } from './tlock-format.js';

/** Returns `length` fresh uniformly random bytes (a CSPRNG in production, a seeded one in tests). */
export type EntropySource = (length: number) => Uint8Array;

function draw(entropy: EntropySource, length: number): Uint8Array {
  const b = entropy(length);
  if (!(b instanceof Uint8Array) || b.length !== length) {
    throw new DrandError(
      'InvalidEntropy',
      `the entropy source returned ${b?.length} bytes, not ${length}`,
      'return exactly the requested number of random bytes',
    );
  }
  return b;
}

/**
 * Encrypts `message` so that only the beacon's signature of `round` opens it.
 * Draws 64 bytes (IBE scalar), 32 (AES key) and 12 (nonce) from `entropy`, in that order.
 */
export function timelockEncrypt(
  publicKey: Uint8Array,
  round: bigint,
  message: Uint8Array,
  entropy: EntropySource,
): Uint8Array {
  const pk = decodeBeaconPublicKey(publicKey);
  const qid = roundPoint(round);
  const tSeed = draw(entropy, 64);
  const key = draw(entropy, 32);
  const nonce = draw(entropy, 12);
  const header = ibeEncrypt(pk, qid, key, tSeed);
  const aesCiphertext = gcm(key, nonce).encrypt(message);
  return encodeTlockCiphertext({ header, aesCiphertext, nonce, cipherSuite: AES_GCM_SUITE });
}

/**
 * Decrypts a timelock ciphertext with the beacon's 48-byte signature of its round. The signature is
 * not checked against a public key here (the beacon module does that when the pulse arrives); a
 * wrong one fails the IBE check. The cipher-suite field is read but not interpreted, as on chain.
 * @throws DrandError: MalformedCiphertext, InvalidSignature, DecryptionFailed.
 */
export function timelockDecrypt(ciphertext: Uint8Array, signature: Uint8Array): Uint8Array {
  const ct = decodeTlockCiphertext(ciphertext);
  const key = ibeDecrypt(decodeBeaconSignature(signature), ct.header);
  if (ct.nonce.length !== 12) {
    throw new DrandError(
      'MalformedCiphertext',
      `the AES-GCM nonce must be 12 bytes (got ${ct.nonce.length})`,
      'encrypt with a 96-bit nonce',
    );
  }
  try {
    return gcm(key, ct.nonce).decrypt(ct.aesCiphertext);
  } catch {
    throw new DrandError(
      'DecryptionFailed',
      'the AES-GCM body does not authenticate under the recovered key',
      'the ciphertext was altered or built with another key',
    );
  }
}
