/**
 * Blocks. The header is Substrate's (parent hash, compact number, state root, extrinsics root and
 * a digest with the Aura slot and, last, the author's seal); the block hash is blake2b-256 of the
 * SCALE header, seal included, so clients such as papi can check it. The seal signs the hash of
 * the header without it (Aura's pre-hash). The author and the timestamp are not encoded: the
 * author is the slot's authority and the time is the slot's start, both checked on import. A
 * finality justification travels beside the header, outside the hash.
 */
import { type AccountId, decodeValue, encodeValue, fromHex, toHex } from '@taonet/primitives';
import { auraPreDigest, auraSeal, type DigestItem, encodeDigestItem, encodeHeader } from '@taonet/primitives/substrate';
import { hash256 } from '../crypto.js';
import { DecodeError } from '@taonet/primitives';

export interface Header {
  readonly parentHash: string;
  readonly number: bigint;
  readonly stateRoot: string;
  readonly extrinsicsRoot: string;
  readonly author: AccountId | null;
  /** Milliseconds since the Unix epoch, set by the author. */
  readonly timestamp: bigint;
  /** Consensus slot the block was authored in. */
  readonly slot: bigint;
  /** The author's sr25519 signature over the block hash (0x hex), null for genesis. */
  readonly seal: string | null;
  /** Proof of finality from the finality gadget (0x hex), when one exists. */
  readonly justification: string | null;
}

export interface Block {
  readonly header: Header;
  /** Encoded signed extrinsics, in order. */
  readonly extrinsics: readonly Uint8Array[];
}

export const ZERO_HASH_HEX = `0x${'00'.repeat(32)}`;

/** The header's digest: none for genesis, else the Aura slot and, once sealed, the seal. */
export function digestOf(h: Header): DigestItem[] {
  if (h.number === 0n) return [];
  const items = [auraPreDigest(h.slot)];
  if (h.seal !== null) items.push(auraSeal(fromHex(h.seal)));
  return items;
}

/** The SCALE header (what chain_getHeader's fields and the block hash come from). */
export function encodeSubstrateHeader(h: Header): Uint8Array {
  return encodeHeader({
    parentHash: fromHex(h.parentHash),
    number: h.number,
    stateRoot: fromHex(h.stateRoot),
    extrinsicsRoot: fromHex(h.extrinsicsRoot),
    digest: digestOf(h),
  });
}

/** blake2b-256 of the SCALE header, seal included: the block hash. */
export function headerHashBytes(h: Header): Uint8Array {
  return hash256(encodeSubstrateHeader(h));
}

/** What the author seals: the hash of the header without its seal. */
export function preSealHashBytes(h: Header): Uint8Array {
  return hash256(encodeSubstrateHeader({ ...h, seal: null }));
}

/** The header as Substrate's JSON-RPC shows it (number and digest logs in hex). */
export function substrateHeaderJson(h: Header): Record<string, unknown> {
  return {
    parentHash: h.parentHash,
    number: `0x${h.number.toString(16)}`,
    stateRoot: h.stateRoot,
    extrinsicsRoot: h.extrinsicsRoot,
    digest: { logs: digestOf(h).map((d) => toHex(encodeDigestItem(d))) },
  };
}

export const headerHash = (h: Header): string => toHex(headerHashBytes(h));

export function encodeBlock(b: Block): Uint8Array {
  return encodeValue({ header: { ...b.header }, extrinsics: [...b.extrinsics] });
}

function str(o: Record<string, unknown>, k: string, hexLen?: number): string {
  const v = o[k];
  if (typeof v !== 'string') throw new DecodeError(`header.${k} must be a string`);
  if (hexLen !== undefined && !new RegExp(`^0x[0-9a-f]{${hexLen}}$`).test(v))
    throw new DecodeError(`header.${k} must be ${hexLen / 2}-byte hex`);
  return v;
}

export function decodeBlock(bytes: Uint8Array): Block {
  const v = decodeValue(bytes) as Record<string, unknown> | null;
  if (v === null || typeof v !== 'object') throw new DecodeError('block must be an object');
  const h = v.header as Record<string, unknown> | null;
  if (h === null || typeof h !== 'object') throw new DecodeError('block.header must be an object');
  const xs = v.extrinsics;
  if (!Array.isArray(xs) || !xs.every((x) => x instanceof Uint8Array))
    throw new DecodeError('block.extrinsics must be byte strings');
  if (typeof h.number !== 'bigint' || typeof h.timestamp !== 'bigint' || typeof h.slot !== 'bigint') {
    throw new DecodeError('header number, timestamp and slot must be integers');
  }
  return {
    header: {
      parentHash: str(h, 'parentHash', 64),
      number: h.number,
      stateRoot: str(h, 'stateRoot', 64),
      extrinsicsRoot: str(h, 'extrinsicsRoot', 64),
      author: h.author === null ? null : (str(h, 'author', 64) as AccountId),
      timestamp: h.timestamp,
      slot: h.slot,
      seal: h.seal === null ? null : str(h, 'seal', 128),
      justification: h.justification === null ? null : str(h, 'justification'),
    },
    extrinsics: xs as Uint8Array[],
  };
}
