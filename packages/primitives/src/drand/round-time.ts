/**
 * Round ↔ time for a drand-style beacon, in whole unix seconds. drand numbers rounds from 1, the
 * first published at the genesis time, then one every `period` seconds; before genesis the current
 * round is 0. BigInt throughout: rounds are u64 on chain and no float may reach consensus.
 */
import { DrandError } from './drand-error.js';

export interface BeaconSchedule {
  /** Unix seconds at which round 1 is published. */
  readonly genesisTime: bigint;
  /** Seconds between rounds (> 0). */
  readonly period: bigint;
}

function checkSchedule(s: BeaconSchedule): void {
  if (s.period <= 0n) {
    throw new DrandError(
      'InvalidRound',
      `a beacon period must be positive (got ${s.period})`,
      'use the chain info period',
    );
  }
}

/** The latest round published at unix second `time` (0 before genesis). */
export function roundAt(time: bigint, s: BeaconSchedule): bigint {
  checkSchedule(s);
  if (time < s.genesisTime) return 0n;
  return (time - s.genesisTime) / s.period + 1n;
}

/** The unix second at which `round` (≥ 1) is published. */
export function roundTime(round: bigint, s: BeaconSchedule): bigint {
  checkSchedule(s);
  if (round < 1n) {
    throw new DrandError('InvalidRound', `round ${round} is never published`, 'drand rounds start at 1');
  }
  return s.genesisTime + (round - 1n) * s.period;
}
