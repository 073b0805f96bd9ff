/**
 * XXH64 and Substrate's twox hashers built on it: twox64 = XXH64(seed 0) little-endian, twox128 =
 * seeds 0 and 1, twox256 = seeds 0 to 3. The one implementation for storage-key prefixes and the MEV
 * shield's key hash. BigInt arithmetic masked to 64 bits: inputs are short (names, 1184-byte keys).
 */

const MASK = (1n << 64n) - 1n;
const P1 = 0x9e3779b185ebca87n;
const P2 = 0xc2b2ae3d27d4eb4fn;
const P3 = 0x165667b19e3779f9n;
const P4 = 0x85ebca77c2b2ae63n;
const P5 = 0x27d4eb2f165667c5n;

const rotl = (x: bigint, r: bigint): bigint => ((x << r) | (x >> (64n - r))) & MASK;
const mul = (a: bigint, b: bigint): bigint => (a * b) & MASK;

function round(acc: bigint, lane: bigint): bigint {
  return mul(rotl((acc + mul(lane, P2)) & MASK, 31n), P1);
}

function mergeRound(acc: bigint, v: bigint): bigint {
  return (mul((acc ^ round(0n, v)) & MASK, P1) + P4) & MASK;
}

/** XXH64 of `data` with a 64-bit seed. */
export function xxh64(data: Uint8Array, seed = 0n): bigint {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const len = data.length;
  let p = 0;
  let h: bigint;
  if (len >= 32) {
    let v1 = (seed + P1 + P2) & MASK;
    let v2 = (seed + P2) & MASK;
    let v3 = seed & MASK;
    let v4 = (seed - P1) & MASK;
    for (; p + 32 <= len; p += 32) {
      v1 = round(v1, view.getBigUint64(p, true));
      v2 = round(v2, view.getBigUint64(p + 8, true));
      v3 = round(v3, view.getBigUint64(p + 16, true));
      v4 = round(v4, view.getBigUint64(p + 24, true));
    }
    h = (rotl(v1, 1n) + rotl(v2, 7n) + rotl(v3, 12n) + rotl(v4, 18n)) & MASK;
    h = mergeRound(h, v1);
    h = mergeRound(h, v2);
    h = mergeRound(h, v3);
    h = mergeRound(h, v4);
  } else {
    h = (seed + P5) & MASK;
  }
  h = (h + BigInt(len)) & MASK;
  for (; p + 8 <= len; p += 8) {
    h ^= round(0n, view.getBigUint64(p, true));
    h = (mul(rotl(h, 27n), P1) + P4) & MASK;
  }
  if (p + 4 <= len) {
    h ^= mul(BigInt(view.getUint32(p, true)), P1);
    h = (mul(rotl(h, 23n), P2) + P3) & MASK;
    p += 4;
  }
  for (; p < len; p++) {
    h ^= mul(BigInt(data[p] as number), P5);
    h = mul(rotl(h, 11n), P1);
  }
  h ^= h >> 33n;
  h = mul(h, P2);
  h ^= h >> 29n;
  h = mul(h, P3);
  h ^= h >> 32n;
  return h;
}

function twox(data: Uint8Array, lanes: number): Uint8Array {
  const out = new Uint8Array(lanes * 8);
  const view = new DataView(out.buffer);
  for (let i = 0; i < lanes; i++) view.setBigUint64(i * 8, xxh64(data, BigInt(i)), true);
  return out;
}

/** Substrate's Twox64 (8 bytes). */
export const twox64 = (data: Uint8Array): Uint8Array => twox(data, 1);
/** Substrate's Twox128 (16 bytes): storage prefixes and the MEV shield's key hash. */
export const twox128 = (data: Uint8Array): Uint8Array => twox(data, 2);
/** Substrate's Twox256 (32 bytes). */
export const twox256 = (data: Uint8Array): Uint8Array => twox(data, 4);
