/**
 * The dev beacon: a quicknet-shaped beacon (same scheme, DST and formats) whose secret key is
 * derived from a fixed, published seed, so the dev node and localnet can produce pulses offline
 * and everything built for quicknet (pulse checks, timelock encryption) runs unchanged against it.
 *
 * INSECURE, DEV ONLY: the secret key is public knowledge (anyone can compute every future pulse,
 * so anything timelocked to it can be opened at once). Never use it on a chain with value.
 */
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { DrandPulse } from './pulse.js';
import { pulseRandomness, roundPoint } from './pulse.js';
import type { BeaconSchedule } from './round-time.js';

/** The published seed of the dev beacon's key. */
export const DEV_BEACON_SEED = 'taonet/dev-beacon/v1 INSECURE: public seed, dev and test chains only';

/** Dev chains run a round every 3 s like quicknet; genesis is a chain-spec choice (0 = unix epoch). */
export const DEV_BEACON_SCHEDULE: BeaconSchedule = { genesisTime: 0n, period: 3n };

const Fr = bls12_381.fields.Fr;

function bytesToBigBE(b: Uint8Array): bigint {
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  return v;
}

/** A beacon secret scalar from a seed: sha256(seed) reduced into [1, q-1]. */
export function beaconSecretFromSeed(seed: string): bigint {
  return (bytesToBigBE(sha256(new TextEncoder().encode(seed))) % (Fr.ORDER - 1n)) + 1n;
}

const DEV_SECRET = beaconSecretFromSeed(DEV_BEACON_SEED);

/** The dev beacon's compressed G2 public key (what a dev chain spec carries). */
export const DEV_BEACON_PUBLIC_KEY: Uint8Array = bls12_381.G2.Point.BASE.multiply(DEV_SECRET).toBytes(true);

/** The pulse a beacon with secret `secret` publishes for `round` (a BLS signature on G1). */
export function signRound(secret: bigint, round: bigint): DrandPulse {
  const signature = roundPoint(round).multiply(secret).toBytes(true);
  return { round, signature, randomness: pulseRandomness(signature) };
}

/** The dev beacon's pulse for `round` (deterministic: the same bytes on every machine). */
export function devBeaconPulse(round: bigint): DrandPulse {
  return signRound(DEV_SECRET, round);
}
