/**
 * sr25519 on the request path. Pure-JS verification (@scure/sr25519) manages a few hundred to ~840
 * checks a second; an axon must check every request, so once @polkadot/wasm-crypto is loaded
 * (`initFastSr25519`) signing and verifying go through it (several thousand a second). Until then,
 * or if the wasm cannot load, the @scure path is used: same results, only slower. The @scure path
 * stays the oracle the tests compare against.
 */
import { isReady, sr25519Sign as wasmSign, sr25519Verify as wasmVerify, waitReady } from '@polkadot/wasm-crypto';
import { isUsableSignerKey, signerKeyFault } from '@taonet/primitives';
import { concat, utf8 } from '../bytes.js';
import { SignerKeyRefused } from '../errors.js';
import type { Keypair } from '../keys/keypair.js';
import {
  canonicalToHalfEd25519,
  miniSecretToSecret,
  sr25519Verify as scureVerify,
  secretToPublicKey,
  sr25519Sign,
} from '../keys/sr25519.js';
import { verifySr25519XOnly } from './x-only-sr25519.js';

let loading: Promise<boolean> | null = null;
let xOnly = false;

/**
 * Whether the native x-only check agrees with the strict one on a known signature, its tampered
 * copy and its wrong-key copy: it depends on how this Node builds X25519 keys, so it is proven
 * here once rather than assumed.
 */
function xOnlySelfTest(): boolean {
  try {
    const secret = miniSecretToSecret(new Uint8Array(32).fill(7));
    const publicKey = secretToPublicKey(secret);
    const message = utf8('taonet x-only self-test');
    const sig = sr25519Sign(secret, message);
    const tampered = sig.slice();
    tampered[40] = (tampered[40] as number) ^ 1;
    const otherKey = secretToPublicKey(miniSecretToSecret(new Uint8Array(32).fill(8)));
    return (
      verifySr25519XOnly(message, sig, publicKey) === true &&
      verifySr25519XOnly(utf8('another message'), sig, publicKey) === false &&
      verifySr25519XOnly(message, tampered, publicKey) === false &&
      verifySr25519XOnly(message, sig, otherKey) === false
    );
  } catch {
    return false;
  }
}

/** Loads the wasm backend once; resolves to whether it is usable. Never rejects. */
export function initFastSr25519(): Promise<boolean> {
  loading ??= waitReady().then(
    (ok) => {
      xOnly = xOnlySelfTest();
      return ok;
    },
    () => {
      xOnly = xOnlySelfTest();
      return false;
    },
  );
  return loading;
}

/** Whether the wasm backend is in use. */
export function fastSr25519Ready(): boolean {
  return isReady();
}

/** Strict sr25519 verification (context "substrate") of a key the signer-key rule allows; never throws. */
export function verifySr25519(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || !isUsableSignerKey(publicKey)) return false;
  if (!isReady()) return scureVerify(message, signature, publicKey);
  try {
    return wasmVerify(signature, message, publicKey);
  } catch {
    return false;
  }
}

/** Whether axon requests are checked on the native x-only path (see x-only-sr25519.ts). */
export function xOnlyVerifyInUse(): boolean {
  return xOnly;
}

/**
 * The check for axon requests: the x-only path when it proved itself at init, else the strict
 * one. It accepts what the strict check accepts, plus forms that only the key holder can make or
 * that repeat a valid signature's message and nonce (which the nonce guard refuses).
 */
export function verifyRequestSr25519(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
  // The signer-key rule before either path: the identity key would pass the strict fallback.
  if (!isUsableSignerKey(publicKey)) return false;
  if (xOnly) {
    const quick = verifySr25519XOnly(message, signature, publicKey);
    if (quick !== undefined) return quick;
  }
  return verifySr25519(message, signature, publicKey);
}

const BYTES_OPEN = utf8('<Bytes>');
const BYTES_CLOSE = utf8('</Bytes>');

type Check = (message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array) => boolean;

// btwallet's rule: the raw message, then (only when that fails, so the usual case costs one check)
// the polkadot-js `<Bytes>…</Bytes>` wrapping a browser wallet signs.
const walletRule =
  (check: Check): Check =>
  (message, signature, publicKey) =>
    check(message, signature, publicKey) || check(concat(BYTES_OPEN, message, BYTES_CLOSE), signature, publicKey);

/** btwallet's verify on the strict check. */
export const verifySr25519Wallet: Check = walletRule(verifySr25519);

/** `verifySr25519Wallet` for axon requests, on `verifyRequestSr25519`. */
export const verifyRequestSr25519Wallet: Check = walletRule(verifyRequestSr25519);

/** Signs message bytes with one keypair. */
export type MessageSigner = (message: Uint8Array) => Uint8Array;

/**
 * A signer for `keypair`: the wasm backend when ready (the secret converted once to the form
 * polkadot-js holds), else the keypair's own `sign`.
 * @throws SignerKeyRefused (at once) for a key the signer-key rule refuses, e.g. the all-zero key;
 * PublicKeyOnly (when called) for a keypair without a secret.
 */
export function makeSigner(keypair: Keypair): MessageSigner {
  const fault = signerKeyFault(keypair.publicKey);
  if (fault !== null) throw new SignerKeyRefused(fault);
  const secret = keypair.privateKey;
  if (secret === undefined) return (m) => keypair.sign(m);
  const half = canonicalToHalfEd25519(secret);
  const pub = keypair.publicKey;
  return (m) => (isReady() ? wasmSign(pub, half, m) : keypair.sign(m));
}
