/**
 * Typed SDK errors. Every error carries a stable `code` (what a caller or a test vector matches on),
 * an `explanation` for the person reading it, and, where there is one, a `hint` saying what to do.
 */
import type { SignerKeyFault } from '@taonet/primitives';

/** Base class of every error the SDK throws on purpose. */
export class SdkError extends Error {
  /** Stable machine-readable name, e.g. `DecryptionFailed`. */
  readonly code: string;
  /** What went wrong, in words a user understands. */
  readonly explanation: string;
  /** What the user can do about it, when there is something. */
  readonly hint?: string;

  constructor(code: string, explanation: string, hint?: string) {
    super(hint === undefined ? explanation : `${explanation} Hint: ${hint}`);
    this.name = code;
    this.code = code;
    this.explanation = explanation;
    if (hint !== undefined) this.hint = hint;
  }
}

/** Wrong password, or a keyfile whose ciphertext was damaged: the two cannot be told apart. */
export class DecryptionFailed extends SdkError {
  constructor(explanation = 'The keyfile could not be decrypted: wrong password or corrupt file.', hint?: string) {
    super(
      'DecryptionFailed',
      explanation,
      hint ?? 'Check the password; if it is right, restore the keyfile from a backup.',
    );
  }
}

/** A keyfile whose structure is broken (truncated, bad header, bad JSON, missing keys). */
export class KeyfileCorrupt extends SdkError {
  constructor(explanation: string, hint?: string) {
    super(
      'KeyfileCorrupt',
      explanation,
      hint ?? 'Restore the keyfile from a backup or regenerate it from the mnemonic.',
    );
  }
}

/** A keyfile in a format this SDK cannot read or write. */
export class UnknownKeyfileFormat extends SdkError {
  constructor(explanation: string, hint?: string) {
    super('UnknownKeyfileFormat', explanation, hint);
  }
}

/** A weight below zero was given to weight normalization. */
export class NegativeWeight extends SdkError {
  constructor(explanation = 'A weight is negative; weights must be zero or positive.') {
    super('NegativeWeight', explanation);
  }
}

/** A UID below zero was given to weight normalization. */
export class NegativeUid extends SdkError {
  constructor(explanation = 'A UID is negative; UIDs are non-negative integers.') {
    super('NegativeUid', explanation);
  }
}

/** Two lists that must pair up element by element have different lengths. */
export class LengthMismatch extends SdkError {
  constructor(explanation: string) {
    super('LengthMismatch', explanation, 'Pass exactly one weight per UID.');
  }
}

/** A string that is not a valid SS58 address (bad characters, length, prefix or checksum). */
export class InvalidSs58 extends SdkError {
  constructor(explanation: string) {
    super('InvalidSs58', explanation, 'Check the address for typos; Bittensor addresses start with 5.');
  }
}

/** A mnemonic that is not valid BIP39 English (unknown word, wrong count or bad checksum). */
export class InvalidMnemonic extends SdkError {
  constructor(explanation = 'The mnemonic is not a valid BIP39 English phrase (word list, word count or checksum).') {
    super('InvalidMnemonic', explanation, 'Check the spelling and order of the words; 12, 15, 18, 21 or 24 words.');
  }
}

/** A Substrate secret URI that cannot be parsed. */
export class InvalidUri extends SdkError {
  constructor(explanation: string) {
    super('InvalidUri', explanation, 'Use the form `<mnemonic or 0x seed>//hard/soft///password`, e.g. `//Alice`.');
  }
}

/** A malformed argument: bad hex, wrong byte length, out-of-range number. */
export class InvalidInput extends SdkError {
  constructor(explanation: string, hint?: string) {
    super('InvalidInput', explanation, hint);
  }
}

/** A signing operation on a keypair that only holds a public key. */
export class PublicKeyOnly extends SdkError {
  constructor() {
    super(
      'PublicKeyOnly',
      'This keypair holds only a public key, so it cannot sign.',
      'Load the secret keyfile (coldkey or hotkey), not the pub file.',
    );
  }
}

/**
 * A key the signer-key rule (primitives' `signer-key.ts`) refuses, e.g. the all-zero account:
 * its signatures can be forged by anyone, so the SDK never signs as it. `code` is the rule's
 * (`ZeroSigner` or `NonCanonicalSigner`), the same the node answers with.
 */
export class SignerKeyRefused extends SdkError {
  constructor(fault: SignerKeyFault) {
    super(
      fault.code,
      `This key cannot sign: ${fault.explanation}.`,
      `${fault.hint[0]?.toUpperCase()}${fault.hint.slice(1)}.`,
    );
  }
}

/** A new password that breaks the wallet's password rules. */
export class WeakPassword extends SdkError {
  constructor(explanation: string) {
    super('WeakPassword', explanation, 'Use a longer password that mixes letters, digits and symbols.');
  }
}

/** The retyped password differs from the first one. */
export class PasswordMismatch extends SdkError {
  constructor() {
    super('PasswordMismatch', 'Passwords do not match.', 'Type the same password twice.');
  }
}
