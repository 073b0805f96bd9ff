/**
 * sr25519 on the request path. Pure-JS verification (@scure/sr25519) manages a few hundred to ~840
 * checks a second; an axon must check every request, so once @polkadot/wasm-crypto is loaded
 * (`initFastSr25519`) signing and verifying go through it (several thousand a second). Until then,
 * or if the wasm cannot load, the @scure path is used: same results, only slower. The @scure path
 * stays the oracle the tests compare against.
 */
import { isReady, sr25519Sign as wasmSign, sr25519Verify as wasmVerify, waitReady } from '@polkadot/wasm-crypto';
import { concat, utf8 } from '../bytes.js';
import type { Keypair } from '../keys/keypair.js';
import { canonicalToHalfEd25519, sr25519Verify as scureVerify } from '../keys/sr25519.js';

let loading: Promise<boolean> | null = null;

/** Loads the wasm backend once; resolves to whether it is usable. Never rejects. */
export function initFastSr25519(): Promise<boolean> {
  loading ??= waitReady().then(
    (ok) => ok,
    () => false,
  );
  return loading;
}

/** Whether the wasm backend is in use. */
export function fastSr25519Ready(): boolean {
  return isReady();
}

/** Strict sr25519 verification (context "substrate"); never throws. */
export function verifySr25519(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  if (!isReady()) return scureVerify(message, signature, publicKey);
  try {
    return wasmVerify(signature, message, publicKey);
  } catch {
    return false;
  }
}

const BYTES_OPEN = utf8('<Bytes>');
const BYTES_CLOSE = utf8('</Bytes>');

/**
 * btwallet's verify on the fast path: the raw message, then (only when that fails, so the usual
 * case costs one check) the polkadot-js `<Bytes>…</Bytes>` wrapping a browser wallet signs.
 */
export function verifySr25519Wallet(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
  return (
    verifySr25519(message, signature, publicKey) ||
    verifySr25519(concat(BYTES_OPEN, message, BYTES_CLOSE), signature, publicKey)
  );
}

/** Signs message bytes with one keypair. */
export type MessageSigner = (message: Uint8Array) => Uint8Array;

/**
 * A signer for `keypair`: the wasm backend when ready (the secret converted once to the form
 * polkadot-js holds), else the keypair's own `sign`.
 * @throws PublicKeyOnly (when called) for a keypair without a secret.
 */
export function makeSigner(keypair: Keypair): MessageSigner {
  const secret = keypair.privateKey;
  if (secret === undefined) return (m) => keypair.sign(m);
  const half = canonicalToHalfEd25519(secret);
  const pub = keypair.publicKey;
  return (m) => (isReady() ? wasmSign(pub, half, m) : keypair.sign(m));
}
