/**
 * Verifying a pulse of an unchained, signatures-on-G1 beacon (drand quicknet and the dev beacon):
 * the signature is a BLS short signature over sha256(round as u64 big-endian), hashed to G1 with
 * quicknet's DST, under a public key on G2; the randomness is sha256(signature). Pure: the caller
 * supplies the public key (from the chain spec), never the network.
 */
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { DrandError } from './drand-error.js';
import { QUICKNET_DST } from './quicknet.js';

/** One beacon output as drand publishes it (bytes, not hex). */
export interface DrandPulse {
  readonly round: bigint;
  /** 48-byte compressed G1 point. */
  readonly signature: Uint8Array;
  /** sha256(signature), 32 bytes. */
  readonly randomness: Uint8Array;
}

const U64_MAX = (1n << 64n) - 1n;
const sigs = bls12_381.shortSignatures;
type G1Point = ReturnType<typeof sigs.hash>;
type G2Point = ReturnType<typeof sigs.getPublicKey>;

/** sha256 of the round as 8 big-endian bytes: the message an unchained beacon signs. */
export function roundMessage(round: bigint): Uint8Array {
  if (round < 1n || round > U64_MAX) {
    throw new DrandError('InvalidRound', `round ${round} is not a u64 round ≥ 1`, 'drand rounds start at 1');
  }
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, round, false);
  return sha256(b);
}

/** The round's message on G1: the point the beacon's secret key multiplies (also tlock's identity). */
export function roundPoint(round: bigint): G1Point {
  return sigs.hash(roundMessage(round), QUICKNET_DST);
}

/** The randomness of a pulse: sha256 of its 48-byte signature. */
export function pulseRandomness(signature: Uint8Array): Uint8Array {
  return sha256(signature);
}

/** Decodes a compressed G2 public key (subgroup-checked); DrandError otherwise. */
export function decodeBeaconPublicKey(publicKey: Uint8Array): G2Point {
  if (publicKey.length !== 96) {
    throw new DrandError(
      'InvalidPublicKey',
      `a beacon public key is 96 bytes (got ${publicKey.length})`,
      'use the compressed G2 key from the chain info',
    );
  }
  try {
    const p = bls12_381.G2.Point.fromBytes(publicKey);
    p.assertValidity();
    if (p.is0()) throw new Error('identity');
    return p;
  } catch {
    throw new DrandError(
      'InvalidPublicKey',
      'the beacon public key is not a valid G2 point',
      'use the compressed G2 key from the chain info',
    );
  }
}

/** Decodes a compressed G1 signature (subgroup-checked, not the identity); DrandError otherwise. */
export function decodeBeaconSignature(signature: Uint8Array): G1Point {
  if (signature.length !== 48) {
    throw new DrandError(
      'InvalidSignature',
      `a beacon signature is 48 bytes (got ${signature.length})`,
      'quicknet-style beacons sign on G1 (48 bytes compressed)',
    );
  }
  try {
    const p = bls12_381.G1.Point.fromBytes(signature);
    p.assertValidity();
    if (p.is0()) throw new Error('identity');
    return p;
  } catch {
    throw new DrandError(
      'InvalidSignature',
      'the beacon signature is not a valid G1 point',
      'pass the signature bytes exactly as the beacon published them',
    );
  }
}

/** Whether `signature` is the beacon's signature of `round`. Throws DrandError only for malformed input. */
export function verifyRoundSignature(publicKey: Uint8Array, round: bigint, signature: Uint8Array): boolean {
  const pk = decodeBeaconPublicKey(publicKey);
  const sig = decodeBeaconSignature(signature);
  return sigs.verify(sig, roundPoint(round), pk);
}

/**
 * Checks a whole pulse: well-formed, signed by the beacon for its round, randomness = sha256(sig).
 * @throws DrandError (SignatureMismatch, RandomnessMismatch, or a decoding fault).
 */
export function assertValidPulse(publicKey: Uint8Array, pulse: DrandPulse): void {
  if (!verifyRoundSignature(publicKey, pulse.round, pulse.signature)) {
    throw new DrandError(
      'SignatureMismatch',
      `the signature is not the beacon's signature of round ${pulse.round}`,
      'check the round number and the beacon public key in the chain spec',
    );
  }
  const expected = pulseRandomness(pulse.signature);
  if (pulse.randomness.length !== 32 || expected.some((b, i) => b !== pulse.randomness[i])) {
    throw new DrandError(
      'RandomnessMismatch',
      `the randomness of round ${pulse.round} is not sha256 of its signature`,
      'recompute the randomness from the signature',
    );
  }
}

/** Whether the pulse passes `assertValidPulse`. Never throws. */
export function isValidPulse(publicKey: Uint8Array, pulse: DrandPulse): boolean {
  try {
    assertValidPulse(publicKey, pulse);
    return true;
  } catch {
    return false;
  }
}
