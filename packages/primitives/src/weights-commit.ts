/**
 * The commit-reveal weights hash (`generate_weight_hash`, spec §10.2): blake2b-256 over the SCALE
 * encoding of `pubkey(32) ‖ storage index u16 ‖ Vec<u16> uids ‖ Vec<u16> values ‖ Vec<u16> salt ‖
 * version key u64`. The SDK computes it off chain and the chain recomputes it at reveal, so both
 * call this one function.
 */
import { scaleVecU16, u16le, u64le } from './codec/scale.js';
import { blake2b256, concatBytes } from './hash.js';

/** What a weights commit hashes. */
export interface WeightsCommit {
  /** The hotkey's 32-byte public key. */
  readonly hotkeyPublicKey: Uint8Array;
  /** `mechanism × 4096 + netuid`. */
  readonly storageIndex: number;
  /** u16 uids. */
  readonly uids: readonly number[];
  /** u16 weight values, exactly as they will be revealed. */
  readonly values: readonly number[];
  /** u16 salt words. */
  readonly salt: readonly number[];
  /** The subnet's weights version key (u64). */
  readonly versionKey: bigint;
}

/** The byte string a weights commit hashes; RangeError for a bad key length or out-of-range number. */
export function weightsCommitPreimage(c: WeightsCommit): Uint8Array {
  if (c.hotkeyPublicKey.length !== 32) throw new RangeError('the hotkey public key must be 32 bytes');
  return concatBytes(
    c.hotkeyPublicKey,
    u16le(c.storageIndex),
    scaleVecU16(c.uids),
    scaleVecU16(c.values),
    scaleVecU16(c.salt),
    u64le(c.versionKey),
  );
}

/** The 32-byte weights commit hash. */
export function weightsCommitHash(c: WeightsCommit): Uint8Array {
  return blake2b256(weightsCommitPreimage(c));
}
