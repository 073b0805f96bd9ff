/**
 * Signed extrinsics on the wire (docs/encoding.md). Version 1 layout, little-endian:
 *
 *   u8  version = 1
 *   32  signer public key (sr25519)
 *   u64 nonce
 *   u64 era birth   — the block the sender built against
 *   u32 era period  — valid for inclusion in blocks birth+1 ..= birth+period
 *   u64 tip (rao)
 *   u32 length + call bytes (canonical value encoding of {method, args})
 *   64  signature
 *
 * The signature covers blake2b-256("taonet/tx/v1" ‖ genesis hash ‖ every byte before it), so a
 * transaction cannot be replayed on another chain, and the nonce stops replay on this one.
 */
import { type AccountId, accountFromBytes, accountToBytes } from '../account.js';
import { decodeValue, encodeValue } from '../codec/value-codec.js';
import { toHex } from '../codec/hex.js';
import { blake2b256 as hash256, concatBytes } from '../hash.js';
import { isUsableSignerKey } from '../keys/signer-key.js';
import { ByteReader, ByteWriter, DecodeError } from './bytes.js';

/** A call as it travels: a method name and plain-data arguments. */
export interface Call {
  readonly method: string;
  readonly args: Readonly<Record<string, unknown>>;
}

/** Produces an sr25519 signature of `message` with the signer's secret key. */
export type SignFn = (message: Uint8Array) => Uint8Array;
/** Checks an sr25519 signature against a public key. */
export type VerifyFn = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;

export const EXTRINSIC_VERSION = 1;
export const MAX_CALL_BYTES = 64 * 1024;
export const MAX_ERA_PERIOD = 65_536;
const DOMAIN = new TextEncoder().encode('taonet/tx/v1');

export interface Era {
  readonly birth: bigint;
  readonly period: number;
}

export interface UnsignedExtrinsic {
  readonly signer: AccountId;
  readonly nonce: bigint;
  readonly era: Era;
  readonly tip: bigint;
  readonly call: Call;
}

export interface SignedExtrinsic extends UnsignedExtrinsic {
  readonly signature: Uint8Array;
  /** blake2b-256 of the full encoding, 0x hex: the transaction hash. */
  readonly hash: string;
  readonly bytes: Uint8Array;
}

function body(x: UnsignedExtrinsic): Uint8Array {
  return new ByteWriter()
    .u8(EXTRINSIC_VERSION)
    .bytes(accountToBytes(x.signer))
    .u64(x.nonce)
    .u64(x.era.birth)
    .u32(x.era.period)
    .u64(x.tip)
    .blob(encodeValue(x.call))
    .finish();
}

export function signingPayload(genesisHash: Uint8Array, bodyBytes: Uint8Array): Uint8Array {
  return hash256(concatBytes(DOMAIN, genesisHash, bodyBytes));
}

export function signExtrinsic(x: UnsignedExtrinsic, sign: SignFn, genesisHash: Uint8Array): SignedExtrinsic {
  const b = body(x);
  const signature = sign(signingPayload(genesisHash, b));
  if (signature.length !== 64) throw new RangeError('an sr25519 signature is 64 bytes');
  const bytes = concatBytes(b, signature);
  return { ...x, signature, bytes, hash: toHex(hash256(bytes)) };
}

function parseCall(bytes: Uint8Array): Call {
  let v: unknown;
  try {
    v = decodeValue(bytes);
  } catch (e) {
    throw new DecodeError(`call is not canonically encoded: ${(e as Error).message}`);
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new DecodeError('call must be an object');
  const o = v as Record<string, unknown>;
  if (typeof o.method !== 'string') throw new DecodeError('call.method must be a string');
  const args = o.args ?? {};
  if (args === null || typeof args !== 'object' || Array.isArray(args))
    throw new DecodeError('call.args must be an object');
  return { method: o.method, args: args as Call['args'] };
}

/** Decodes bytes into an extrinsic; throws DecodeError on any malformation (signature not checked). */
export function decodeExtrinsic(bytes: Uint8Array): SignedExtrinsic {
  const r = new ByteReader(bytes);
  const version = r.u8();
  if (version !== EXTRINSIC_VERSION) throw new DecodeError(`unsupported extrinsic version ${version}`);
  const signer = accountFromBytes(r.bytes(32));
  const nonce = r.u64();
  const birth = r.u64();
  const period = r.u32();
  if (period < 1 || period > MAX_ERA_PERIOD) throw new DecodeError(`era period must be 1..${MAX_ERA_PERIOD}`);
  const tip = r.u64();
  const callBytes = r.blob(MAX_CALL_BYTES);
  const call = parseCall(callBytes);
  // Canonical: re-encoding the call must give the same bytes (one encoding per transaction).
  const again = encodeValue(call);
  if (again.length !== callBytes.length || again.some((b, i) => b !== callBytes[i])) {
    throw new DecodeError('call encoding is not canonical');
  }
  const signature = r.bytes(64);
  r.end();
  return { signer, nonce, era: { birth, period }, tip, call, signature, bytes, hash: toHex(hash256(bytes)) };
}

/** The signature, by a signer the signer-key rule allows (never the all-zero account). */
export function verifyExtrinsicSignature(x: SignedExtrinsic, genesisHash: Uint8Array, verify: VerifyFn): boolean {
  const signer = accountToBytes(x.signer);
  if (!isUsableSignerKey(signer)) return false;
  const b = x.bytes.subarray(0, x.bytes.length - 64);
  return verify(x.signature, signingPayload(genesisHash, b), signer);
}
