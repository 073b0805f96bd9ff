/**
 * Checks a transaction must pass before the runtime sees it: well-formed, signed by its signer for
 * this chain, and alive (inside its mortality window) for the block it would go into. Each failure
 * is a typed error with an explanation and a hint, like the runtime's.
 */
import { DecodeError, decodeExtrinsic, type SignedExtrinsic, signerKeyFault, tryFromHex } from '@taonet/primitives';
import type { CheckedExtrinsic, RuntimeErrorInfo } from '@taonet/runtime';
import { hash256, verify } from '../crypto.js';

export class TransactionError extends Error implements RuntimeErrorInfo {
  override readonly name = 'TransactionError';
  readonly hint?: string;
  readonly data?: Readonly<Record<string, unknown>>;
  constructor(
    readonly code: string,
    readonly explanation: string,
    hint?: string,
    data?: Readonly<Record<string, unknown>>,
  ) {
    super(`${code}: ${explanation}`);
    if (hint !== undefined) this.hint = hint;
    if (data !== undefined) this.data = data;
  }

  /** The runtime's refusal, carried unchanged to the sender. */
  static from(e: RuntimeErrorInfo): TransactionError {
    return new TransactionError(e.code, e.explanation, e.hint, e.data);
  }

  toJSON(): RuntimeErrorInfo {
    return {
      code: this.code,
      explanation: this.explanation,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
      ...(this.data === undefined ? {} : { data: this.data }),
    };
  }
}

export function decodeOrReject(bytes: Uint8Array): SignedExtrinsic {
  try {
    return decodeExtrinsic(bytes);
  } catch (e) {
    if (e instanceof DecodeError) {
      throw new TransactionError(
        'MalformedExtrinsic',
        `the transaction bytes do not decode: ${e.message}`,
        'build it with the SDK',
      );
    }
    throw e;
  }
}

/** Transactions whose signature was already checked, with the genesis hash it was checked for. */
const verified = new WeakMap<SignedExtrinsic, Uint8Array>();

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

const DOMAIN = new TextEncoder().encode('taonet/tx/v1');

/**
 * What the signer signs: blake2b-256("taonet/tx/v1" ‖ genesis hash ‖ every byte before the
 * signature) — the primitives' `signingPayload`, computed with the node's wasm blake2b.
 */
export function txSigningPayload(x: SignedExtrinsic, genesisHash: Uint8Array): Uint8Array {
  const body = x.bytes.subarray(0, x.bytes.length - 64);
  const msg = new Uint8Array(DOMAIN.length + genesisHash.length + body.length);
  msg.set(DOMAIN, 0);
  msg.set(genesisHash, DOMAIN.length);
  msg.set(body, DOMAIN.length + genesisHash.length);
  return hash256(msg);
}

/**
 * The signature, made by the signer for this chain. A decoded transaction is verified once: the
 * pool checks it at the door and block building does not pay for it again. The signer must pass
 * the signer-key rule first (primitives' `signer-key.ts`): the all-zero account's "signatures" are
 * forgeable by anyone, so it can receive funds but never send them.
 */
export function verifySignature(x: SignedExtrinsic, genesisHash: Uint8Array): void {
  const done = verified.get(x);
  if (done !== undefined && (done === genesisHash || sameBytes(done, genesisHash))) return;
  const pk = tryFromHex(x.signer);
  const fault = pk === null ? null : signerKeyFault(pk);
  if (fault !== null) throw new TransactionError(fault.code, fault.explanation, fault.hint);
  if (pk === null || !verify(x.signature, txSigningPayload(x, genesisHash), pk)) {
    throw new TransactionError(
      'BadSignature',
      'the signature does not match the signer, or was made for another chain',
      'sign with the key of the signer account and this chain’s genesis hash',
    );
  }
  verified.set(x, genesisHash);
}

/** Mortality: the transaction may go into block `blockNumber`. */
export function checkMortality(x: SignedExtrinsic, blockNumber: bigint): void {
  const { birth, period } = x.era;
  if (birth >= blockNumber) {
    throw new TransactionError(
      'FutureTransaction',
      `the transaction was built against block ${birth}, which is not final here yet`,
      `build it against the head (block ${blockNumber - 1n}) or earlier`,
    );
  }
  if (blockNumber > birth + BigInt(period)) {
    throw new TransactionError(
      'ExpiredTransaction',
      `the transaction was valid until block ${birth + BigInt(period)}`,
      'rebuild it against the current head',
    );
  }
}

/** Signature and mortality for inclusion in block `blockNumber`. */
export function checkTransaction(x: SignedExtrinsic, genesisHash: Uint8Array, blockNumber: bigint): void {
  verifySignature(x, genesisHash);
  checkMortality(x, blockNumber);
}

export function toChecked(x: SignedExtrinsic): CheckedExtrinsic {
  return { signer: x.signer, nonce: x.nonce, call: x.call, length: x.bytes.length, tip: x.tip };
}
