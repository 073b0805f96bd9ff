/**
 * The runtime's view of a transaction: who signed it, with which nonce, and the call. Signature
 * and mortality checks happen in the node before a transaction reaches the runtime; the runtime
 * checks the nonce, charges the fee and dispatches.
 */
import type { AccountId } from '@taonet/primitives';
import type { RuntimeErrorInfo } from '../errors.js';
import type { RuntimeEvent } from '../system/events.js';
import type { Call } from '../system/call.js';

export interface CheckedExtrinsic {
  readonly signer: AccountId;
  readonly nonce: bigint;
  readonly call: Call;
  /** Size of the signed bytes; the fee grows with it. */
  readonly length: number;
  /** Optional tip on top of the fee (raises pool priority). */
  readonly tip?: bigint;
}

export interface BlockHeaderInput {
  readonly number: bigint;
  readonly parentHash: string;
  readonly author: AccountId | null;
  readonly timestamp: bigint;
  /** The Aura slot (absent in tests and simulations that have no consensus). */
  readonly slot?: bigint;
  /** The consensus authorities in order (the MEV shield's key rotation needs them). */
  readonly authorities?: readonly AccountId[];
}

export interface BlockInput {
  readonly header: BlockHeaderInput;
  readonly extrinsics: readonly CheckedExtrinsic[];
}

export interface ExtrinsicResult {
  readonly ok: boolean;
  readonly fee: bigint;
  readonly events: RuntimeEvent[];
  readonly error?: RuntimeErrorInfo;
}

export interface BlockResult {
  /** Events of the block step (emission, epochs) before any extrinsic. */
  readonly events: RuntimeEvent[];
  readonly extrinsics: ExtrinsicResult[];
}
