/**
 * The axon's x-only sr25519 check (native X25519) against the strict checks: Merlin/STROBE against
 * the @scure implementation, acceptance against @scure's and the wasm verifier on valid, tampered
 * and malformed signatures, the documented (R, ℓ − s) twin, the fallbacks, and the wire vectors.
 */
import { readFileSync } from 'node:fs';
import * as scure from '@scure/sr25519';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromHex, utf8 } from '../src/bytes.js';
import { Transcript } from '../src/keys/merlin.js';
import { miniSecretToSecret, secretToPublicKey, sr25519Sign, sr25519Verify } from '../src/keys/sr25519.js';
import { ss58Decode } from '../src/keys/ss58.js';
import {
  initFastSr25519,
  makeSigner,
  verifyRequestSr25519,
  verifyRequestSr25519Wallet,
  verifySr25519,
  xOnlyVerifyInUse,
} from '../src/synapse/fast-sr25519.js';
import { keypairFromMiniSecret } from '../src/keys/keypair.js';
import { sr25519Challenge, verifySr25519XOnly } from '../src/synapse/x-only-sr25519.js';

const L = (1n << 252n) + 27742317777372353535851937790883648493n;
const P = (1n << 255n) - 19n;

const le = (n: bigint): Uint8Array => {
  const out = new Uint8Array(32);
  let x = n;
  for (let i = 0; i < 32; i++) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
};
const fromLe = (b: Uint8Array): bigint => {
  let n = 0n;
  for (let i = b.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(b[i] as number);
  return n;
};

function keyFrom(seed: Uint8Array): { secret: Uint8Array; publicKey: Uint8Array } {
  const secret = miniSecretToSecret(seed);
  return { secret, publicKey: secretToPublicKey(secret) };
}

/** s with the schnorrkel marker cleared. */
const sOf = (sig: Uint8Array): bigint => {
  const b = sig.slice(32);
  b[31] = (b[31] as number) & 0x7f;
  return fromLe(b);
};
const withS = (sig: Uint8Array, s: bigint): Uint8Array => {
  const out = sig.slice();
  out.set(le(s), 32);
  out[63] = (out[63] as number) | 0x80;
  return out;
};

beforeAll(async () => {
  await initFastSr25519();
});

describe('Merlin transcript', () => {
  it('matches the @scure/sr25519 Merlin on random protocols', () => {
    const { Merlin } = scure.__tests as unknown as {
      Merlin: new (
        label: Uint8Array,
      ) => {
        appendMessage(l: Uint8Array, m: Uint8Array): void;
        challengeBytes(l: Uint8Array, n: number): Uint8Array;
      };
    };
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 20 }),
        fc.array(fc.tuple(fc.uint8Array({ maxLength: 12 }), fc.uint8Array({ maxLength: 400 })), { maxLength: 6 }),
        fc.uint8Array({ maxLength: 12 }),
        fc.integer({ min: 1, max: 400 }),
        (label, messages, challengeLabel, n) => {
          const ours = new Transcript(label);
          const theirs = new Merlin(label);
          for (const [l, m] of messages) {
            ours.appendMessage(l, m);
            theirs.appendMessage(l, m);
          }
          // A clone must continue exactly as the original would.
          const copy = ours.clone();
          const expected = theirs.challengeBytes(challengeLabel, n);
          expect(ours.challengeBytes(challengeLabel, n)).toEqual(expected);
          expect(copy.challengeBytes(challengeLabel, n)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reproduces the Merlin reference test transcript', () => {
    const t = new Transcript(utf8('test protocol'));
    t.appendMessage(utf8('some label'), utf8('some data'));
    expect(Buffer.from(t.challengeBytes(utf8('challenge'), 32)).toString('hex')).toBe(
      'd5a21972d0d5fe320c0d263fac7fffb8145aa640af6e9bca177c03c7efcf0615',
    );
  });

  it('gives the challenge schnorrkel checks: s·B − k·A = R for a real signature', async () => {
    const { ristretto255 } = await import('@noble/curves/ed25519.js');
    const { secret, publicKey } = keyFrom(new Uint8Array(32).fill(3));
    const message = utf8('challenge check');
    const sig = sr25519Sign(secret, message);
    const k = sr25519Challenge(message, publicKey, sig.subarray(0, 32));
    const Pt = ristretto255.Point;
    const r = Pt.BASE.multiply(sOf(sig)).subtract(Pt.fromBytes(publicKey).multiply(k));
    expect(Buffer.from(r.toBytes()).toString('hex')).toBe(Buffer.from(sig.subarray(0, 32)).toString('hex'));
  });
});

describe('x-only sr25519 check', () => {
  it('proved itself at init on this Node', () => {
    expect(xOnlyVerifyInUse()).toBe(true);
  });

  it('accepts every valid signature, from @scure and from the wasm signer', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 300 }),
        (seed, message) => {
          const { secret, publicKey } = keyFrom(seed);
          expect(verifySr25519XOnly(message, sr25519Sign(secret, message), publicKey)).toBe(true);
          const kp = keypairFromMiniSecret(seed);
          expect(verifySr25519XOnly(message, makeSigner(kp)(message), kp.publicKey)).toBe(true);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('agrees with the strict check on any bit flipped in the signature, message or key', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 1, maxLength: 120 }),
        fc.nat(),
        fc.constantFrom('signature', 'message', 'key'),
        (seed, message, bit, where) => {
          const { secret, publicKey } = keyFrom(seed);
          const sig = sr25519Sign(secret, message);
          const m = message.slice();
          const s = sig.slice();
          const pk = publicKey.slice();
          const target = where === 'signature' ? s : where === 'message' ? m : pk;
          const i = bit % (target.length * 8);
          target[i >> 3] = (target[i >> 3] as number) ^ (1 << (i & 7));
          const strict = sr25519Verify(m, s, pk);
          expect(strict).toBe(false);
          expect(verifyRequestSr25519(m, s, pk)).toBe(strict);
          expect(verifySr25519XOnly(m, s, pk)).not.toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses random signatures, a missing marker, a non-canonical s and R, and a key that is no point', () => {
    const { secret, publicKey } = keyFrom(new Uint8Array(32).fill(9));
    const message = utf8('malformed');
    const sig = sr25519Sign(secret, message);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (random) => {
        expect(verifyRequestSr25519(message, random, publicKey)).toBe(false);
      }),
      { numRuns: 200 },
    );
    const unmarked = sig.slice();
    unmarked[63] = (unmarked[63] as number) & 0x7f;
    expect(verifySr25519XOnly(message, unmarked, publicKey)).toBe(false);
    expect(verifySr25519(message, unmarked, publicKey)).toBe(false);
    // s + ℓ encodes the same scalar, non-canonically: schnorrkel refuses it.
    const sPlusL = withS(sig, sOf(sig) + L);
    expect(sOf(sPlusL) === sOf(sig) + L).toBe(true);
    expect(verifySr25519XOnly(message, sPlusL, publicKey)).toBe(false);
    expect(verifySr25519(message, sPlusL, publicKey)).toBe(false);
    // R + p: the same field element, non-canonically encoded.
    const rBig = fromLe(sig.subarray(0, 32));
    if (rBig + P < 1n << 256n) {
      const bad = sig.slice();
      bad.set(le(rBig + P), 0);
      expect(verifySr25519XOnly(message, bad, publicKey)).toBe(false);
    }
    // An odd (negative) R encoding is not canonical ristretto.
    const odd = sig.slice();
    odd[0] = (odd[0] as number) | 1;
    expect(verifySr25519XOnly(message, odd, publicKey)).toBe(false);
    // A key that does not decode as a ristretto point.
    const notAPoint = new Uint8Array(32).fill(0xff);
    notAPoint[31] = 0x7f;
    notAPoint[0] = 0xf0;
    expect(verifySr25519XOnly(message, sig, notAPoint)).toBe(false);
    expect(verifySr25519XOnly(message, sig.subarray(0, 63), publicKey)).toBe(false);
    expect(verifySr25519XOnly(message, sig, publicKey.subarray(0, 31))).toBe(false);
  });

  it('accepts the (R, ℓ − s) twin of a valid signature, which the strict check refuses (documented)', () => {
    const { secret, publicKey } = keyFrom(new Uint8Array(32).fill(4));
    const message = utf8('twin');
    const sig = sr25519Sign(secret, message);
    const twin = withS(sig, L - sOf(sig));
    expect(verifySr25519(message, twin, publicKey)).toBe(false);
    expect(verifySr25519XOnly(message, twin, publicKey)).toBe(true);
    // The twin says nothing about any other message.
    expect(verifySr25519XOnly(utf8('twin!'), twin, publicKey)).toBe(false);
  });

  it('leaves degenerate inputs to the strict check', () => {
    const { secret, publicKey } = keyFrom(new Uint8Array(32).fill(5));
    const message = utf8('degenerate');
    const sig = sr25519Sign(secret, message);
    const zeroR = sig.slice();
    zeroR.fill(0, 0, 32);
    expect(verifySr25519XOnly(message, zeroR, publicKey)).toBeUndefined();
    expect(verifyRequestSr25519(message, zeroR, publicKey)).toBe(false);
  });

  it('refuses the identity (all-zero) key outright, by the signer-key rule', () => {
    const { secret } = keyFrom(new Uint8Array(32).fill(5));
    const message = utf8('identity');
    const sig = sr25519Sign(secret, message);
    const identityKey = new Uint8Array(32);
    expect(verifySr25519XOnly(message, sig, identityKey)).toBe(false);
    expect(verifyRequestSr25519(message, sig, identityKey)).toBe(false);
    expect(verifySr25519(message, sig, identityKey)).toBe(false);
  });

  it('decides the wire vectors as the strict check does', () => {
    const file = new URL('../../../vectors/sdk-axon.json', import.meta.url);
    const cases = (
      JSON.parse(readFileSync(file, 'utf8')) as {
        cases: { name: string; fn: string; input: Record<string, string>; expected: { valid: boolean } }[];
      }
    ).cases.filter((c) => c.fn === 'sr25519_verify' || c.fn === 'btwallet_verify');
    expect(cases.length).toBeGreaterThanOrEqual(9);
    for (const c of cases) {
      const message = utf8(c.input.message as string);
      const sig = fromHex(c.input.signature as string);
      const pk = ss58Decode(c.input.signer_ss58 as string).publicKey;
      const check = c.fn === 'sr25519_verify' ? verifyRequestSr25519 : verifyRequestSr25519Wallet;
      expect(check(message, sig, pk), c.name).toBe(c.expected.valid);
    }
  });
});
