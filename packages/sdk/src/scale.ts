/** The few SCALE (Substrate codec) encodings the SDK needs: compact lengths, fixed-width LE integers, vectors. */
import { concat, utf8 } from './bytes.js';
import { InvalidInput } from './errors.js';

const U16_MAX = 0xffff;
const U64_MAX = (1n << 64n) - 1n;

/** SCALE compact encoding of a non-negative integer (used for vector lengths). */
export function compact(n: number | bigint): Uint8Array {
  const v = BigInt(n);
  if (v < 0n) throw new InvalidInput(`compact value must be non-negative, got ${v}.`);
  if (v < 1n << 6n) return Uint8Array.of(Number(v << 2n));
  if (v < 1n << 14n) return u16le(Number((v << 2n) | 1n));
  if (v < 1n << 30n) {
    const out = new Uint8Array(4);
    new DataView(out.buffer).setUint32(0, Number((v << 2n) | 2n), true);
    return out;
  }
  const bytes: number[] = [];
  for (let x = v; x > 0n; x >>= 8n) bytes.push(Number(x & 0xffn));
  if (bytes.length > 67) throw new InvalidInput('compact value is too large.');
  return Uint8Array.from([((bytes.length - 4) << 2) | 3, ...bytes]);
}

/** A u16 as 2 little-endian bytes. */
export function u16le(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > U16_MAX) throw new InvalidInput(`${n} is not a u16.`);
  return Uint8Array.of(n & 0xff, n >> 8);
}

/** A u64 as 8 little-endian bytes. */
export function u64le(n: bigint): Uint8Array {
  if (n < 0n || n > U64_MAX) throw new InvalidInput(`${n} is not a u64.`);
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, n, true);
  return out;
}

/** SCALE `Vec<u16>`: compact length, then each element little-endian. */
export function vecU16(values: readonly number[]): Uint8Array {
  return concat(compact(values.length), ...values.map(u16le));
}

/** SCALE `str`: compact byte length, then the UTF-8 bytes. */
export function scaleStr(s: string): Uint8Array {
  const b = utf8(s);
  return concat(compact(b.length), b);
}
