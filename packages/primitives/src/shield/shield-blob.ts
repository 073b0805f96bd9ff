/**
 * The MEV shield's encrypted blob (the `ciphertext` of `MevShield.submit_encrypted`), byte for byte
 * as subtensor's `stp-shield` parses it and bittensor_drand / bittensor_core build it
 * (docs/encoding.md, "MEV shield blob"):
 *
 *   key_hash[16] ‖ kem_len u16 LE ‖ kem_ct[kem_len] ‖ nonce[24] ‖ aead_ct (ciphertext ‖ tag[16])
 *
 * key_hash = twox128(ML-KEM-768 encapsulation key); the XChaCha20-Poly1305 key is the ML-KEM shared
 * secret itself (no KDF) and the associated data is empty. The plaintext is a whole signed
 * extrinsic with its compact length prefix. Pure: randomness comes from the caller.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { ml_kem768 } from '@noble/post-quantum/ml-kem.js';
import { twox128 } from '../twox.js';

/** ML-KEM-768 (FIPS 203) sizes. */
export const ML_KEM_768 = {
  publicKeyBytes: 1184,
  secretKeyBytes: 2400,
  cipherTextBytes: 1088,
  sharedSecretBytes: 32,
  keygenSeedBytes: 64,
  encapsulationRandomBytes: 32,
} as const;

export const SHIELD_KEY_HASH_BYTES = 16;
export const SHIELD_NONCE_BYTES = 24;
export const SHIELD_TAG_BYTES = 16;
/** `submit_encrypted` takes a `BoundedVec<u8, 8192>`. */
export const SHIELD_MAX_BLOB_BYTES = 8192;
/** Header + KEM ciphertext + nonce + tag around the plaintext, for a well-formed client blob. */
export const SHIELD_BLOB_OVERHEAD =
  SHIELD_KEY_HASH_BYTES + 2 + ML_KEM_768.cipherTextBytes + SHIELD_NONCE_BYTES + SHIELD_TAG_BYTES;
/** The largest plaintext (inner extrinsic) a blob can carry. */
export const SHIELD_MAX_PLAINTEXT_BYTES = SHIELD_MAX_BLOB_BYTES - SHIELD_BLOB_OVERHEAD;

export interface ShieldBlob {
  readonly keyHash: Uint8Array;
  readonly kemCiphertext: Uint8Array;
  readonly nonce: Uint8Array;
  /** XChaCha20-Poly1305 ciphertext with its 16-byte tag at the end. */
  readonly aeadCiphertext: Uint8Array;
}

export type ShieldBlobErrorCode =
  | 'BlobTooLarge'
  | 'BlobTruncated'
  | 'BadKemCiphertextLength'
  | 'BadPublicKeyLength'
  | 'InvalidPublicKey'
  | 'BadSecretKeyLength'
  | 'BadRandomnessLength'
  | 'AuthenticationFailed'
  | 'EmptyPlaintext'
  | 'PlaintextTooLarge';

/** A blob or key that cannot be parsed, built or opened. */
export class ShieldBlobError extends Error {
  override readonly name = 'ShieldBlobError';
  constructor(
    readonly code: ShieldBlobErrorCode,
    explanation: string,
    readonly hint?: string,
  ) {
    super(explanation);
  }
}

/**
 * Split a blob into its fields. Like stp-shield, this fails only when a field runs past the end
 * (a zero kem_len or an empty aead_ct still parse), plus the 8192-byte bound of the call argument.
 */
export function parseShieldBlob(blob: Uint8Array): ShieldBlob {
  if (blob.length > SHIELD_MAX_BLOB_BYTES) {
    throw new ShieldBlobError(
      'BlobTooLarge',
      `shield blob is ${blob.length} bytes; submit_encrypted takes at most ${SHIELD_MAX_BLOB_BYTES}`,
      `the inner extrinsic may be at most ${SHIELD_MAX_PLAINTEXT_BYTES} bytes`,
    );
  }
  const need = (end: number, field: string): void => {
    if (end > blob.length)
      throw new ShieldBlobError(
        'BlobTruncated',
        `shield blob is ${blob.length} bytes; its ${field} needs ${end}`,
        'layout: key_hash[16] ‖ kem_len u16 LE ‖ kem_ct ‖ nonce[24] ‖ aead_ct',
      );
  };
  need(SHIELD_KEY_HASH_BYTES + 2, 'key_hash and kem_len');
  const kemLen = (blob[16] as number) | ((blob[17] as number) << 8);
  const kemStart = SHIELD_KEY_HASH_BYTES + 2;
  need(kemStart + kemLen, 'KEM ciphertext');
  const nonceStart = kemStart + kemLen;
  need(nonceStart + SHIELD_NONCE_BYTES, 'nonce');
  return {
    keyHash: blob.subarray(0, SHIELD_KEY_HASH_BYTES),
    kemCiphertext: blob.subarray(kemStart, nonceStart),
    nonce: blob.subarray(nonceStart, nonceStart + SHIELD_NONCE_BYTES),
    aeadCiphertext: blob.subarray(nonceStart + SHIELD_NONCE_BYTES),
  };
}

/** twox128 of an ML-KEM-768 encapsulation key: the blob's key_hash. */
export function shieldKeyHash(publicKey: Uint8Array): Uint8Array {
  checkLength(publicKey, ML_KEM_768.publicKeyBytes, 'BadPublicKeyLength', 'ML-KEM-768 public key');
  return twox128(publicKey);
}

export interface ShieldKeypair {
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

/** An ML-KEM-768 keypair from a 64-byte seed (the caller draws it from a CSPRNG). */
export function shieldKeypairFromSeed(seed: Uint8Array): ShieldKeypair {
  checkLength(seed, ML_KEM_768.keygenSeedBytes, 'BadRandomnessLength', 'ML-KEM-768 keygen seed');
  const { publicKey, secretKey } = ml_kem768.keygen(seed);
  return { publicKey, secretKey };
}

export interface ShieldEncryptRandomness {
  /** 32 bytes for ML-KEM encapsulation. */
  readonly encapsulation: Uint8Array;
  /** 24-byte XChaCha20 nonce. */
  readonly nonce: Uint8Array;
}

/** Encrypt `plaintext` (a signed extrinsic with its length prefix) to `publicKey`. */
export function encryptShieldBlob(
  publicKey: Uint8Array,
  plaintext: Uint8Array,
  randomness: ShieldEncryptRandomness,
): Uint8Array {
  const keyHash = shieldKeyHash(publicKey);
  checkLength(
    randomness.encapsulation,
    ML_KEM_768.encapsulationRandomBytes,
    'BadRandomnessLength',
    'encapsulation randomness',
  );
  checkLength(randomness.nonce, SHIELD_NONCE_BYTES, 'BadRandomnessLength', 'XChaCha20 nonce');
  if (plaintext.length === 0)
    throw new ShieldBlobError('EmptyPlaintext', 'the shielded plaintext is empty', 'pass the signed inner extrinsic');
  if (plaintext.length > SHIELD_MAX_PLAINTEXT_BYTES)
    throw new ShieldBlobError(
      'PlaintextTooLarge',
      `the inner extrinsic is ${plaintext.length} bytes; a shield blob carries at most ${SHIELD_MAX_PLAINTEXT_BYTES}`,
      'submit it unshielded, or make the call smaller',
    );
  let kem: { cipherText: Uint8Array; sharedSecret: Uint8Array };
  try {
    kem = ml_kem768.encapsulate(publicKey, randomness.encapsulation);
  } catch {
    // FIPS 203's encapsulation-key check: coefficients must be reduced mod q.
    throw new ShieldBlobError(
      'InvalidPublicKey',
      'the ML-KEM-768 public key does not decode (a coefficient is not reduced mod q)',
      'read the key again from MevShield.NextKey',
    );
  }
  const { cipherText, sharedSecret } = kem;
  const sealed = xchacha20poly1305(sharedSecret, randomness.nonce).encrypt(plaintext);
  sharedSecret.fill(0);
  const out = new Uint8Array(SHIELD_KEY_HASH_BYTES + 2 + cipherText.length + SHIELD_NONCE_BYTES + sealed.length);
  out.set(keyHash, 0);
  out[16] = cipherText.length & 0xff;
  out[17] = cipherText.length >> 8;
  out.set(cipherText, 18);
  out.set(randomness.nonce, 18 + cipherText.length);
  out.set(sealed, 18 + cipherText.length + SHIELD_NONCE_BYTES);
  return out;
}

/**
 * Open a parsed blob with an ML-KEM-768 decapsulation key. A wrong key yields a wrong secret
 * (ML-KEM's implicit rejection), so it surfaces as AuthenticationFailed. Whether the key_hash names
 * this key is the caller's decision (it selects the key), not checked here.
 */
export function decryptShieldBlob(blob: ShieldBlob, secretKey: Uint8Array): Uint8Array {
  checkLength(secretKey, ML_KEM_768.secretKeyBytes, 'BadSecretKeyLength', 'ML-KEM-768 secret key');
  return openBlob(blob, (ct) => ml_kem768.decapsulate(ct, secretKey), nobleAeadOpen);
}

/** Opens many blobs for one keypair: `decryptShieldBlob`'s results, faster. */
export interface ShieldDecrypter {
  decrypt(blob: ShieldBlob): Uint8Array;
  /** Drops what the decapsulator holds. The secret key given to it stays the caller's to wipe. */
  clean(): void;
}

/**
 * ML-KEM-768 decapsulation bound to one keypair: the shared secret of a 1088-byte KEM ciphertext,
 * with FIPS 203's implicit rejection (a ciphertext for another key gives an unrelated secret).
 */
export interface ShieldDecapsulator {
  decapsulate(kemCiphertext: Uint8Array): Uint8Array;
  clean(): void;
}

/**
 * A block author opens every carrier for its key with the same keypair, so the public key's
 * expansion (the K² SampleNTT matrix that decapsulation re-encrypts with) is done once here instead
 * of per carrier. Only public data is cached; the secret key is used as given.
 */
export function nobleShieldDecapsulator(keypair: ShieldKeypair): ShieldDecapsulator {
  checkLength(keypair.secretKey, ML_KEM_768.secretKeyBytes, 'BadSecretKeyLength', 'ML-KEM-768 secret key');
  checkLength(keypair.publicKey, ML_KEM_768.publicKeyBytes, 'BadPublicKeyLength', 'ML-KEM-768 public key');
  const prepared = ml_kem768.prepare(keypair.publicKey);
  return {
    decapsulate: (ct) => prepared.decapsulate(ct, keypair.secretKey),
    clean: () => prepared.clean(),
  };
}

/** XChaCha20-Poly1305 opening with empty associated data; throws when the tag does not verify. */
export type ShieldAeadOpen = (key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array) => Uint8Array;

const nobleAeadOpen: ShieldAeadOpen = (key, nonce, sealed) => xchacha20poly1305(key, nonce).decrypt(sealed);

/**
 * Other implementations of the two primitives, for a node's hot path; each must give noble's
 * results byte for byte (noble's are the default and the reference).
 */
export interface ShieldDecrypterOptions {
  readonly decapsulator?: ShieldDecapsulator;
  readonly openAead?: ShieldAeadOpen;
}

/** Opens blobs for one keypair: noble's primitives (the KEM prepared once) unless `options` gives others. */
export function shieldDecrypter(keypair: ShieldKeypair, options: ShieldDecrypterOptions = {}): ShieldDecrypter {
  const kem = options.decapsulator ?? nobleShieldDecapsulator(keypair);
  const aead = options.openAead ?? nobleAeadOpen;
  return {
    decrypt: (blob) => openBlob(blob, (ct) => kem.decapsulate(ct), aead),
    clean: () => kem.clean(),
  };
}

function openBlob(
  blob: ShieldBlob,
  decapsulate: (kemCiphertext: Uint8Array) => Uint8Array,
  openAead: ShieldAeadOpen,
): Uint8Array {
  if (blob.kemCiphertext.length !== ML_KEM_768.cipherTextBytes)
    throw new ShieldBlobError(
      'BadKemCiphertextLength',
      `KEM ciphertext is ${blob.kemCiphertext.length} bytes; ML-KEM-768 needs ${ML_KEM_768.cipherTextBytes}`,
    );
  if (blob.aeadCiphertext.length < SHIELD_TAG_BYTES)
    throw new ShieldBlobError('AuthenticationFailed', 'the AEAD ciphertext is shorter than its 16-byte tag');
  const sharedSecret = decapsulate(blob.kemCiphertext);
  let plaintext: Uint8Array;
  try {
    plaintext = openAead(sharedSecret, blob.nonce, blob.aeadCiphertext);
  } catch {
    throw new ShieldBlobError(
      'AuthenticationFailed',
      'the shield blob does not decrypt under this key (tag mismatch)',
      'the blob was made for another key, or was altered',
    );
  } finally {
    sharedSecret.fill(0);
  }
  if (plaintext.length === 0) throw new ShieldBlobError('EmptyPlaintext', 'the shield blob decrypts to nothing');
  return plaintext;
}

function checkLength(bytes: Uint8Array, want: number, code: ShieldBlobErrorCode, what: string): void {
  if (bytes.length !== want) throw new ShieldBlobError(code, `${what} is ${bytes.length} bytes; it must be ${want}`);
}
