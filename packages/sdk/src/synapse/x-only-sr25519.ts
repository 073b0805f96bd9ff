/**
 * sr25519 request verification on native X25519, about twice as fast as the wasm check.
 *
 * An axon must check one signature per request, and that check was most of its CPU. Node ships a
 * native X25519 (Montgomery-ladder scalar multiplication) but no Edwards or Ristretto arithmetic,
 * so this check works on Montgomery u-coordinates only (the technique of qDSA):
 *
 * - schnorrkel accepts (R, s) for key A when R = s·B − k·A, with k the Merlin challenge over
 *   the signing context, the message, A and R;
 * - the ladder gives u(8s·B) and u(8k·A); every decoded ristretto representative has u = 1/σ²
 *   for its encoding σ, and tripling the doubling gives u(8R) (the factor 8 clears the torsion
 *   that ristretto equivalence ignores);
 * - u(P + Q) and u(P − Q) are the two roots of a quadratic whose coefficients are polynomials in
 *   u(P) and u(Q), so "u(8R) is a root" is one field equation, checked without any inversion.
 *
 * What this accepts, besides every signature the strict check accepts:
 * - (R, ℓ − s) for every valid (R, s): the same message and nonce, so the axon's replay guard
 *   refuses it exactly as it refuses a copy of the original;
 * - R = ±(s·B + k·A) or −(s·B − k·A), and R encodings that are not canonical ristretto points:
 *   forms only the holder of the secret key can produce (each is a Schnorr equation in A or −A
 *   with a challenge bound to R, so a forger would need the discrete log of A).
 *
 * It therefore authenticates the caller as well as the strict check does, and it is used only for
 * axon requests, which the nonce guard also binds. Everything else (extrinsics, keyfiles, response
 * signatures) keeps the strict check. Keys the signer-key rule refuses (the identity first, for which
 * R = s·B verifies anything) are refused before any arithmetic. Rare degenerate inputs (an identity
 * R, equal u-coordinates, a scalar that has no clamped form) return `undefined`: the caller falls
 * back to the strict check.
 */
import { createPrivateKey, diffieHellman, type JsonWebKey, type KeyObject, createPublicKey } from 'node:crypto';
import { ristretto255 } from '@noble/curves/ed25519.js';
import { isUsableSignerKey } from '@taonet/primitives';
import { Transcript } from '../keys/merlin.js';

const P = (1n << 255n) - 19n;
const L = (1n << 252n) + 27742317777372353535851937790883648493n;
const MONT_A = 486662n;
const A24 = 121666n; // (A + 2) / 4
const TWO_251 = 1n << 251n;
const MASK64 = (1n << 64n) - 1n;

const enc = new TextEncoder();
const SIGN_BYTES = enc.encode('sign-bytes');
const PROTO_NAME = enc.encode('proto-name');
const SCHNORR_SIG = enc.encode('Schnorr-sig');
const SIGN_PK = enc.encode('sign:pk');
const SIGN_R = enc.encode('sign:R');
const SIGN_C = enc.encode('sign:c');

let context: Transcript | null = null;

/** The transcript after `signing_context(b"substrate")`, built once and cloned per check. */
function substrateContext(): Transcript {
  if (context === null) {
    context = new Transcript(enc.encode('SigningContext'));
    context.appendMessage(new Uint8Array(0), enc.encode('substrate'));
  }
  return context;
}

/** The Schnorr challenge k (mod ℓ) schnorrkel derives for `message`, key `publicKey` and nonce point `r`. */
export function sr25519Challenge(message: Uint8Array, publicKey: Uint8Array, r: Uint8Array): bigint {
  const t = substrateContext().clone();
  t.appendMessage(SIGN_BYTES, message);
  t.appendMessage(PROTO_NAME, SCHNORR_SIG);
  t.appendMessage(SIGN_PK, publicKey);
  t.appendMessage(SIGN_R, r);
  return leToBigint(t.challengeBytes(SIGN_C, 64)) % L;
}

function leToBigint(b: Uint8Array): bigint {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let n = 0n;
  for (let off = b.length - 8; off >= 0; off -= 8) n = (n << 64n) | v.getBigUint64(off, true);
  return n;
}

function scalarJwk(c: bigint): string {
  const out = Buffer.alloc(32);
  out.writeBigUInt64LE(c & MASK64, 0);
  out.writeBigUInt64LE((c >> 64n) & MASK64, 8);
  out.writeBigUInt64LE((c >> 128n) & MASK64, 16);
  out.writeBigUInt64LE(c >> 192n, 24);
  return out.toString('base64url');
}

function mod(x: bigint): bigint {
  const r = x % P;
  return r < 0n ? r + P : r;
}

/**
 * The X25519 private key whose clamped scalar 2^254 + 8m acts as ±8x on the prime-order
 * subgroup (the sign is irrelevant: u(−X) = u(X)); undefined in the ~2^-126 case where neither
 * sign has such a form.
 */
function clampedKey(x: bigint): KeyObject | undefined {
  let m = (((x - TWO_251) % L) + L) % L;
  if (m >= TWO_251) m = (((-x - TWO_251) % L) + L) % L;
  if (m >= TWO_251) return undefined;
  // Node builds the key from `d` alone; `x` is required by the JWK shape and ignored (the init
  // self-test in fast-sr25519 turns this path off if a Node version ever disagrees).
  return createPrivateKey({
    key: { kty: 'OKP', crv: 'X25519', d: scalarJwk(m * 8n), x: PLACEHOLDER_X },
    format: 'jwk',
  });
}
const PLACEHOLDER_X = Buffer.alloc(32, 9).toString('base64url');

interface CachedKey {
  /** The X25519 public key holding u of the decoded representative. */
  readonly key: KeyObject;
}
const keys = new Map<string, CachedKey | false>();

/** A public key as an X25519 key object, validated once (false: not a ristretto point). */
function montgomeryKey(publicKey: Uint8Array): CachedKey | false {
  const id = Buffer.from(publicKey.buffer, publicKey.byteOffset, 32).toString('latin1');
  let e = keys.get(id);
  if (e === undefined) {
    try {
      ristretto255.Point.fromBytes(publicKey);
      // Never the identity (σ = 0): the signer-key rule refused it before.
      const sigma = leToBigint(publicKey);
      const u = ristretto255.Point.Fp.inv((sigma * sigma) % P);
      e = { key: createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: scalarJwk(u) }, format: 'jwk' }) };
    } catch {
      e = false;
    }
    // Bounded: only a flood of distinct keys grows it, and a clear only costs re-decoding.
    if (keys.size >= 100_000) keys.clear();
    keys.set(id, e);
  }
  return e;
}

/**
 * Checks an sr25519 signature (context "substrate") as described above.
 * @returns true or false, or undefined when the strict check must decide.
 */
export function verifySr25519XOnly(
  message: Uint8Array,
  signature: Uint8Array,
  publicKey: Uint8Array,
): boolean | undefined {
  // The signer-key rule first: for the identity key R = s·B "verifies" any message.
  if (signature.length !== 64 || !isUsableSignerKey(publicKey)) return false;
  // schnorrkel marks its signatures with the top bit of s, and s must be canonical.
  if (((signature[63] as number) & 0x80) === 0) return false;
  const sBytes = signature.slice(32);
  sBytes[31] = (sBytes[31] as number) & 0x7f;
  const s = leToBigint(sBytes);
  if (s >= L) return false;
  const rBytes = signature.subarray(0, 32);
  const sigmaR = leToBigint(rBytes);
  // A canonical ristretto encoding is below p and even.
  if (sigmaR >= P || ((rBytes[0] as number) & 1) === 1) return false;
  if (sigmaR === 0n) return undefined;
  const a = montgomeryKey(publicKey);
  if (a === false) return false;

  const k = sr25519Challenge(message, publicKey, rBytes);
  const kS = clampedKey(s);
  const kK = clampedKey(k);
  if (kS === undefined || kK === undefined) return undefined;
  let uP: bigint;
  let uQ: bigint;
  try {
    uP = leToBigint(Buffer.from((kS.export({ format: 'jwk' }) as JsonWebKey).x as string, 'base64url'));
    uQ = leToBigint(diffieHellman({ privateKey: kK, publicKey: a.key }));
  } catch {
    // X25519 refuses an all-zero result (a low-order point): let the strict check decide.
    return undefined;
  }

  // u(8R) projectively, from u(R) = 1/σ² = (1 : σ²).
  let x = 1n;
  let z = (sigmaR * sigmaR) % P;
  for (let i = 0; i < 3; i++) {
    const sum = x + z;
    const diff = x - z;
    const ss = (sum * sum) % P;
    const dd = (diff * diff) % P;
    const e = ss - dd;
    x = (ss * dd) % P;
    z = mod(e * ((dd + A24 * e) % P));
  }
  const d = mod(uP - uQ);
  if (x === 0n || z === 0n || d === 0n) return undefined;
  const pq = (uP * uQ) % P;
  const middle = (((pq + 1n) * (uP + uQ) + 2n * MONT_A * pq) % P) * 2n;
  const last = mod(pq - 1n);
  const lhs = (((d * d) % P) * ((x * x) % P) - ((middle * x) % P) * z + ((last * last) % P) * ((z * z) % P)) % P;
  return lhs === 0n;
}
