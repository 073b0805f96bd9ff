/**
 * BIP39 mnemonics the Substrate way: the mini-secret comes from the mnemonic's ENTROPY
 * (PBKDF2-HMAC-SHA512, salt "mnemonic" ‖ passphrase, 2048 rounds), not from the BIP39 seed —
 * the seed gives a different account.
 */
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { entropyToMnemonic, generateMnemonic as bip39Generate, mnemonicToEntropy } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { utf8 } from '../bytes.js';
import { InvalidMnemonic } from '../errors.js';

/** Word counts BIP39 allows, and the entropy bits behind each. */
export const MNEMONIC_WORD_COUNTS = [12, 15, 18, 21, 24] as const;

/** A BIP39 word count. */
export type MnemonicWordCount = (typeof MNEMONIC_WORD_COUNTS)[number];

/** The Substrate development phrase, root of `//Alice`, `//Bob` and every URI that starts with `/`. */
export const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';

/** Collapses runs of whitespace so a pasted phrase parses like the Rust `bip39` crate parses it. */
export function normalizeMnemonic(mnemonic: string): string {
  return mnemonic.normalize('NFKD').trim().split(/\s+/).join(' ');
}

/** A fresh random English mnemonic (12 words unless told otherwise). */
export function generateMnemonic(words: MnemonicWordCount = 12): string {
  return bip39Generate(wordlist, (words / 3) * 32);
}

/** True when the phrase is valid BIP39 English: known words, allowed count, matching checksum. */
export function validateMnemonic(mnemonic: string): boolean {
  try {
    mnemonicEntropy(mnemonic);
    return true;
  } catch {
    return false;
  }
}

/**
 * The entropy a mnemonic encodes (16 bytes for 12 words, 32 for 24).
 * @throws InvalidMnemonic when the phrase is not valid BIP39 English.
 */
export function mnemonicEntropy(mnemonic: string): Uint8Array {
  const words = normalizeMnemonic(mnemonic);
  if (!(MNEMONIC_WORD_COUNTS as readonly number[]).includes(words.split(' ').length))
    throw new InvalidMnemonic(`A mnemonic has 12, 15, 18, 21 or 24 words, got ${words.split(' ').length}.`);
  try {
    return mnemonicToEntropy(words, wordlist);
  } catch {
    throw new InvalidMnemonic();
  }
}

/** The mnemonic of some entropy (16, 20, 24, 28 or 32 bytes). */
export function entropyMnemonic(entropy: Uint8Array): string {
  return entropyToMnemonic(entropy, wordlist);
}

/**
 * The 32-byte mini-secret of a mnemonic: the first 32 bytes of
 * PBKDF2-HMAC-SHA512(entropy, "mnemonic" ‖ passphrase, 2048). Same as polkadot-js `mnemonicToMiniSecret`;
 * like substrate-bip39, the passphrase is used as given (no NFKD).
 * @throws InvalidMnemonic when the phrase is not valid BIP39 English.
 */
export function mnemonicToMiniSecret(mnemonic: string, passphrase = ''): Uint8Array {
  const entropy = mnemonicEntropy(mnemonic);
  const salt = utf8(`mnemonic${passphrase}`);
  return pbkdf2(sha512, entropy, salt, { c: 2048, dkLen: 64 }).slice(0, 32);
}
