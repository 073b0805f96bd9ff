/**
 * Substrate's block header: parent hash ‖ Compact<u32> number ‖ state root ‖ extrinsics root ‖
 * Vec<DigestItem>. An Aura block carries a PreRuntime digest with its slot and, last, a Seal with
 * the author's signature over the hash of the header without the seal. The block hash is
 * blake2b-256 of the whole encoded header, seal included (what papi checks).
 */
import { concatBytes } from '../hash.js';
import { decodeCompact, encodeCompact, ScaleDecodeError } from './compact.js';

export type DigestItem =
  | { readonly type: 'PreRuntime' | 'Consensus' | 'Seal'; readonly engine: string; readonly data: Uint8Array }
  | { readonly type: 'Other'; readonly data: Uint8Array }
  | { readonly type: 'RuntimeEnvironmentUpdated' };

export interface SubstrateHeader {
  readonly parentHash: Uint8Array;
  readonly number: bigint;
  readonly stateRoot: Uint8Array;
  readonly extrinsicsRoot: Uint8Array;
  readonly digest: readonly DigestItem[];
}

const TAGS = { Other: 0, Consensus: 4, Seal: 5, PreRuntime: 6, RuntimeEnvironmentUpdated: 8 } as const;
export const AURA_ENGINE = 'aura';

const ascii = (s: string): Uint8Array => {
  const b = new TextEncoder().encode(s);
  if (b.length !== 4) throw new RangeError('a consensus engine id is 4 bytes');
  return b;
};

export function encodeDigestItem(d: DigestItem): Uint8Array {
  const tag = new Uint8Array([TAGS[d.type]]);
  if (d.type === 'RuntimeEnvironmentUpdated') return tag;
  if (d.type === 'Other') return concatBytes(tag, encodeCompact(d.data.length), d.data);
  return concatBytes(tag, ascii(d.engine), encodeCompact(d.data.length), d.data);
}

export function encodeHeader(h: SubstrateHeader): Uint8Array {
  if (h.number < 0n || h.number > 0xffff_ffffn) throw new RangeError('block numbers are u32');
  return concatBytes(
    h.parentHash,
    encodeCompact(h.number),
    h.stateRoot,
    h.extrinsicsRoot,
    encodeCompact(h.digest.length),
    ...h.digest.map(encodeDigestItem),
  );
}

function take(b: Uint8Array, at: number, n: number): Uint8Array {
  if (at + n > b.length) throw new ScaleDecodeError('the input ends inside the header');
  return b.slice(at, at + n);
}

/** Decodes a header from the start of `b`; returns it with the bytes it took. */
export function decodeHeader(b: Uint8Array): { header: SubstrateHeader; size: number } {
  let at = 0;
  const parentHash = take(b, at, 32);
  at += 32;
  const n = decodeCompact(b, at);
  at += n.size;
  const stateRoot = take(b, at, 32);
  const extrinsicsRoot = take(b, at + 32, 32);
  at += 64;
  const count = decodeCompact(b, at);
  at += count.size;
  if (count.value > 64n) throw new ScaleDecodeError('too many digest items');
  const digest: DigestItem[] = [];
  for (let i = 0n; i < count.value; i++) {
    const tag = b[at++];
    if (tag === TAGS.RuntimeEnvironmentUpdated) {
      digest.push({ type: 'RuntimeEnvironmentUpdated' });
      continue;
    }
    const type = tag === 0 ? 'Other' : tag === 4 ? 'Consensus' : tag === 5 ? 'Seal' : tag === 6 ? 'PreRuntime' : null;
    if (type === null) throw new ScaleDecodeError(`unknown digest item ${tag}`);
    const engine = type === 'Other' ? '' : new TextDecoder().decode(take(b, at, 4));
    if (type !== 'Other') at += 4;
    const len = decodeCompact(b, at);
    at += len.size;
    const data = take(b, at, Number(len.value));
    at += data.length;
    digest.push(type === 'Other' ? { type, data } : { type, engine, data });
  }
  return { header: { parentHash, number: n.value, stateRoot, extrinsicsRoot, digest }, size: at };
}

/** Aura's pre-runtime digest: the slot as u64 little-endian. */
export function auraPreDigest(slot: bigint): DigestItem {
  const data = new Uint8Array(8);
  new DataView(data.buffer).setBigUint64(0, slot, true);
  return { type: 'PreRuntime', engine: AURA_ENGINE, data };
}

export function auraSeal(signature: Uint8Array): DigestItem {
  return { type: 'Seal', engine: AURA_ENGINE, data: signature };
}

/** The slot of an Aura pre-runtime digest, or null. */
export function auraSlotOf(digest: readonly DigestItem[]): bigint | null {
  const d = digest.find((x) => x.type === 'PreRuntime' && x.engine === AURA_ENGINE);
  if (d === undefined || d.type !== 'PreRuntime' || d.data.length !== 8) return null;
  return new DataView(d.data.buffer, d.data.byteOffset, 8).getBigUint64(0, true);
}
