/**
 * A Substrate call of one pallet, as the metadata declares it (index, name, argument names and
 * SCALE types), with the translation to and from the runtime's own call (`{method, args}`). The
 * node decodes extrinsics with these tables and the SDK encodes with them, so the chain and its
 * clients cannot disagree on a call's bytes; the node's pallet descriptions put them in the
 * metadata.
 */
import type { Field } from './scale-type.js';

/** A call as the runtime dispatches it: a method name and plain-data arguments. */
export interface RuntimeCall {
  readonly method: string;
  readonly args: Readonly<Record<string, unknown>>;
}

/** Raised when SCALE call arguments have no runtime meaning (a bad identity string, an unsupported variant). */
export class CallTranslationError extends Error {
  override readonly name = 'CallTranslationError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export interface SubstrateCallDef {
  readonly index: number;
  readonly name: string;
  readonly args: readonly Field[];
  readonly docs?: readonly string[];
  /**
   * The runtime call for decoded SCALE arguments (an object keyed by argument name, values as
   * `codecOf` gives them). Throws CallTranslationError for arguments with no runtime meaning.
   */
  readonly toRuntime: (args: Readonly<Record<string, unknown>>) => RuntimeCall;
}

/**
 * The other direction, per runtime method: which Substrate call (pallet and call name) expresses a
 * runtime call, and its SCALE arguments. Null when this runtime call has no Substrate form with
 * these arguments.
 */
export type FromRuntime = (
  args: Readonly<Record<string, unknown>>,
) => { readonly pallet: string; readonly call: string; readonly args: Readonly<Record<string, unknown>> } | null;

export interface PalletCalls {
  readonly pallet: string;
  readonly index: number;
  readonly calls: readonly SubstrateCallDef[];
}
