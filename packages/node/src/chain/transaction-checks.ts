/**
 * Checks a transaction must pass before the runtime sees it: well-formed, signed by its signer for
 * this chain and runtime version, and alive (its era's birth block is known and the window has
 * not run out) for the block it would go into. Each failure is a typed error with an explanation
 * and a hint, like the runtime's, plus the Substrate pool reason clients match on.
 */
import {
  type BareExtrinsic,
  DecodeError,
  decodeBlockExtrinsic,
  decodeExtrinsic,
  parseShieldBlob,
  ShieldBlobError,
  eraBirth,
  extrinsicSigningPayload,
  type SignedExtrinsic,
  signerKeyFault,
  tryFromHex,
  type TxImplicit,
} from '@taonet/primitives';
import type { CheckedExtrinsic, RuntimeErrorInfo } from '@taonet/runtime';
import { verify, verifyEd25519 } from '../crypto.js';

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

/** A block body's extrinsic (signed, or the author's bare inherent); typed error on bad bytes. */
export function decodeBlockExtrinsicOrReject(bytes: Uint8Array): SignedExtrinsic | BareExtrinsic {
  try {
    return decodeBlockExtrinsic(bytes);
  } catch (e) {
    if (e instanceof DecodeError) {
      throw new TransactionError('MalformedExtrinsic', `the block's extrinsic does not decode: ${e.message}`);
    }
    throw e;
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
        'build a Substrate v4 signed extrinsic from this node’s metadata (any Substrate client, or the SDK)',
      );
    }
    throw e;
  }
}

/** What a signature is checked against besides the extrinsic: this chain, its runtime, its blocks. */
export interface TxContext {
  readonly genesisHash: Uint8Array;
  readonly specVersion: number;
  readonly transactionVersion: number;
  /** Hash of block `n` while it is still an era birth (within System.BlockHash), else null. */
  readonly blockHash: (n: bigint) => Uint8Array | null;
}

/** Per checked transaction: the context and the era birth its signature was verified for. */
const verified = new WeakMap<SignedExtrinsic, { ctx: TxContext; birth: bigint }>();

function implicitFor(ctx: TxContext, birthHash: Uint8Array): TxImplicit {
  return {
    specVersion: ctx.specVersion,
    transactionVersion: ctx.transactionVersion,
    genesisHash: ctx.genesisHash,
    birthHash,
  };
}

function signatureOk(x: SignedExtrinsic, implicit: TxImplicit, pk: Uint8Array): boolean {
  const payload = extrinsicSigningPayload(x, implicit);
  return x.scheme === 'ed25519' ? verifyEd25519(x.signature, payload, pk) : verify(x.signature, payload, pk);
}

const badProof = (): TransactionError =>
  new TransactionError(
    'BadSignature',
    'Transaction has a bad signature: it does not match the signer, or was made for another chain, runtime version or block',
    'sign with the signer’s key, this chain’s genesis hash, the current spec and transaction versions (state_getRuntimeVersion) and the era’s birth block hash',
  );

/**
 * The signature and the era, for inclusion in block `blockNumber`. A transaction verified once is
 * not verified again while its era's birth stays the same (the pool checks at the door, block
 * building does not pay again). The signer must pass the signer-key rule first.
 */
export function checkTransaction(x: SignedExtrinsic, ctx: TxContext, blockNumber: bigint): void {
  const birth = eraBirth(x.era, blockNumber);
  const done = verified.get(x);
  if (done !== undefined && done.ctx === ctx && done.birth === birth) return;
  const pk = tryFromHex(x.signer);
  const fault = pk === null ? null : signerKeyFault(pk, x.scheme);
  if (fault !== null) throw new TransactionError(fault.code, fault.explanation, fault.hint);
  const birthHash = x.era.type === 'immortal' ? ctx.genesisHash : ctx.blockHash(birth);
  if (birthHash === null) {
    throw new TransactionError(
      'AncientBirthBlock',
      `Transaction has an ancient birth block: block ${birth}, where its era starts, is not known here`,
      `build it against a recent block (the head is ${blockNumber - 1n})`,
    );
  }
  if (pk === null || !signatureOk(x, implicitFor(ctx, birthHash), pk)) {
    // A mortal transaction whose window has passed computes a later birth from now: if it verifies
    // for the window before, say that it expired rather than that it is forged.
    if (pk !== null && x.era.type === 'mortal' && birth >= x.era.period) {
      const earlier = birth - x.era.period;
      const h = ctx.blockHash(earlier);
      if (h !== null && signatureOk(x, implicitFor(ctx, h), pk)) {
        throw new TransactionError(
          'ExpiredTransaction',
          `Transaction is outdated: it was valid until block ${birth - 1n}`,
          'rebuild it against the current head',
        );
      }
    }
    throw badProof();
  }
  checkCarrier(x);
  verified.set(x, { ctx, birth });
}

/** The longest era a carrier may have (subtensor's CheckMortality rule for submit_encrypted). */
export const MAX_CARRIER_PERIOD = 8n;

/**
 * A MevShield carrier must be short-lived and carry a blob that parses (spec mev-shield.md §5):
 * subtensor answers InvalidTransaction::Stale and Custom(23) FailedShieldedTxParsing.
 */
function checkCarrier(x: SignedExtrinsic): void {
  if (x.call.method !== 'submit_encrypted') return;
  if (x.era.type === 'immortal' || x.era.period > MAX_CARRIER_PERIOD) {
    throw new TransactionError(
      'Stale',
      'a MevShield carrier must be mortal with an era of at most 8 blocks',
      'sign submit_encrypted with an era period of 8 (the clients do)',
    );
  }
  try {
    parseShieldBlob(x.call.args.ciphertext as Uint8Array);
  } catch (e) {
    if (!(e instanceof ShieldBlobError)) throw e;
    throw new TransactionError(
      'FailedShieldedTxParsing',
      `the encrypted blob does not parse: ${e.message} (Custom error: 23)`,
      'encrypt with the MEV shield format: key hash ‖ u16 KEM length ‖ KEM ciphertext ‖ nonce ‖ AEAD ciphertext',
    );
  }
}

/** Mortality only, for a transaction already verified (the pool's re-check after each block). */
export function checkMortality(x: SignedExtrinsic, blockNumber: bigint): void {
  if (x.era.type === 'immortal') return;
  const done = verified.get(x);
  if (done === undefined) return;
  if (blockNumber >= done.birth + x.era.period) {
    throw new TransactionError(
      'ExpiredTransaction',
      `Transaction is outdated: it was valid until block ${done.birth + x.era.period - 1n}`,
      'rebuild it against the current head',
    );
  }
}

export function toChecked(x: SignedExtrinsic): CheckedExtrinsic {
  return { signer: x.signer, nonce: x.nonce, call: x.call, length: x.bytes.length, tip: x.tip };
}
