/**
 * Substrate secret URIs (`<phrase or 0x seed>//hard/soft///password`), as sp-core parses them and
 * btwallet's `create_from_uri` uses them: `//Alice` is the dev phrase with the hard junction "Alice".
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { fromHex, isHex } from '../bytes.js';
import { InvalidUri } from '../errors.js';
import { scaleStr, u64le } from '../scale.js';
import { type Keypair, keypairFromMnemonic, keypairFromParts, keypairFromSeed } from './keypair.js';
import { DEV_PHRASE } from './mnemonic.js';
import { deriveHard, deriveSoft, secretToPublicKey } from './sr25519.js';

const U64_MAX = (1n << 64n) - 1n;
const CHAIN_CODE_LENGTH = 32;
// sp-core's grammar: an optional phrase of word characters and spaces, junctions, then `///password`.
const URI_RE = /^([\p{L}\p{M}\p{N}\p{Pc} ]+)?((?:\/\/?[^/]+)*)(?:\/\/\/(.*))?$/su;
const JUNCTION_RE = /\/(\/?[^/]+)/gu;

/** One step of a derivation path. */
export interface Junction {
  /** `//x` (hard: needs the secret) or `/x` (soft: public keys derive too). */
  readonly hard: boolean;
  /** The junction text as written. */
  readonly code: string;
  /** The 32-byte chain code the text stands for. */
  readonly chainCode: Uint8Array;
}

/** A parsed secret URI. */
export interface SecretUri {
  /** The phrase or `0x` seed; the dev phrase when the URI starts with `/`. */
  readonly phrase: string;
  /** Junctions in order. */
  readonly path: readonly Junction[];
  /** The BIP39 passphrase after `///`, if any. */
  readonly password?: string;
}

/**
 * Chain code of a junction: a decimal that fits a u64 is its 8 LE bytes, anything else its SCALE
 * string encoding; zero-padded to 32 bytes, or BLAKE2b-256-hashed when longer.
 */
export function junctionChainCode(code: string): Uint8Array {
  const encoded = /^\+?\d+$/.test(code) && BigInt(code) <= U64_MAX ? u64le(BigInt(code)) : scaleStr(code);
  if (encoded.length > CHAIN_CODE_LENGTH) return blake2b(encoded, { dkLen: CHAIN_CODE_LENGTH });
  const cc = new Uint8Array(CHAIN_CODE_LENGTH);
  cc.set(encoded);
  return cc;
}

/**
 * Splits a secret URI into phrase, junctions and password.
 * @throws InvalidUri when it does not follow the grammar.
 */
export function parseSecretUri(uri: string): SecretUri {
  const m = URI_RE.exec(uri);
  if (m === null) throw new InvalidUri(`"${redact(uri)}" is not a secret URI.`);
  const phrase = m[1]?.trim() || DEV_PHRASE;
  const path = [...(m[2] ?? '').matchAll(JUNCTION_RE)].map((j): Junction => {
    const text = j[1] as string;
    const hard = text.startsWith('/');
    const code = hard ? text.slice(1) : text;
    return { hard, code, chainCode: junctionChainCode(code) };
  });
  return { phrase, path, ...(m[3] !== undefined && { password: m[3] }) };
}

// Never echo a secret phrase back into an error message.
function redact(uri: string): string {
  const cut = uri.indexOf('/');
  return cut < 0 ? '<phrase>' : `<phrase>${uri.slice(cut)}`;
}

/**
 * Keypair of a secret URI (`//Alice`, `<mnemonic>//hard/soft`, `0x<seed>//x`, `…///password`).
 * @throws InvalidUri when the URI or its seed is malformed; InvalidMnemonic when the phrase is.
 */
export function keypairFromUri(uri: string): Keypair {
  const { phrase, path, password } = parseSecretUri(uri);
  let root: Keypair;
  if (phrase.startsWith('0x')) {
    if (!isHex(phrase)) throw new InvalidUri('The seed after 0x is not hex.');
    const seed = fromHex(phrase);
    if (seed.length !== 32 && seed.length !== 64) throw new InvalidUri('A hex seed is 32 or 64 bytes.');
    root = keypairFromSeed(seed);
  } else {
    root = keypairFromMnemonic(phrase, password ?? '');
  }
  if (path.length === 0) return root;
  let secret = root.privateKey as Uint8Array;
  for (const j of path) secret = j.hard ? deriveHard(secret, j.chainCode) : deriveSoft(secret, j.chainCode);
  return keypairFromParts({ publicKey: secretToPublicKey(secret), privateKey: secret });
}
