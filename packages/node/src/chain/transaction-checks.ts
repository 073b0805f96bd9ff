/**
 * Checks a transaction must pass before the runtime sees it: well-formed, signed by its signer for
 * this chain, and alive (inside its mortality window) for the block it would go into. Each failure
 * is a typed error with an explanation and a hint, like the runtime's.
 */
import { DecodeError, decodeExtrinsic, type SignedExtrinsic, verifyExtrinsicSignature } from '@taonet/primitives';
import type { CheckedExtrinsic, RuntimeErrorInfo } from '@taonet/runtime';
import { verify } from '../crypto.js';

export class TransactionError extends Error implements RuntimeErrorInfo {
  override readonly name = 'TransactionError';
  readonly hint?: string;
  constructor(
    readonly code: string,
    readonly explanation: string,
    hint?: string,
  ) {
    super(`${code}: ${explanation}`);
    if (hint !== undefined) this.hint = hint;
  }

  toJSON(): RuntimeErrorInfo {
    return { code: this.code, explanation: this.explanation, ...(this.hint === undefined ? {} : { hint: this.hint }) };
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

/** Signature and mortality for inclusion in block `blockNumber`. */
export function checkTransaction(x: SignedExtrinsic, genesisHash: Uint8Array, blockNumber: bigint): void {
  if (!verifyExtrinsicSignature(x, genesisHash, verify)) {
    throw new TransactionError(
      'BadSignature',
      'the signature does not match the signer, or was made for another chain',
      'sign with the key of the signer account and this chain’s genesis hash',
    );
  }
  const { birth, period } = x.era;
  if (birth >= blockNumber) {
    throw new TransactionError(
      'FutureTransaction',
      `the transaction was built against block ${birth}, which is not final here yet`,
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

export function toChecked(x: SignedExtrinsic): CheckedExtrinsic {
  return { signer: x.signer, nonce: x.nonce, call: x.call, length: x.bytes.length, tip: x.tip };
}
