/**
 * drand's HTTP JSON pulse (`GET /<chain hash>/public/<round>`:
 * `{"round": 1000, "randomness": "<64 hex>", "signature": "<96 hex>"}`, hex without `0x`) as a
 * `DrandPulse`. Parsing only: `assertValidPulse` is what checks it against the beacon's key.
 */
import { tryFromHex } from '../codec/hex.js';
import { DrandError } from './drand-error.js';
import type { DrandPulse } from './pulse.js';

const bad = (why: string): DrandError =>
  new DrandError(
    'MalformedPulse',
    `not a drand pulse: ${why}`,
    'pass the JSON object a drand /public/<round> endpoint returns',
  );

function hexField(o: Record<string, unknown>, key: string, length: number): Uint8Array {
  const v = o[key];
  if (typeof v !== 'string') throw bad(`"${key}" is missing or not a string`);
  const bytes = tryFromHex(v);
  if (bytes === null || bytes.length !== length) throw bad(`"${key}" is not ${length} bytes of hex`);
  return bytes;
}

/** Reads a drand JSON pulse; DrandError when a field is missing or mis-sized. */
export function pulseFromDrandJson(value: unknown): DrandPulse {
  if (typeof value !== 'object' || value === null) throw bad('not a JSON object');
  const o = value as Record<string, unknown>;
  const round = o.round;
  if (typeof round !== 'number' || !Number.isSafeInteger(round) || round < 1) {
    throw new DrandError(
      'InvalidRound',
      `not a drand pulse: "round" is ${JSON.stringify(round)}`,
      'drand rounds are integers from 1',
    );
  }
  return { round: BigInt(round), signature: hexField(o, 'signature', 48), randomness: hexField(o, 'randomness', 32) };
}
