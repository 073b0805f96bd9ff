/**
 * The commit-reveal v2 hash (§10.2): blake2b-256 of the SCALE encoding of (hotkey, netuid storage
 * index, uids, values, salt, version key). It must match the reference byte for byte, because the
 * SDK computes it off chain and the chain recomputes it from the reveal.
 */
import { type AccountId, accountToBytes, blake2b256, concatBytes, toHex } from '@taonet/primitives';

/** SCALE compact length prefix (single, two- and four-byte modes; vectors never need the big mode). */
function compactLength(n: number): Uint8Array {
  if (n < 1 << 6) return Uint8Array.of(n << 2);
  if (n < 1 << 14) {
    const v = (n << 2) | 1;
    return Uint8Array.of(v & 0xff, v >>> 8);
  }
  if (n < 2 ** 30) {
    const v = (n * 4 + 2) >>> 0;
    return Uint8Array.of(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24);
  }
  throw new RangeError(`vector too long for a weights commit: ${n}`);
}

function u16le(v: number): Uint8Array {
  return Uint8Array.of(v & 0xff, (v >>> 8) & 0xff);
}

function vecU16(v: readonly number[]): Uint8Array {
  const out = new Uint8Array(v.length * 2);
  for (let i = 0; i < v.length; i++) {
    const x = v[i] as number;
    out[2 * i] = x & 0xff;
    out[2 * i + 1] = (x >>> 8) & 0xff;
  }
  return concatBytes(compactLength(v.length), out);
}

function u64le(v: bigint): Uint8Array {
  const out = new Uint8Array(8);
  for (let i = 0; i < 8; i++) out[i] = Number((v >> BigInt(8 * i)) & 0xffn);
  return out;
}

/** Mechanism 0 is stored under the netuid itself; mechanism m under `m × 4096 + netuid`. */
export function netuidStorageIndex(netuid: number, mechanism = 0): number {
  return mechanism * 4096 + netuid;
}

export function weightsCommitPreimage(
  hotkey: AccountId,
  netuidIndex: number,
  uids: readonly number[],
  values: readonly number[],
  salt: readonly number[],
  versionKey: bigint,
): Uint8Array {
  return concatBytes(
    accountToBytes(hotkey),
    u16le(netuidIndex),
    vecU16(uids),
    vecU16(values),
    vecU16(salt),
    u64le(versionKey),
  );
}

/** The commit hash as 0x-prefixed lowercase hex. */
export function weightsCommitHash(
  hotkey: AccountId,
  netuidIndex: number,
  uids: readonly number[],
  values: readonly number[],
  salt: readonly number[],
  versionKey: bigint,
): string {
  return toHex(blake2b256(weightsCommitPreimage(hotkey, netuidIndex, uids, values, salt, versionKey)));
}
