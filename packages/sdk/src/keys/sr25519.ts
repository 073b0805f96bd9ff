/**
 * sr25519 primitives over @scure/sr25519, in the byte forms Bittensor uses. The keyfile stores the
 * schnorrkel secret in CANONICAL form (scalar ‖ nonce); @scure/sr25519 and polkadot-js hold the
 * "half-ed25519" form, whose scalar is 8× larger. Converting is a 3-bit shift of the 32-byte LE scalar.
 */
import * as sr from '@scure/sr25519';
import { isUsableSignerKey, ZERO_SIGNER } from '@taonet/primitives';
import { concat } from '../bytes.js';
import { InvalidInput, SignerKeyRefused } from '../errors.js';

const SCALAR_BITS_MASK = (1n << 256n) - 1n;

function scalarFromLe(b: Uint8Array): bigint {
  let n = 0n;
  for (let i = b.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(b[i] as number);
  return n;
}

function scalarToLe(n: bigint): Uint8Array {
  const out = new Uint8Array(32);
  let x = n;
  for (let i = 0; i < 32; i++) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

function need(bytes: Uint8Array, length: number, what: string): void {
  if (bytes.length !== length) throw new InvalidInput(`${what} must be ${length} bytes, got ${bytes.length}.`);
}

/** Canonical secret (scalar ‖ nonce) → half-ed25519 secret (8·scalar ‖ nonce), the polkadot-js form. */
export function canonicalToHalfEd25519(secret: Uint8Array): Uint8Array {
  need(secret, 64, 'An sr25519 secret key');
  const scaled = (scalarFromLe(secret.subarray(0, 32)) << 3n) & SCALAR_BITS_MASK;
  return concat(scalarToLe(scaled), secret.subarray(32));
}

/** Half-ed25519 secret (8·scalar ‖ nonce) → canonical secret (scalar ‖ nonce), the keyfile form. */
export function halfEd25519ToCanonical(secret: Uint8Array): Uint8Array {
  need(secret, 64, 'An sr25519 secret key');
  return concat(scalarToLe(scalarFromLe(secret.subarray(0, 32)) >> 3n), secret.subarray(32));
}

/** Canonical 64-byte secret expanded from a 32-byte mini-secret (schnorrkel Ed25519 expansion mode). */
export function miniSecretToSecret(miniSecret: Uint8Array): Uint8Array {
  need(miniSecret, 32, 'A mini-secret');
  return halfEd25519ToCanonical(sr.secretFromSeed(miniSecret));
}

/**
 * The 32-byte public key of a canonical secret.
 * @throws SignerKeyRefused for a scalar of zero (mod ℓ): its key would be the all-zero identity.
 */
export function secretToPublicKey(secret: Uint8Array): Uint8Array {
  const half = canonicalToHalfEd25519(secret);
  try {
    return sr.getPublicKey(half);
  } catch {
    // @scure refuses only a zero scalar, whose public key would be the identity.
    throw new SignerKeyRefused(ZERO_SIGNER);
  }
}

/** A randomized sr25519 signature (context "substrate") over `message` with a canonical secret. */
export function sr25519Sign(secret: Uint8Array, message: Uint8Array): Uint8Array {
  return sr.sign(canonicalToHalfEd25519(secret), message);
}

/**
 * Strict sr25519 verification (context "substrate", no `<Bytes>` retry). Anything malformed — a
 * signature that is not 64 bytes, lacks the schnorrkel marker, or holds a point that does not
 * decode — is simply not valid, and so is every signature for a key the signer-key rule refuses
 * (the all-zero key first): this never throws.
 */
export function sr25519Verify(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || !isUsableSignerKey(publicKey)) return false;
  try {
    return sr.verify(message, signature, publicKey);
  } catch {
    return false;
  }
}

/** Hard (`//x`) derivation of a canonical secret with a 32-byte chain code. */
export function deriveHard(secret: Uint8Array, chainCode: Uint8Array): Uint8Array {
  return halfEd25519ToCanonical(sr.HDKD.secretHard(canonicalToHalfEd25519(secret), chainCode));
}

/**
 * Soft (`/x`) derivation of a canonical secret. As in schnorrkel the child's nonce is randomized, so
 * only the child's scalar (and so its public key) is deterministic.
 */
export function deriveSoft(secret: Uint8Array, chainCode: Uint8Array): Uint8Array {
  return halfEd25519ToCanonical(sr.HDKD.secretSoft(canonicalToHalfEd25519(secret), chainCode));
}

/** Soft derivation of a public key alone (what a watch-only wallet can do). */
export function derivePublicSoft(publicKey: Uint8Array, chainCode: Uint8Array): Uint8Array {
  return sr.HDKD.publicSoft(publicKey, chainCode);
}
