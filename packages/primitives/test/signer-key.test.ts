/** The signer-key rule (keys/signer-key.ts): which public keys may stand behind a signature. */
import { ED25519_TORSION_SUBGROUP, ed25519, ristretto255 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertUsableSignerKey, fromHex, isUsableSignerKey, signerKeyFault, UnusableSignerKey } from '../src/index.js';
import { ED25519_IDENTITY_KEY, SR25519_IDENTITY_KEY } from './support/identity-forgery.js';

const P = (1n << 255n) - 19n;
const le = (n: bigint): Uint8Array => {
  const out = new Uint8Array(32);
  for (let i = 0, x = n; i < 32; i++, x >>= 8n) out[i] = Number(x & 0xffn);
  return out;
};
const scalar = fc.bigInt({ min: 1n, max: ristretto255.Point.Fn.ORDER - 1n });

describe('sr25519 keys', () => {
  it('refuses the all-zero key (the ristretto identity) as ZeroSigner', () => {
    expect(ristretto255.Point.ZERO.toBytes()).toEqual(SR25519_IDENTITY_KEY);
    expect(signerKeyFault(SR25519_IDENTITY_KEY)?.code).toBe('ZeroSigner');
    expect(isUsableSignerKey(SR25519_IDENTITY_KEY)).toBe(false);
  });

  it('refuses encodings that are not canonical ristretto points, and wrong lengths', () => {
    for (const bad of [
      le(1n), // odd
      le(P), // not below p
      le(P + 2n),
      new Uint8Array(32).fill(0xff),
      new Uint8Array(31),
      new Uint8Array(33),
    ]) {
      expect(signerKeyFault(bad)?.code).toBe('NonCanonicalSigner');
    }
  });

  it('accepts every key made from a secret scalar, and agrees with ristretto decoding on random bytes', () => {
    fc.assert(
      fc.property(scalar, (s) => isUsableSignerKey(ristretto255.Point.BASE.multiply(s).toBytes())),
      { numRuns: 30 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (b) => {
        let decodes = true;
        try {
          ristretto255.Point.fromBytes(b);
        } catch {
          decodes = false;
        }
        const fault = signerKeyFault(b);
        // Asked twice: the remembered answer is the same.
        expect(signerKeyFault(b)).toBe(fault);
        expect(fault === null).toBe(decodes && b.some((x) => x !== 0));
      }),
      { numRuns: 200 },
    );
  });

  it('assertUsableSignerKey throws a typed UnusableSignerKey with explanation and hint', () => {
    expect(() => assertUsableSignerKey(ristretto255.Point.BASE.toBytes())).not.toThrow();
    let error: unknown;
    try {
      assertUsableSignerKey(SR25519_IDENTITY_KEY);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnusableSignerKey);
    const e = error as UnusableSignerKey;
    expect(e.name).toBe('UnusableSignerKey');
    expect(e.code).toBe('ZeroSigner');
    expect(e.explanation).toMatch(/identity point \(the all-zero account\)/);
    expect(e.hint).toMatch(/can receive funds but never send them/);
    expect(e.message).toBe(`ZeroSigner: ${e.explanation}`);
  });
});

describe('ed25519 keys', () => {
  it('refuses the identity and every small-order point as ZeroSigner', () => {
    expect(signerKeyFault(ED25519_IDENTITY_KEY, 'ed25519')?.code).toBe('ZeroSigner');
    const canonicalTorsion = ED25519_TORSION_SUBGROUP.map((h) => fromHex(`0x${h}`)).filter((b) => {
      try {
        return ed25519.Point.fromBytes(b, false)
          .toBytes()
          .every((x, i) => x === b[i]);
      } catch {
        return false;
      }
    });
    expect(canonicalTorsion.length).toBeGreaterThanOrEqual(6);
    for (const t of canonicalTorsion) expect(signerKeyFault(t, 'ed25519')?.code).toBe('ZeroSigner');
  });

  it('refuses non-canonical encodings (y not below p, or −0) and accepts keys made from a scalar', () => {
    const yIsP = le(P);
    const minusZero = ED25519_IDENTITY_KEY.slice();
    minusZero[31] = 0x80;
    for (const bad of [yIsP, minusZero, new Uint8Array(31)])
      expect(signerKeyFault(bad, 'ed25519')?.code).toBe('NonCanonicalSigner');
    fc.assert(
      fc.property(scalar, (s) => isUsableSignerKey(ed25519.Point.BASE.multiply(s).toBytes(), 'ed25519')),
      { numRuns: 30 },
    );
  });
});
