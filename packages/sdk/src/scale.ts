/**
 * The SCALE writers the SDK exposes: the primitives' encodings (one copy for chain and SDK), with
 * out-of-range input reported as the SDK's InvalidInput.
 */
import { scaleCompact, scaleVecU16, u16le as u16, u64le as u64 } from '@taonet/primitives';
import { concat, utf8 } from './bytes.js';
import { InvalidInput } from './errors.js';

/** Runs an encoder, turning its RangeError into InvalidInput. */
export function asInvalidInput<T>(encode: () => T): T {
  try {
    return encode();
  } catch (e) {
    if (e instanceof RangeError) throw new InvalidInput(`${e.message.charAt(0).toUpperCase()}${e.message.slice(1)}.`);
    throw e;
  }
}

/** SCALE compact encoding of a non-negative integer (used for vector lengths). */
export function compact(n: number | bigint): Uint8Array {
  return asInvalidInput(() => scaleCompact(n));
}

/** A u16 as 2 little-endian bytes. */
export function u16le(n: number): Uint8Array {
  return asInvalidInput(() => u16(n));
}

/** A u64 as 8 little-endian bytes. */
export function u64le(n: bigint): Uint8Array {
  return asInvalidInput(() => u64(n));
}

/** SCALE `Vec<u16>`: compact length, then each element little-endian. */
export function vecU16(values: readonly number[]): Uint8Array {
  return asInvalidInput(() => scaleVecU16(values));
}

/** SCALE `str`: compact byte length, then the UTF-8 bytes. */
export function scaleStr(s: string): Uint8Array {
  const b = utf8(s);
  return concat(compact(b.length), b);
}
