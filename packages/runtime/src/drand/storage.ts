/**
 * The beacon's on-chain state (subtensor's pallet Drand): the beacon the chain trusts (from the
 * genesis), the pulses authors wrote, keyed by round, and the round bounds. A pulse stays until it
 * falls `PULSES_KEPT` rounds behind the last stored one.
 */
import { storageMap, storageValue } from '../state/storage.js';

export interface BeaconConfig {
  /** Compressed G2 public key (96 bytes) every pulse must verify under. */
  readonly publicKey: Uint8Array;
  /** Unix seconds at which round 1 is published. */
  readonly genesisTime: bigint;
  /** Seconds between rounds. */
  readonly period: bigint;
  /** drand's chain hash of the beacon (32 bytes), as its HTTP API and tlock stanzas name it. */
  readonly chainHash: Uint8Array;
}

export interface StoredPulse {
  /** 48-byte compressed G1 signature of the round. */
  readonly signature: Uint8Array;
  /** sha256(signature). */
  readonly randomness: Uint8Array;
}

/** Null on a chain with no beacon: no pulse can be written and timelocked commits are refused. */
export const BeaconConfig = storageValue<BeaconConfig | null>('drand.beaconConfig', () => null);
export const Pulses = storageMap<bigint, StoredPulse | null>(
  'drand.pulses',
  (r) => r.toString(),
  () => null,
);
/** The highest round on chain (0 before the first pulse). */
export const LastStoredRound = storageValue<bigint>('drand.lastStoredRound', () => 0n);
/** The lowest round still on chain (0 before the first pulse). */
export const OldestStoredRound = storageValue<bigint>('drand.oldestStoredRound', () => 0n);
