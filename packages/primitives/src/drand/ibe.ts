/**
 * Boneh–Franklin FullIdent identity-based encryption of a 32-byte key "to a round", in the variant
 * the `tle` crate (ideal-lab5/timelock) implements and subtensor decrypts: the identity is the
 * round's point on G1, the master public key is the beacon's key on G2, and the round's signature
 * is the identity's private key. Hashes, as `tle` defines them:
 *   sigma = sha256(t) for a random scalar t (32 bytes little-endian), r = sha256(sigma ‖ m) mod q,
 *   U = r·G2, V = sigma ⊕ sha256(ser(e(Q_id, r·P_pub))), W = m ⊕ sha256(sigma),
 * where ser is arkworks' Fp12 serialization (12 base-field limbs, 48 bytes little-endian each).
 * Decryption recomputes r and refuses unless U = r·G2 (the Fujisaki–Okamoto check).
 */
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '../hash.js';
import { DrandError } from './drand-error.js';

const { G2 } = bls12_381;
const Fr = bls12_381.fields.Fr;
type G1Point = InstanceType<typeof bls12_381.G1.Point>;
type G2Point = InstanceType<typeof bls12_381.G2.Point>;
type Gt = ReturnType<typeof bls12_381.pairing>;

/** The IBE header: U on G2 and the two 32-byte masks. */
export interface IbeCiphertext {
  readonly u: G2Point;
  readonly v: Uint8Array;
  readonly w: Uint8Array;
}

function littleEndian(x: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let v = x;
  for (let i = 0; i < length; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** arkworks' canonical bytes of a target-group element: c0.c0.c0, c0.c0.c1, … c1.c2.c1, each LE. */
export function gtBytes(g: Gt): Uint8Array {
  const limbs: bigint[] = [];
  for (const fp6 of [g.c0, g.c1]) {
    for (const fp2 of [fp6.c0, fp6.c1, fp6.c2]) limbs.push(fp2.c0, fp2.c1);
  }
  return concatBytes(...limbs.map((x) => littleEndian(x, 48)));
}

function xor32(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = (a[i] as number) ^ (b[i] as number);
  return out;
}

function bytesToBigBE(b: Uint8Array): bigint {
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  return v;
}

/** H3: the encryption scalar from sigma and the message (sha256, big-endian, reduced mod q). */
function h3(sigma: Uint8Array, message: Uint8Array): bigint {
  return Fr.create(bytesToBigBE(sha256(concatBytes(sigma, message))));
}

/**
 * Encrypts a 32-byte `key` to identity `qid` under master key `masterPublicKey`. `tSeed` is 64
 * uniformly random bytes from the caller, reduced to the random scalar t.
 */
export function ibeEncrypt(masterPublicKey: G2Point, qid: G1Point, key: Uint8Array, tSeed: Uint8Array): IbeCiphertext {
  const t = Fr.create(bytesToBigBE(tSeed));
  const sigma = sha256(littleEndian(t, 32));
  const r = h3(sigma, key);
  const u = G2.Point.BASE.multiply(r);
  const gid = bls12_381.pairing(qid, masterPublicKey.multiply(r));
  return { u, v: xor32(sigma, sha256(gtBytes(gid))), w: xor32(key, sha256(sigma)) };
}

/** Recovers the 32-byte key with the identity's private key (the round's signature on G1). */
export function ibeDecrypt(identityKey: G1Point, c: IbeCiphertext): Uint8Array {
  if (c.v.length !== 32 || c.w.length !== 32) {
    throw new DrandError(
      'MalformedCiphertext',
      'the IBE masks V and W must be 32 bytes each',
      'encrypt a 32-byte key, as tle does',
    );
  }
  if (c.u.is0()) {
    // arkworks accepts U = ∞ and then fails the U = r·G2 check; noble's pairing refuses ∞ outright.
    throw new DrandError(
      'DecryptionFailed',
      'U is the point at infinity, which no encryption produces',
      'the ciphertext was altered',
    );
  }
  const sigma = xor32(c.v, sha256(gtBytes(bls12_381.pairing(identityKey, c.u))));
  const key = xor32(c.w, sha256(sigma));
  const r = h3(sigma, key);
  if (r === 0n || !G2.Point.BASE.multiply(r).equals(c.u)) {
    throw new DrandError(
      'DecryptionFailed',
      'the signature does not open this ciphertext (U ≠ r·G2)',
      "decrypt with the beacon's signature of the ciphertext's round",
    );
  }
  return key;
}
