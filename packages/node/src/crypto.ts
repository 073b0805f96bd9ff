/**
 * The node's cryptography, on the measured fast path: @polkadot/wasm-crypto for sr25519 and
 * blake2b (see shared/spec/stack.md). `initCrypto()` must resolve before anything here is used.
 */
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha512 } from '@noble/hashes/sha2.js';
import {
  blake2b,
  ed25519Verify,
  sr25519KeypairFromSeed,
  sr25519Sign,
  sr25519Verify,
  waitReady,
} from '@polkadot/wasm-crypto';
import { isUsableSignerKey, useBlake2b256 } from '@taonet/primitives';
import { mnemonicToEntropy } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { getPublicKey, HDKD, secretFromSeed } from '@scure/sr25519';

let ready: Promise<boolean> | null = null;

export function initCrypto(): Promise<boolean> {
  // Once the wasm is loaded, the primitives and the runtime hash with it too (same digests, checked).
  ready ??= waitReady().then((ok) => {
    if (ok) useBlake2b256(hash256);
    return ok;
  });
  return ready;
}

const EMPTY = new Uint8Array(0);

export function hash256(data: Uint8Array): Uint8Array {
  return blake2b(data, EMPTY, 32);
}

/** An sr25519 key pair: 64-byte secret (scalar ‖ nonce) and 32-byte public key. */
export interface NodeKeypair {
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
}

function split(pair: Uint8Array): NodeKeypair {
  return { secretKey: pair.slice(0, 64), publicKey: pair.slice(64) };
}

export function keypairFromMiniSecret(mini: Uint8Array): NodeKeypair {
  return split(sr25519KeypairFromSeed(mini));
}

export function sign(kp: NodeKeypair, message: Uint8Array): Uint8Array {
  return sr25519Sign(kp.publicKey, kp.secretKey, message);
}

/** Strict sr25519 verification of a key the signer-key rule allows; never throws. */
export function verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || !isUsableSignerKey(publicKey)) return false;
  try {
    return sr25519Verify(signature, message, publicKey);
  } catch {
    return false;
  }
}

/** ed25519 verification of a key the signer-key rule allows (no small-order keys); never throws. */
export function verifyEd25519(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || !isUsableSignerKey(publicKey, 'ed25519')) return false;
  try {
    return ed25519Verify(signature, message, publicKey);
  } catch {
    return false;
  }
}

/** The Substrate development phrase; `//Alice` and friends derive from it. */
export const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';

/** SCALE-encoded junction name, zero-padded to 32 bytes: the chain code of a hard derivation. */
function chainCode(name: string): Uint8Array {
  const bytes = new TextEncoder().encode(name);
  if (bytes.length > 63) throw new RangeError('junction names longer than 63 bytes are not supported here');
  const out = new Uint8Array(32);
  out[0] = bytes.length << 2;
  out.set(bytes, 1);
  return out;
}

/**
 * A key from a dev URI of hard junctions only, e.g. `//Alice` or `//Alice//stash`. Pure JS, so it
 * works before `initCrypto()`; the keys are byte-identical to the wasm ones.
 */
export function devKeypair(uri: string): NodeKeypair {
  const m = /^((?:\/\/[^/]+)+)$/.exec(uri);
  if (m === null) throw new RangeError(`not a hard-derivation dev URI: '${uri}'`);
  // The Substrate mini-secret: PBKDF2 over the BIP39 entropy (not the BIP39 seed).
  const entropy = mnemonicToEntropy(DEV_PHRASE, wordlist);
  const mini = pbkdf2(sha512, entropy, new TextEncoder().encode('mnemonic'), { c: 2048, dkLen: 64 }).slice(0, 32);
  let secret: Uint8Array = secretFromSeed(mini);
  for (const j of uri.split('//').filter((x) => x.length > 0))
    secret = HDKD.secretHard(secret as Uint8Array<ArrayBuffer>, chainCode(j));
  return { secretKey: secret, publicKey: getPublicKey(secret) };
}
