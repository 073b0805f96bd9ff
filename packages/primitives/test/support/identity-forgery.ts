/**
 * Forged signatures for the identity key, for tests of the signer-key rule. For key A = identity,
 * the Schnorr equation R = s·B − k·A is R = s·B for every challenge k: pick any scalar s, publish
 * R = s·B, and the signature verifies for any message, with no secret anywhere.
 */
import { ed25519, ristretto255 } from '@noble/curves/ed25519.js';

/** The group order ℓ of ristretto255 and of edwards25519's prime-order subgroup. */
export const L = ristretto255.Point.Fn.ORDER;

/** The identity as an sr25519 public key: 32 zero bytes (the `5C4hrfjw…` account). */
export const SR25519_IDENTITY_KEY = new Uint8Array(32);
/** The identity as an ed25519 public key: y = 1, x = 0. */
export const ED25519_IDENTITY_KEY = ed25519.Point.ZERO.toBytes();

function scalarLe(s: bigint): Uint8Array {
  const out = new Uint8Array(32);
  let x = s;
  for (let i = 0; i < 32; i++) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

/** Reduces any bigint to a nonzero scalar below ℓ. */
const nonzero = (s: bigint): bigint => (((s % (L - 1n)) + (L - 1n)) % (L - 1n)) + 1n;

/**
 * An sr25519 signature R ‖ s for the all-zero key over any message: R = s·B (ristretto), s with
 * schnorrkel's marker bit (the top bit of the last byte) set.
 */
export function forgeSr25519IdentitySignature(scalar: bigint): Uint8Array {
  const s = nonzero(scalar);
  const sig = new Uint8Array(64);
  sig.set(ristretto255.Point.BASE.multiply(s).toBytes(), 0);
  sig.set(scalarLe(s), 32);
  sig[63] = (sig[63] as number) | 0x80;
  return sig;
}

/** An ed25519 signature R ‖ s for the identity key over any message: R = s·B. */
export function forgeEd25519IdentitySignature(scalar: bigint): Uint8Array {
  const s = nonzero(scalar);
  const sig = new Uint8Array(64);
  sig.set(ed25519.Point.BASE.multiply(s).toBytes(), 0);
  sig.set(scalarLe(s), 32);
  return sig;
}
