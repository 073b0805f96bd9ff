/** Commitments (the reference's commitments pallet): data a registered hotkey publishes per subnet. */
import type { AccountId } from '@taonet/primitives';
import { byNetuidAccount, storageMap, storageValue } from '../state/storage.js';

/**
 * One committed field, as the reference's `Data` enum: raw bytes (≤ 128), big raw bytes (≤ 512),
 * a 32-byte hash of one of four kinds, the bonds-reset flag, nothing, or a tlock ciphertext
 * (≤ 1024 bytes) the chain itself decrypts once the beacon's pulse for `revealRound` is on chain.
 * Bytes are 0x hex.
 */
export type CommitmentField =
  | { readonly kind: 'none' }
  | { readonly kind: 'raw'; readonly data: string }
  | { readonly kind: 'bigRaw'; readonly data: string }
  | { readonly kind: 'blakeTwo256' | 'sha256' | 'keccak256' | 'shaThree256'; readonly data: string }
  | { readonly kind: 'resetBondsFlag' }
  | { readonly kind: 'timelockEncrypted'; readonly data: string; readonly revealRound: bigint };

/** Largest timelocked ciphertext a field may carry (the reference's bound). */
export const MAX_TIMELOCK_COMMITMENT_BYTES = 1024;

export interface CommitmentRecord {
  readonly fields: readonly CommitmentField[];
  /** Block of the last set_commitment. */
  readonly block: bigint;
  /** Held deposit (the reference's is 0). */
  readonly deposit: bigint;
}

export interface UsageTracker {
  /** The subnet's epoch index the usage counts in. */
  readonly lastEpoch: bigint;
  readonly usedSpace: bigint;
}

/** CommitmentOf(netuid, hotkey). */
export const CommitmentOf = storageMap<readonly [number, AccountId], CommitmentRecord | null>(
  'commitments.of',
  byNetuidAccount,
  () => null,
);
/** LastCommitment(netuid, hotkey): block of the last commitment. */
export const LastCommitment = storageMap<readonly [number, AccountId], bigint>(
  'commitments.last',
  byNetuidAccount,
  () => 0n,
);
/** LastBondsReset(netuid, hotkey): block of the last commitment carrying the bonds-reset flag. */
export const LastBondsReset = storageMap<readonly [number, AccountId], bigint>(
  'commitments.lastBondsReset',
  byNetuidAccount,
  () => 0n,
);
/** UsedSpaceOf(netuid, hotkey): bytes committed in the current epoch. */
export const UsedSpaceOf = storageMap<readonly [number, AccountId], UsageTracker | null>(
  'commitments.usedSpace',
  byNetuidAccount,
  () => null,
);
/** MaxSpace: bytes a hotkey may commit per subnet per epoch. */
export const MaxSpace = storageValue<number>('commitments.maxSpace', () => 3100);

/** The reference's limits: at most 3 fields; each commitment counts at least 100 bytes. */
export const MAX_COMMIT_FIELDS = 3;
export const MIN_USED_SPACE = 100n;

/** One revealed timelocked field: the plaintext and the block it was revealed in. */
export interface RevealedCommitment {
  readonly data: string;
  readonly block: bigint;
}
/** RevealedCommitments(netuid, hotkey): the latest reveals, oldest first, at most MAX_REVEALS. */
export const RevealedCommitments = storageMap<readonly [number, AccountId], RevealedCommitment[]>(
  'commitments.revealed',
  byNetuidAccount,
  () => [],
);
export const MAX_REVEALS = 10;

/** Why a timelocked field could not be revealed (the reference only emits an event; Taonet keeps it). */
export interface CommitmentRevealFailure {
  readonly revealRound: bigint;
  /** The block the reveal was attempted in. */
  readonly block: bigint;
  /** The DrandError code (MalformedCiphertext, DecryptionFailed, …) or EmptyPlaintext. */
  readonly reason: string;
  readonly detail: string;
}
/** CommitmentRevealFailures(netuid, hotkey): the latest failed reveals, oldest first, at most MAX_REVEALS. */
export const CommitmentRevealFailures = storageMap<readonly [number, AccountId], CommitmentRevealFailure[]>(
  'commitments.revealFailures',
  byNetuidAccount,
  () => [],
);

/**
 * TimelockedIndex: the `netuid/hotkey` keys whose commitment holds a timelocked field, sorted, so
 * the per-block reveal looks only at those instead of every commitment.
 */
export const TimelockedIndex = storageValue<readonly string[]>('commitments.timelockedIndex', () => []);
