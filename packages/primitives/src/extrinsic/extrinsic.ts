/**
 * Signed extrinsics on the wire: Substrate's v4 format, as subtensor's clients build it
 * (shared/spec/substrate-face.md §4, docs/encoding.md):
 *
 *   Compact<length> ‖ 0x84 ‖ MultiAddress::Id(signer) ‖ MultiSignature ‖ extra ‖ call
 *
 * where extra is what the transaction extensions carry, in the metadata's order: the era
 * (CheckMortality), Compact<u32> nonce (CheckNonce), Compact<u64> tip (ChargeTransactionPayment)
 * and the CheckMetadataHash mode byte. The signer signs call ‖ extra ‖ implicit, where implicit is
 * what the extensions add without sending it: spec version, transaction version, genesis hash,
 * the era's birth block hash and the (absent) metadata hash. A payload over 256 bytes is signed as
 * its blake2b-256. The transaction hash is blake2b-256 of the whole encoding.
 */
import { type AccountId, accountFromBytes, accountToBytes } from '../account.js';
import { toHex } from '../codec/hex.js';
import { blake2b256, concatBytes } from '../hash.js';
import { isUsableSignerKey, type SignatureScheme } from '../keys/signer-key.js';
import type { RuntimeCall } from '../substrate/call-def.js';
import { decodeCompact, encodeCompact } from '../substrate/compact.js';
import { decodeEra, type Era, encodeEra, IMMORTAL } from '../substrate/era.js';
import { decodeRuntimeCall, encodeRuntimeCall } from '../substrate/runtime-call.js';
import { DecodeError } from './bytes.js';

/** A call as it travels: a method name and plain-data arguments. */
export type Call = RuntimeCall;

/** Produces a signature of `message` with the signer's secret key. */
export type SignFn = (message: Uint8Array) => Uint8Array;
/** Checks a signature against a public key. */
export type VerifyFn = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;

/** The signed-extrinsic version byte: bit 7 = signed, low bits = format version 4. */
export const EXTRINSIC_VERSION = 0x84;
/** The largest extrinsic accepted (length prefix excluded). */
export const MAX_EXTRINSIC_BYTES = 128 * 1024;

export { IMMORTAL };
export type { Era };

export interface UnsignedExtrinsic {
  readonly signer: AccountId;
  readonly nonce: bigint;
  readonly era: Era;
  readonly tip: bigint;
  readonly call: Call;
}

/** What every signature also covers without the extrinsic carrying it. */
export interface TxImplicit {
  readonly specVersion: number;
  readonly transactionVersion: number;
  readonly genesisHash: Uint8Array;
  /** Hash of the era's birth block (the genesis hash for an immortal transaction). */
  readonly birthHash: Uint8Array;
}

export interface SignedExtrinsic extends UnsignedExtrinsic {
  readonly scheme: SignatureScheme;
  readonly signature: Uint8Array;
  /** CheckMetadataHash mode: 0 (disabled) is the only mode this chain accepts. */
  readonly metadataHashMode: number;
  /** The SCALE call (pallet index ‖ call index ‖ args). */
  readonly callBytes: Uint8Array;
  /** Pallet and call name as the metadata names them. */
  readonly palletCall: string;
  /** blake2b-256 of `bytes`, 0x hex: the transaction hash. */
  readonly hash: string;
  /** The whole encoding, length prefix included (what author_submitExtrinsic takes). */
  readonly bytes: Uint8Array;
}

const SCHEME_TAG: Readonly<Record<SignatureScheme, number>> = { ed25519: 0, sr25519: 1 };

function u32le(v: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v, true);
  return b;
}

/** What the extensions carry in the extrinsic: era ‖ Compact nonce ‖ Compact tip ‖ mode. */
export function encodeExtra(x: { era: Era; nonce: bigint; tip: bigint; metadataHashMode?: number }): Uint8Array {
  return concatBytes(
    encodeEra(x.era),
    encodeCompact(x.nonce),
    encodeCompact(x.tip),
    new Uint8Array([x.metadataHashMode ?? 0]),
  );
}

/** What the extensions add to the signed payload: spec ‖ tx version ‖ genesis ‖ birth hash ‖ None. */
export function encodeImplicit(i: TxImplicit): Uint8Array {
  return concatBytes(
    u32le(i.specVersion),
    u32le(i.transactionVersion),
    i.genesisHash,
    i.birthHash,
    new Uint8Array([0]),
  );
}

/** call ‖ extra ‖ implicit, hashed when longer than 256 bytes. */
export function signingPayload(callBytes: Uint8Array, extra: Uint8Array, implicit: Uint8Array): Uint8Array {
  const p = concatBytes(callBytes, extra, implicit);
  return p.length > 256 ? blake2b256(p) : p;
}

/** The payload of a decoded extrinsic for the given implicit data. */
export function extrinsicSigningPayload(x: SignedExtrinsic, implicit: TxImplicit): Uint8Array {
  return signingPayload(x.callBytes, encodeExtra(x), encodeImplicit(implicit));
}

export function signExtrinsic(
  x: UnsignedExtrinsic,
  sign: SignFn,
  implicit: TxImplicit,
  scheme: SignatureScheme = 'sr25519',
): SignedExtrinsic {
  if (x.nonce < 0n || x.nonce > 0xffff_ffffn) throw new RangeError('the nonce must fit in u32');
  const callBytes = encodeRuntimeCall(x.call);
  const extra = encodeExtra(x);
  const signature = sign(signingPayload(callBytes, extra, encodeImplicit(implicit)));
  if (signature.length !== 64) throw new RangeError(`an ${scheme} signature is 64 bytes`);
  const body = concatBytes(
    new Uint8Array([EXTRINSIC_VERSION, 0]),
    accountToBytes(x.signer),
    new Uint8Array([SCHEME_TAG[scheme]]),
    signature,
    extra,
    callBytes,
  );
  const bytes = concatBytes(encodeCompact(body.length), body);
  const d = decodeRuntimeCall(callBytes);
  return {
    ...x,
    scheme,
    signature,
    metadataHashMode: 0,
    callBytes,
    palletCall: `${d.pallet}.${d.call}`,
    bytes,
    hash: toHex(blake2b256(bytes)),
  };
}

/**
 * Decodes bytes into a signed extrinsic, its call translated to the runtime's form; throws
 * DecodeError on any malformation (the signature is not checked here).
 */
export function decodeExtrinsic(bytes: Uint8Array): SignedExtrinsic {
  const { value: len, size } = decodeCompact(bytes, 0);
  if (len > BigInt(MAX_EXTRINSIC_BYTES)) throw new DecodeError(`extrinsics are at most ${MAX_EXTRINSIC_BYTES} bytes`);
  if (BigInt(bytes.length - size) !== len)
    throw new DecodeError(`the length prefix says ${len} bytes but ${bytes.length - size} follow`);
  let at = size;
  const version = bytes[at++];
  if (version === 0x04) throw new DecodeError('unsigned extrinsics are not accepted from outside a block author');
  if (version !== EXTRINSIC_VERSION)
    throw new DecodeError(`unsupported extrinsic version 0x${(version ?? 0).toString(16)}`);
  if (bytes[at++] !== 0) throw new DecodeError('the signer must be a MultiAddress::Id (an account id)');
  if (at + 32 > bytes.length) throw new DecodeError('the input ends inside the signer');
  const signer = accountFromBytes(bytes.slice(at, at + 32));
  at += 32;
  const tag = bytes[at++];
  const scheme: SignatureScheme | null = tag === 0 ? 'ed25519' : tag === 1 ? 'sr25519' : null;
  if (scheme === null)
    throw new DecodeError(tag === 2 ? 'ECDSA signatures are not accepted' : `unknown signature type ${tag}`);
  if (at + 64 > bytes.length) throw new DecodeError('the input ends inside the signature');
  const signature = bytes.slice(at, at + 64);
  at += 64;
  const { era, size: eraSize } = decodeEra(bytes, at);
  at += eraSize;
  const nonce = decodeCompact(bytes, at);
  at += nonce.size;
  if (nonce.value > 0xffff_ffffn) throw new DecodeError('the nonce must fit in u32');
  const tip = decodeCompact(bytes, at);
  at += tip.size;
  if (tip.value > 0xffff_ffff_ffff_ffffn) throw new DecodeError('the tip must fit in u64');
  const mode = bytes[at++];
  if (mode === undefined) throw new DecodeError('the input ends before the metadata-hash mode');
  if (mode !== 0)
    throw new DecodeError('CheckMetadataHash mode must be 0 (Disabled): this chain does not check metadata hashes');
  const callBytes = bytes.slice(at);
  const d = decodeRuntimeCall(callBytes);
  return {
    signer,
    nonce: nonce.value,
    era,
    tip: tip.value,
    call: d.runtime,
    scheme,
    signature,
    metadataHashMode: mode,
    callBytes,
    palletCall: `${d.pallet}.${d.call}`,
    bytes,
    hash: toHex(blake2b256(bytes)),
  };
}

/** An unsigned extrinsic in a block body: an inherent the author made (MevShield.announce_next_key). */
export interface BareExtrinsic {
  readonly kind: 'bare';
  readonly call: Call;
  readonly callBytes: Uint8Array;
  readonly palletCall: string;
  readonly hash: string;
  readonly bytes: Uint8Array;
}

/** Compact(len) ‖ 0x04 ‖ call: how an author puts an inherent in its block. */
export function encodeBareExtrinsic(call: Call): BareExtrinsic {
  const callBytes = encodeRuntimeCall(call);
  const body = concatBytes(new Uint8Array([0x04]), callBytes);
  const bytes = concatBytes(encodeCompact(body.length), body);
  const d = decodeRuntimeCall(callBytes);
  return { kind: 'bare', call, callBytes, palletCall: `${d.pallet}.${d.call}`, hash: toHex(blake2b256(bytes)), bytes };
}

/** A block body's extrinsic: a signed one, or (only as a block's inherent) a bare one. */
export function decodeBlockExtrinsic(bytes: Uint8Array): SignedExtrinsic | BareExtrinsic {
  const { value: len, size } = decodeCompact(bytes, 0);
  if (bytes[size] !== 0x04) return decodeExtrinsic(bytes);
  if (BigInt(bytes.length - size) !== len)
    throw new DecodeError(`the length prefix says ${len} bytes but ${bytes.length - size} follow`);
  const callBytes = bytes.slice(size + 1);
  const d = decodeRuntimeCall(callBytes);
  return {
    kind: 'bare',
    call: d.runtime,
    callBytes,
    palletCall: `${d.pallet}.${d.call}`,
    hash: toHex(blake2b256(bytes)),
    bytes,
  };
}

export const isBare = (x: SignedExtrinsic | BareExtrinsic): x is BareExtrinsic => 'kind' in x && x.kind === 'bare';

/** The signature, by a signer the signer-key rule allows (never the all-zero account). */
export function verifyExtrinsicSignature(x: SignedExtrinsic, implicit: TxImplicit, verify: VerifyFn): boolean {
  const signer = accountToBytes(x.signer);
  if (!isUsableSignerKey(signer, x.scheme)) return false;
  return verify(x.signature, extrinsicSigningPayload(x, implicit), signer);
}

export { decodeEra, eraBirth, eraLastBlock, encodeEra, mortalEra } from '../substrate/era.js';
