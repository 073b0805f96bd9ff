/**
 * Boneh–Franklin FullIdent identity-based encryption of a short key "to a round", for beacons whose
 * signatures are on G1 (quicknet): the identity is the round's point on G1, the master public key
 * is the beacon's key on G2, the round's signature is the identity's private key, U = r·G2,
 * V = sigma ⊕ H2(e(Q_id, r·P_pub)), W = m ⊕ H4(sigma), r = H3(sigma, m). Decryption recomputes r
 * and refuses unless U = r·G2 (the Fujisaki–Okamoto check).
 *
 * Two hash sets are in use and they are not interchangeable:
 *  - `tle` (ideal-lab5/timelock; subtensor and bittensor_drand): sigma = sha256(t) for a random
 *    scalar t, 32-byte m; H2 = sha256(arkworks Fp12 bytes: 12 limbs, 48 bytes little-endian each,
 *    c0.c0.c0 first); H3 = sha256(sigma ‖ m) mod q; H4 = sha256(sigma). No domain tags.
 *  - drand's tlock (kyber's encrypt/ibe, tlock-js): sigma random of m's length (16, an age file
 *    key); H2 = sha256("IBE-H2" ‖ kilic Fp12 bytes) truncated, where the kilic bytes are exactly the
 *    arkworks bytes reversed (c1.c2.c1 first, big-endian limbs); H3 = first of
 *    sha256(i as u16 LE ‖ sha256("IBE-H3" ‖ sigma ‖ m)), top bit cleared, read big-endian, that is
 *    < q (i = 1, 2, …); H4 = sha256("IBE-H4" ‖ sigma) truncated.
 * Both hash the round to G1 alike (RFC 9380, quicknet's DST, over sha256 of the round).
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

function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] as number) ^ (b[i] as number);
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

/** The hash functions one IBE variant derives its masks and scalar with. */
interface IbeHashes {
  /** What the keys and masks must look like, for the refusal message. */
  readonly maskRule: string;
  acceptsMaskLength(length: number): boolean;
  h2(gid: Gt, length: number): Uint8Array;
  h3(sigma: Uint8Array, message: Uint8Array): bigint;
  h4(sigma: Uint8Array, length: number): Uint8Array;
}

const TLE_HASHES: IbeHashes = {
  maskRule: 'the IBE masks V and W must be 32 bytes each (encrypt a 32-byte key, as tle does)',
  acceptsMaskLength: (n) => n === 32,
  h2: (gid) => sha256(gtBytes(gid)),
  h3,
  h4: (sigma) => sha256(sigma),
};

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
const H2_TAG = ascii('IBE-H2');
const H3_TAG = ascii('IBE-H3');
const H4_TAG = ascii('IBE-H4');

/** kyber's H3: rejection sampling over a counter, as drand's tlock and tlock-js derive r. */
function kyberH3(sigma: Uint8Array, message: Uint8Array): bigint {
  const seed = sha256(concatBytes(H3_TAG, sigma, message));
  for (let i = 1; i < 65535; i++) {
    const h = sha256(concatBytes(new Uint8Array([i & 0xff, i >> 8]), seed));
    h[0] = (h[0] as number) >> 1; // q has 255 bits
    const n = bytesToBigBE(h);
    if (n < Fr.ORDER) return n;
  }
  // Unreachable in practice (each try succeeds with probability > 1/2).
  throw new DrandError('DecryptionFailed', 'no scalar found for H3', 'the ciphertext was altered');
}

const DRAND_HASHES: IbeHashes = {
  maskRule: 'the IBE masks V and W must have the same length, 1 to 32 bytes',
  acceptsMaskLength: (n) => n >= 1 && n <= 32,
  h2: (gid, n) => sha256(concatBytes(H2_TAG, gtBytes(gid).reverse())).slice(0, n),
  h3: kyberH3,
  h4: (sigma, n) => sha256(concatBytes(H4_TAG, sigma)).slice(0, n),
};

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
  return { u, v: xor(sigma, sha256(gtBytes(gid))), w: xor(key, sha256(sigma)) };
}

function decryptWith(hashes: IbeHashes, identityKey: G1Point, c: IbeCiphertext): Uint8Array {
  if (c.v.length !== c.w.length || !hashes.acceptsMaskLength(c.w.length)) {
    throw new DrandError('MalformedCiphertext', hashes.maskRule, 'pass the ciphertext exactly as encrypted');
  }
  if (c.u.is0()) {
    // arkworks and kyber accept U = ∞ and then fail the U = r·G2 check; noble's pairing refuses ∞.
    throw new DrandError(
      'DecryptionFailed',
      'U is the point at infinity, which no encryption produces',
      'the ciphertext was altered',
    );
  }
  const n = c.w.length;
  const sigma = xor(c.v, hashes.h2(bls12_381.pairing(identityKey, c.u), n));
  const key = xor(c.w, hashes.h4(sigma, n));
  const r = hashes.h3(sigma, key);
  if (r === 0n || !G2.Point.BASE.multiply(r).equals(c.u)) {
    throw new DrandError(
      'DecryptionFailed',
      'the signature does not open this ciphertext (U ≠ r·G2)',
      "decrypt with the beacon's signature of the ciphertext's round",
    );
  }
  return key;
}

/** Recovers tle's 32-byte key with the identity's private key (the round's signature on G1). */
export function ibeDecrypt(identityKey: G1Point, c: IbeCiphertext): Uint8Array {
  return decryptWith(TLE_HASHES, identityKey, c);
}

/**
 * Recovers a key encrypted by drand's tlock (Go) or tlock-js (kyber's hash set; an age file key is
 * 16 bytes) with the identity's private key (the round's signature on G1).
 */
export function ibeDecryptDrand(identityKey: G1Point, c: IbeCiphertext): Uint8Array {
  return decryptWith(DRAND_HASHES, identityKey, c);
}
