/**
 * The signer-key rule: a public key may stand behind a signature only if it is the canonical
 * encoding of a curve point that is not the identity (for ed25519: not of small order either).
 *
 * Why: Schnorr verifiers (sr25519 and ed25519 alike) accept (R, s) for key A when
 * R = s·B − k·A, with k the challenge. For the identity A that is R = s·B whatever k is, so anyone
 * can "sign" any message for it without a secret; the all-zero sr25519 key (the ristretto identity,
 * the account people use as a burn address) is exactly that. A non-canonical encoding names no key
 * anyone holds. Every verifier of a key someone else supplies asks this module first, before any
 * signature work (Substrate's CheckNonZeroSender plays the same part for extrinsics).
 */
import { ed25519, ristretto255 } from '@noble/curves/ed25519.js';

export type SignatureScheme = 'sr25519' | 'ed25519';

/** Why a key may not sign: a stable code, an explanation and a hint (like the runtime's errors). */
export interface SignerKeyFault {
  readonly code: 'ZeroSigner' | 'NonCanonicalSigner';
  readonly explanation: string;
  readonly hint: string;
}

/** The fault of the identity key (the all-zero sr25519 key), e.g. for a secret scalar of zero. */
export const ZERO_SIGNER: SignerKeyFault = {
  code: 'ZeroSigner',
  explanation:
    'the key is the identity point (the all-zero account): anyone can forge a signature for it, so none is accepted',
  hint: 'sign with a key made from a secret; the all-zero account can receive funds but never send them',
};

const nonCanonical = (scheme: SignatureScheme, why: string): SignerKeyFault => ({
  code: 'NonCanonicalSigner',
  explanation: `the key is not a canonical ${scheme} public key (${why})`,
  hint: 'use the 32-byte public key exactly as the key pair gives it',
});

const WRONG_LENGTH: Record<SignatureScheme, SignerKeyFault> = {
  sr25519: nonCanonical('sr25519', 'not 32 bytes'),
  ed25519: nonCanonical('ed25519', 'not 32 bytes'),
};
const NOT_A_POINT: Record<SignatureScheme, SignerKeyFault> = {
  sr25519: nonCanonical('sr25519', 'not the canonical encoding of a ristretto255 point'),
  ed25519: nonCanonical('ed25519', 'not the canonical encoding of an edwards25519 point'),
};

// Decoding costs ~0.1 ms in JS while an axon checks thousands of requests a second from a few
// hotkeys: results are remembered per key. Bounded: only a flood of distinct keys grows it.
const CACHE_LIMIT = 100_000;
const cache: Record<SignatureScheme, Map<string, SignerKeyFault | null>> = {
  sr25519: new Map(),
  ed25519: new Map(),
};

function isAllZero(b: Uint8Array): boolean {
  for (const x of b) if (x !== 0) return false;
  return true;
}

function decodeFault(publicKey: Uint8Array, scheme: SignatureScheme): SignerKeyFault | null {
  try {
    if (scheme === 'sr25519') {
      // Ristretto decoding accepts only canonical encodings, so the identity is exactly all zeros.
      return ristretto255.Point.fromBytes(publicKey).equals(ristretto255.Point.ZERO) ? ZERO_SIGNER : null;
    }
    const p = ed25519.Point.fromBytes(publicKey, false);
    const again = p.toBytes();
    if (again.some((x, i) => x !== publicKey[i])) return NOT_A_POINT.ed25519;
    // A small-order key (the identity among them) lets R = s·B pass cofactored verifiers.
    return p.isSmallOrder() ? ZERO_SIGNER : null;
  } catch {
    return NOT_A_POINT[scheme];
  }
}

/** Why `publicKey` may not sign under `scheme`, or null when it may. Never throws. */
export function signerKeyFault(publicKey: Uint8Array, scheme: SignatureScheme = 'sr25519'): SignerKeyFault | null {
  if (publicKey.length !== 32) return WRONG_LENGTH[scheme];
  if (scheme === 'sr25519' && isAllZero(publicKey)) return ZERO_SIGNER;
  const memo = cache[scheme];
  const id = String.fromCharCode(...publicKey);
  let fault = memo.get(id);
  if (fault === undefined) {
    fault = decodeFault(publicKey, scheme);
    if (memo.size >= CACHE_LIMIT) memo.clear();
    memo.set(id, fault);
  }
  return fault;
}

/** Whether `publicKey` may sign under `scheme` (the signer-key rule). Never throws. */
export function isUsableSignerKey(publicKey: Uint8Array, scheme: SignatureScheme = 'sr25519'): boolean {
  return signerKeyFault(publicKey, scheme) === null;
}

/** A key the signer-key rule refuses, as a typed error. */
export class UnusableSignerKey extends Error {
  override readonly name = 'UnusableSignerKey';
  readonly code: SignerKeyFault['code'];
  readonly explanation: string;
  readonly hint: string;
  constructor(fault: SignerKeyFault) {
    super(`${fault.code}: ${fault.explanation}`);
    this.code = fault.code;
    this.explanation = fault.explanation;
    this.hint = fault.hint;
  }
}

/** @throws UnusableSignerKey when `publicKey` may not sign under `scheme`. */
export function assertUsableSignerKey(publicKey: Uint8Array, scheme: SignatureScheme = 'sr25519'): void {
  const fault = signerKeyFault(publicKey, scheme);
  if (fault !== null) throw new UnusableSignerKey(fault);
}
