/**
 * The SCALE (Substrate codec) writers the chain and the SDK share: compact lengths, fixed-width
 * little-endian integers and `Vec<u16>`. Out-of-range values throw RangeError; callers that
 * face users (the SDK) check their inputs first and raise their own typed errors.
 */
import { concatBytes } from '../hash.js';

const U64_MAX = (1n << 64n) - 1n;

/** SCALE compact encoding of a non-negative integer (all four modes). */
export function scaleCompact(n: number | bigint): Uint8Array {
  const v = BigInt(n);
  if (v < 0n) throw new RangeError(`compact value must be non-negative, got ${v}`);
  if (v < 1n << 6n) return Uint8Array.of(Number(v << 2n));
  if (v < 1n << 14n) return u16le(Number((v << 2n) | 1n));
  if (v < 1n << 30n) {
    const w = Number((v << 2n) | 2n);
    return Uint8Array.of(w & 0xff, (w >>> 8) & 0xff, (w >>> 16) & 0xff, w >>> 24);
  }
  const bytes: number[] = [];
  for (let x = v; x > 0n; x >>= 8n) bytes.push(Number(x & 0xffn));
  if (bytes.length > 67) throw new RangeError('compact value is too large');
  return Uint8Array.from([((bytes.length - 4) << 2) | 3, ...bytes]);
}

/** A u16 as 2 little-endian bytes. */
export function u16le(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0xffff) throw new RangeError(`${n} is not a u16`);
  return Uint8Array.of(n & 0xff, n >>> 8);
}

/** A u64 as 8 little-endian bytes. */
export function u64le(n: bigint): Uint8Array {
  if (n < 0n || n > U64_MAX) throw new RangeError(`${n} is not a u64`);
  const out = new Uint8Array(8);
  for (let i = 0; i < 8; i++) out[i] = Number((n >> BigInt(8 * i)) & 0xffn);
  return out;
}

/** SCALE `Vec<u16>`: compact length, then each element little-endian. */
export function scaleVecU16(values: readonly number[]): Uint8Array {
  const out = new Uint8Array(values.length * 2);
  for (let i = 0; i < values.length; i++) out.set(u16le(values[i] as number), 2 * i);
  return concatBytes(scaleCompact(values.length), out);
}
