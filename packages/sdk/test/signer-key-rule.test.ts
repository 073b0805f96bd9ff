/**
 * The signer-key rule in the SDK (issue 17): forged R = s·B signatures for the all-zero key verify
 * under the raw wasm sr25519 check (so the forgery is real), yet no SDK verifier accepts them, the
 * SDK refuses to sign as that key, and an axon answers 401 before any signature work.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sr25519Verify as rawWasmVerify } from '@polkadot/wasm-crypto';
import { isUsableSignerKey, UnusableSignerKey, assertUsableSignerKey } from '@taonet/primitives';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ED25519_IDENTITY_KEY,
  forgeEd25519IdentitySignature,
  forgeSr25519IdentitySignature,
  SR25519_IDENTITY_KEY,
} from '../../primitives/test/support/identity-forgery.js';
import { Axon } from '../src/axon/axon.js';
import type { AxonTarget } from '../src/axon/axon-info.js';
import { toHex, utf8 } from '../src/bytes.js';
import { Dendrite } from '../src/dendrite/dendrite.js';
import { SignerKeyRefused } from '../src/errors.js';
import { keypairFromParts, keypairFromPrivateKey, keypairFromPublicKey } from '../src/keys/keypair.js';
import { sr25519Verify } from '../src/keys/sr25519.js';
import { ss58Encode } from '../src/keys/ss58.js';
import { keypairFromUri } from '../src/keys/uri.js';
import { btwalletVerify } from '../src/keys/verify.js';
import { wallClockNs } from '../src/synapse/clock.js';
import { defineSynapse } from '../src/synapse/define-synapse.js';
import {
  fastSr25519Ready,
  initFastSr25519,
  makeSigner,
  verifyRequestSr25519,
  verifyRequestSr25519Wallet,
  verifySr25519,
  verifySr25519Wallet,
  xOnlyVerifyInUse,
} from '../src/synapse/fast-sr25519.js';
import { field } from '../src/synapse/fields.js';
import { dendriteMessage } from '../src/synapse/messages.js';
import { verifyTerminalSignature } from '../src/synapse/terminal-signature.js';
import { fieldsFragment, synapseBody, synapseBodyHash, synapseToHeaders } from '../src/synapse/wire.js';
import { verifySr25519XOnly } from '../src/synapse/x-only-sr25519.js';

await initFastSr25519();

const ZERO_SS58 = ss58Encode(SR25519_IDENTITY_KEY);

/** Every sr25519 verifier the SDK uses, as (message, signature, key) → accepted. */
const VERIFIERS: Record<string, (m: Uint8Array, sig: Uint8Array, pk: Uint8Array) => boolean> = {
  'keys/sr25519 sr25519Verify (@scure)': sr25519Verify,
  'btwalletVerify (keyfiles, Keypair.verify)': (m, sig, pk) => btwalletVerify(m, sig, pk),
  'Keypair.verify of a public-only keypair': (m, sig, pk) => keypairFromPublicKey(pk).verify(m, sig),
  'verifySr25519 (wasm strict)': verifySr25519,
  'verifySr25519Wallet (dendrite response signatures)': verifySr25519Wallet,
  'verifyRequestSr25519 (axon: x-only, strict fallback)': verifyRequestSr25519,
  'verifyRequestSr25519Wallet (axon)': verifyRequestSr25519Wallet,
  'verifySr25519XOnly (x-only alone)': (m, sig, pk) => verifySr25519XOnly(m, sig, pk) === true,
};

describe('forged signatures for the all-zero key', () => {
  it('are real: the raw wasm sr25519 verifier (what the SDK and node used) accepts them', () => {
    expect(fastSr25519Ready()).toBe(true);
    expect(xOnlyVerifyInUse()).toBe(true);
    const sig = forgeSr25519IdentitySignature(123_456_789n);
    expect(rawWasmVerify(sig, utf8('send 4 TAO to Bob'), SR25519_IDENTITY_KEY)).toBe(true);
    expect(rawWasmVerify(sig, utf8('anything else at all'), SR25519_IDENTITY_KEY)).toBe(true);
    // The ed25519 forgery is real too, under the cofactored (ZIP-215) check @noble uses by default.
    expect(ed25519.verify(forgeEd25519IdentitySignature(987n), utf8('x'), ED25519_IDENTITY_KEY)).toBe(true);
  });

  it('no SDK verifier accepts one, for random messages and scalars (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.bigInt({ min: 1n, max: (1n << 256n) - 1n }), (msg, s) => {
        const sig = forgeSr25519IdentitySignature(s);
        // The forgery is valid under the raw check every time: the rule is what stops it.
        expect(rawWasmVerify(sig, msg, SR25519_IDENTITY_KEY)).toBe(true);
        for (const [name, verify] of Object.entries(VERIFIERS))
          expect(verify(msg, sig, SR25519_IDENTITY_KEY), name).toBe(false);
        expect(
          verifyTerminalSignature({
            kind: 'axon',
            nonce: 1n,
            dendriteHotkey: ZERO_SS58,
            axonHotkey: ZERO_SS58,
            uuid: 'u',
            signature: sig,
            signerSs58: ZERO_SS58,
          }).valid,
        ).toBe(false);
        // ed25519: a verifier guarded by the rule refuses the identity key's forgery as well.
        const esig = forgeEd25519IdentitySignature(s);
        expect(ed25519.verify(esig, msg, ED25519_IDENTITY_KEY)).toBe(true);
        expect(isUsableSignerKey(ED25519_IDENTITY_KEY, 'ed25519')).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('every verifier still accepts an honest signature (the rule refuses only unusable keys)', () => {
    const kp = keypairFromUri('//Alice');
    const msg = utf8('honest');
    const sig = kp.sign(msg);
    for (const [name, verify] of Object.entries(VERIFIERS)) expect(verify(msg, sig, kp.publicKey), name).toBe(true);
  });
});

describe('the SDK refuses to sign as the all-zero key', () => {
  // What a tampered keyfile (e.g. a polkadot-js JSON whose public key is zeroed) loads as: a real
  // secret paired with the all-zero public key.
  const zero = keypairFromParts({
    publicKey: SR25519_IDENTITY_KEY,
    privateKey: keypairFromUri('//Mallory').privateKey as Uint8Array,
  });

  it('the key really is the all-zero account, and a zero secret scalar (whose key it would be) is refused', () => {
    expect(zero.ss58Address).toBe('5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM');
    const zeroScalar = new Uint8Array(64);
    zeroScalar.fill(7, 32); // any nonce
    expect(() => keypairFromPrivateKey(zeroScalar)).toThrow(SignerKeyRefused);
    expect(() => keypairFromPrivateKey(zeroScalar)).toThrow(/all-zero account/);
  });

  it('Keypair.sign, makeSigner, Dendrite and Axon throw SignerKeyRefused (ZeroSigner)', () => {
    for (const attempt of [
      () => zero.sign('hello'),
      () => makeSigner(zero),
      () => new Dendrite({ keypair: zero }),
      () => new Axon({ keypair: zero, open: true }),
    ]) {
      let error: unknown;
      try {
        attempt();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SignerKeyRefused);
      const e = error as SignerKeyRefused;
      expect(e.code).toBe('ZeroSigner');
      expect(e.explanation).toMatch(/all-zero account/);
      expect(e.hint).toMatch(/receive funds but never send/);
    }
  });

  it('the primitives helper names the fault as a typed error', () => {
    expect(() => assertUsableSignerKey(SR25519_IDENTITY_KEY)).toThrow(UnusableSignerKey);
  });
});

const Echo = defineSynapse({
  name: 'Echo',
  request: { text: field.str() },
  response: { echoed: field.str().optional() },
  hashFields: ['text'],
  deserialize: (s) => s.echoed,
});

describe('an open axon and a forged request from the all-zero hotkey', () => {
  let axon: Axon;
  let target: AxonTarget;

  beforeAll(async () => {
    axon = new Axon({ keypair: keypairFromUri('//SignerKeyAxon'), ip: '127.0.0.1', port: 0, open: true }).attach(
      Echo,
      (s) => {
        s.echoed = s.text;
        return s;
      },
    );
    target = await axon.start();
  });

  afterAll(async () => {
    await axon.stop();
  });

  /** A request "from" `hotkey`, its signature made by `sign` over the exact message the axon checks. */
  function request(hotkey: string, sign: (m: Uint8Array) => Uint8Array, text: string) {
    const s = new Echo({ text });
    const nonce = wallClockNs();
    s.dendrite = { version: 10_002_000, nonce, uuid: 'forger', hotkey };
    s.axon = { ip: target.ip, port: target.port, hotkey: target.hotkey };
    const bodyHash = synapseBodyHash(s);
    const message = dendriteMessage({
      nonce,
      dendriteHotkey: hotkey,
      axonHotkey: target.hotkey,
      uuid: 'forger',
      bodyHash,
    });
    s.dendrite.signature = toHex(sign(utf8(message)));
    const fragment = fieldsFragment(s);
    return { message, headers: synapseToHeaders(s, bodyHash, fragment.length), body: synapseBody(s, fragment) };
  }

  async function post(req: { headers: Record<string, string>; body: string }) {
    const res = await fetch(`http://${target.ip}:${target.port}/Echo`, {
      method: 'POST',
      headers: req.headers,
      body: req.body,
    });
    return { status: res.status, message: ((await res.json()) as { message?: string }).message };
  }

  it('answers an honest caller 200 and the forged request 401, before any signature work', async () => {
    const alice = keypairFromUri('//Alice');
    expect((await post(request(alice.ss58Address, (m) => alice.sign(m), 'honest'))).status).toBe(200);
    const forged = request(ZERO_SS58, () => forgeSr25519IdentitySignature(424_242n), 'forged');
    // The forged signature verifies for the very message the axon would check, under the raw verifier.
    expect(rawWasmVerify(forgeSr25519IdentitySignature(424_242n), utf8(forged.message), SR25519_IDENTITY_KEY)).toBe(
      true,
    );
    const r = await post(forged);
    expect(r.status).toBe(401);
    expect(r.message).toMatch(/cannot sign: the key is the identity point \(the all-zero account\)/);
    expect(r.message).not.toMatch(/Signature mismatch/);
  });
});
