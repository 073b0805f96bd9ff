/**
 * Blocks. The header carries the parent hash, number, state root, extrinsics root, author,
 * timestamp and consensus slot; the block hash is blake2b-256 of the canonical encoding of those
 * fields. The author's seal (a signature over the hash) and a finality justification travel with
 * the header but outside the hash, so finality can be added to a block without changing it.
 */
import { type AccountId, decodeValue, encodeValue, fromHex, toHex } from '@taonet/primitives';
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

export function headerHashBytes(h: Header): Uint8Array {
  return hash256(
    encodeValue({
      parentHash: fromHex(h.parentHash),
      number: h.number,
      stateRoot: fromHex(h.stateRoot),
      extrinsicsRoot: fromHex(h.extrinsicsRoot),
      author: h.author === null ? null : fromHex(h.author),
      timestamp: h.timestamp,
      slot: h.slot,
    }),
  );
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
