/**
 * A drand chain's root of trust and its hash (the "chain hash" in drand URLs and in tlock stanzas):
 * sha256(period u32 BE ‖ genesis time i64 BE ‖ public key ‖ group hash ‖ beacon id), the beacon id
 * left out when it is "default" or empty. A chain spec that names a beacon by hash can so be
 * checked against the public key it carries.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '../hash.js';
import { DrandError } from './drand-error.js';

export interface DrandChainInfo {
  /** Compressed public key (G2 for quicknet-style beacons). */
  readonly publicKey: Uint8Array;
  readonly period: bigint;
  readonly genesisTime: bigint;
  /** The group's genesis seed ("group_hash" in drand's /info). */
  readonly groupHash: Uint8Array;
  /** "beaconID" in drand's /info metadata. */
  readonly beaconId: string;
}

/** drand's chain hash of `info`. */
export function drandChainHash(info: DrandChainInfo): Uint8Array {
  if (info.period <= 0n || info.period > 0xffffffffn) {
    throw new DrandError(
      'InvalidRound',
      `a chain period must be 1..2^32-1 seconds (got ${info.period})`,
      'use the period from the chain info',
    );
  }
  const head = new Uint8Array(12);
  const view = new DataView(head.buffer);
  view.setUint32(0, Number(info.period), false);
  view.setBigInt64(4, info.genesisTime, false);
  const id =
    info.beaconId === '' || info.beaconId === 'default' ? new Uint8Array(0) : new TextEncoder().encode(info.beaconId);
  return sha256(concatBytes(head, info.publicKey, info.groupHash, id));
}
