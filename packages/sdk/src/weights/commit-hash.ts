/**
 * The commit-reveal weights hash (`generate_weight_hash`): BLAKE2b-256 over
 * `pubkey(32) ‖ storage index u16 LE ‖ Vec<u16> uids ‖ Vec<u16> values ‖ Vec<u16> salt ‖ version_key u64 LE`
 * (SCALE vectors: compact length first). The chain recomputes it at reveal, so every byte matters.
 */
import * as primitives from '@taonet/primitives';
import { InvalidInput, LengthMismatch } from '../errors.js';
import { asInvalidInput } from '../scale.js';

/** What a weights commit hashes (the primitives' type). */
export type WeightsCommit = primitives.WeightsCommit;

/**
 * The byte string a weights commit hashes (the primitives' one encoding).
 * @throws LengthMismatch when uids and values differ in length; InvalidInput for out-of-range numbers.
 */
export function weightsCommitPreimage(c: WeightsCommit): Uint8Array {
  if (c.hotkeyPublicKey.length !== 32) throw new InvalidInput('The hotkey public key must be 32 bytes.');
  if (c.uids.length !== c.values.length)
    throw new LengthMismatch(`${c.uids.length} UIDs but ${c.values.length} values.`);
  return asInvalidInput(() => primitives.weightsCommitPreimage(c));
}

/**
 * The 32-byte weights commit hash.
 * @throws LengthMismatch when uids and values differ in length; InvalidInput for out-of-range numbers.
 */
export function weightsCommitHash(c: WeightsCommit): Uint8Array {
  return primitives.blake2b256(weightsCommitPreimage(c));
}
