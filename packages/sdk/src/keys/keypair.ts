/**
 * The sr25519 keypair of a Bittensor coldkey or hotkey, built the way btwallet builds it (from a
 * mnemonic, a mini-secret, a canonical private key, a URI, or only a public key / address).
 */
import { signerKeyFault } from '@taonet/primitives';
import { InvalidInput, PublicKeyOnly, SignerKeyRefused } from '../errors.js';
import { mnemonicToMiniSecret, normalizeMnemonic } from './mnemonic.js';
import { miniSecretToSecret, secretToPublicKey, sr25519Sign } from './sr25519.js';
import { BITTENSOR_SS58_PREFIX, ss58Decode, ss58Encode } from './ss58.js';
import { btwalletVerify, type Message, messageBytes } from './verify.js';

/** An sr25519 keypair; a public-only keypair (from a pub file or address) verifies but cannot sign. */
export interface Keypair {
  /** 32-byte sr25519 public key (the account id). */
  readonly publicKey: Uint8Array;
  /** SS58 address with prefix 42. */
  readonly ss58Address: string;
  /** Canonical 64-byte schnorrkel secret (scalar ‖ nonce), as stored in keyfiles; absent when public-only. */
  readonly privateKey?: Uint8Array;
  /** 32-byte mini-secret (`secretSeed` in keyfiles), when the keypair was made from one. */
  readonly miniSecret?: Uint8Array;
  /** The BIP39 mnemonic, when the keypair was made from one. */
  readonly mnemonic?: string;
  /** Whether `sign` works (a secret is held). */
  readonly canSign: boolean;
  /**
   * A randomized sr25519 signature over the message's bytes (see `messageBytes`).
   * @throws PublicKeyOnly when no secret is held; SignerKeyRefused for a key the signer-key rule
   * refuses (a zero secret scalar gives the all-zero key).
   */
  sign(message: Message): Uint8Array;
  /** btwallet's verify: raw bytes, then the `<Bytes>` wrapping; never throws on a malformed signature. */
  verify(message: Message, signature: Uint8Array | string): boolean;
}

/** The material a keypair is made of; `publicKey` must belong to `privateKey` when both are given. */
export interface KeypairParts {
  readonly publicKey: Uint8Array;
  readonly privateKey?: Uint8Array;
  readonly miniSecret?: Uint8Array;
  readonly mnemonic?: string;
}

function build(parts: KeypairParts): Keypair {
  const { publicKey, privateKey } = parts;
  const kp: Keypair = {
    publicKey,
    ss58Address: ss58Encode(publicKey, BITTENSOR_SS58_PREFIX),
    ...(privateKey !== undefined && { privateKey }),
    ...(parts.miniSecret !== undefined && { miniSecret: parts.miniSecret }),
    ...(parts.mnemonic !== undefined && { mnemonic: parts.mnemonic }),
    canSign: privateKey !== undefined,
    sign(message: Message): Uint8Array {
      if (privateKey === undefined) throw new PublicKeyOnly();
      const fault = signerKeyFault(publicKey);
      if (fault !== null) throw new SignerKeyRefused(fault);
      return sr25519Sign(privateKey, messageBytes(message));
    },
    verify(message: Message, signature: Uint8Array | string): boolean {
      return btwalletVerify(message, signature, publicKey);
    },
  };
  return Object.freeze(kp);
}

/** Keypair from a 32-byte mini-secret (a keyfile's `secretSeed`). */
export function keypairFromMiniSecret(miniSecret: Uint8Array): Keypair {
  const privateKey = miniSecretToSecret(miniSecret);
  return build({ publicKey: secretToPublicKey(privateKey), privateKey, miniSecret: Uint8Array.from(miniSecret) });
}

/**
 * Keypair from a BIP39 English mnemonic, via the entropy-based mini-secret.
 * @throws InvalidMnemonic when the phrase is not valid.
 */
export function keypairFromMnemonic(mnemonic: string, passphrase = ''): Keypair {
  const miniSecret = mnemonicToMiniSecret(mnemonic, passphrase);
  const privateKey = miniSecretToSecret(miniSecret);
  return build({
    publicKey: secretToPublicKey(privateKey),
    privateKey,
    miniSecret,
    mnemonic: normalizeMnemonic(mnemonic),
  });
}

/**
 * Keypair from a canonical 64-byte private key (a keyfile's `privateKey`).
 * @throws InvalidInput when the key is not 64 bytes; SignerKeyRefused when its scalar is zero.
 */
export function keypairFromPrivateKey(privateKey: Uint8Array): Keypair {
  if (privateKey.length !== 64) throw new InvalidInput(`A private key is 64 bytes, got ${privateKey.length}.`);
  const secret = Uint8Array.from(privateKey);
  return build({ publicKey: secretToPublicKey(secret), privateKey: secret });
}

/**
 * btwallet's `create_from_seed`: 32 bytes are a mini-secret, 64 bytes a canonical private key.
 * @throws InvalidInput for any other length.
 */
export function keypairFromSeed(seed: Uint8Array): Keypair {
  if (seed.length === 32) return keypairFromMiniSecret(seed);
  if (seed.length === 64) return keypairFromPrivateKey(seed);
  throw new InvalidInput(`A seed is 32 bytes (mini-secret) or 64 bytes (private key), got ${seed.length}.`);
}

/**
 * A public-only keypair from a 32-byte public key.
 * @throws InvalidInput when the key is not 32 bytes.
 */
export function keypairFromPublicKey(publicKey: Uint8Array): Keypair {
  if (publicKey.length !== 32) throw new InvalidInput(`A public key is 32 bytes, got ${publicKey.length}.`);
  return build({ publicKey: Uint8Array.from(publicKey) });
}

/**
 * A public-only keypair from an SS58 address (any valid prefix; it is re-encoded with 42).
 * @throws InvalidSs58 when the address is not valid.
 */
export function keypairFromSs58(address: string): Keypair {
  return build({ publicKey: ss58Decode(address).publicKey });
}

/** A keypair from raw parts; the caller vouches that the public key matches the secret. */
export function keypairFromParts(parts: KeypairParts): Keypair {
  return build(parts);
}
