/**
 * Substrate's transaction era. An immortal transaction is valid forever; a mortal one names a
 * window of `period` blocks (a power of two, 4..65536) by its `phase` (the birth block's position
 * in the period), so a signer can say "valid for the next 64 blocks" in two bytes. The birth
 * block's hash is part of what is signed, which binds the transaction to one fork.
 */
import { DecodeError } from '../extrinsic/bytes.js';

export type Era =
  | { readonly type: 'immortal' }
  | { readonly type: 'mortal'; readonly period: bigint; readonly phase: bigint };

export const IMMORTAL: Era = { type: 'immortal' };

/** A malformed era: a DecodeError, so a bad era in an extrinsic is refused like any bad bytes. */
export class EraError extends DecodeError {}

/** The mortal era a signer at block `current` uses for about `period` blocks (rounded up to a power of two, 4..65536). */
export function mortalEra(current: bigint, period: number): Era {
  if (!Number.isInteger(period) || period < 1) throw new EraError('the era period must be a positive integer');
  let p = 4n;
  while (p < BigInt(period) && p < 65536n) p <<= 1n;
  const quantize = p >> 12n > 1n ? p >> 12n : 1n;
  const phase = ((current % p) / quantize) * quantize;
  return { type: 'mortal', period: p, phase };
}

/** The first block a mortal era is valid in, seen from block `current` (Substrate's `birth`). */
export function eraBirth(era: Era, current: bigint): bigint {
  if (era.type === 'immortal') return 0n;
  const from = current > era.phase ? current : era.phase;
  return ((from - era.phase) / era.period) * era.period + era.phase;
}

/** The last block a mortal era (seen from `current`) is valid in; null for immortal. */
export function eraLastBlock(era: Era, current: bigint): bigint | null {
  return era.type === 'immortal' ? null : eraBirth(era, current) + era.period - 1n;
}

function trailingZeros(n: bigint): bigint {
  let z = 0n;
  let x = n;
  while (x > 0n && (x & 1n) === 0n) {
    x >>= 1n;
    z++;
  }
  return z;
}

export function encodeEra(era: Era): Uint8Array {
  if (era.type === 'immortal') return new Uint8Array([0]);
  const quantize = era.period >> 12n > 1n ? era.period >> 12n : 1n;
  const tz = trailingZeros(era.period) - 1n;
  const low = tz < 1n ? 1n : tz > 15n ? 15n : tz;
  const v = Number(low | ((era.phase / quantize) << 4n));
  return new Uint8Array([v & 0xff, v >> 8]);
}

/** Decodes an era from the start of `b`; returns it with the bytes it took. */
export function decodeEra(b: Uint8Array, at = 0): { era: Era; size: number } {
  const first = b[at];
  if (first === undefined) throw new EraError('the input ends before the era');
  if (first === 0) return { era: IMMORTAL, size: 1 };
  const second = b[at + 1];
  if (second === undefined) throw new EraError('the input ends inside a mortal era');
  const encoded = BigInt(first + (second << 8));
  const period = 2n << (encoded % 16n);
  const quantize = period >> 12n > 1n ? period >> 12n : 1n;
  const phase = (encoded >> 4n) * quantize;
  if (period < 4n || phase >= period) throw new EraError(`invalid mortal era (period ${period}, phase ${phase})`);
  return { era: { type: 'mortal', period, phase }, size: 2 };
}
