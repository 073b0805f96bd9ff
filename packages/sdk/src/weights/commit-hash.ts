/**
 * The commit-reveal weights hash (`generate_weight_hash`): BLAKE2b-256 over
 * `pubkey(32) ‖ storage index u16 LE ‖ Vec<u16> uids ‖ Vec<u16> values ‖ Vec<u16> salt ‖ version_key u64 LE`
 * (SCALE vectors: compact length first). The chain recomputes it at reveal, so every byte matters.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { concat } from '../bytes.js';
import { InvalidInput, LengthMismatch } from '../errors.js';
import { u16le, u64le, vecU16 } from '../scale.js';

/** What a weights commit hashes. */
export interface WeightsCommit {
  /** The hotkey's 32-byte public key. */
  readonly hotkeyPublicKey: Uint8Array;
  /** `mechStorageIndex(netuid, mechid)`. */
  readonly storageIndex: number;
  /** u16 UIDs. */
  readonly uids: readonly number[];
  /** u16 weight values, one per UID, exactly as they will be revealed. */
  readonly values: readonly number[];
  /** u16 salt words. */
  readonly salt: readonly number[];
  /** The subnet's weights version key (u64). */
  readonly versionKey: bigint;
}

/** The byte string a weights commit hashes. */
export function weightsCommitPreimage(c: WeightsCommit): Uint8Array {
  if (c.hotkeyPublicKey.length !== 32) throw new InvalidInput('The hotkey public key must be 32 bytes.');
  if (c.uids.length !== c.values.length)
    throw new LengthMismatch(`${c.uids.length} UIDs but ${c.values.length} values.`);
  return concat(
    c.hotkeyPublicKey,
    u16le(c.storageIndex),
    vecU16(c.uids),
    vecU16(c.values),
    vecU16(c.salt),
    u64le(c.versionKey),
  );
}

/**
 * The 32-byte weights commit hash.
 * @throws LengthMismatch when uids and values differ in length; InvalidInput for out-of-range numbers.
 */
export function weightsCommitHash(c: WeightsCommit): Uint8Array {
  return blake2b(weightsCommitPreimage(c), { dkLen: 32 });
}
