/** Replies about blocks and transactions: headers, block results, and a watched extrinsic's updates. */
import type { ErrorReply } from './error-reply.js';

/** `taonet_getHeader` and `taonet_subscribeNewHeads` (the fields clients read). */
export interface HeaderReply {
  readonly number: string;
  readonly hash: string;
}

export interface EventReply {
  readonly name: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** What one extrinsic did in its block. */
export interface ExtrinsicResultReply {
  readonly ok: boolean;
  /** Fee paid, rao. */
  readonly fee: string;
  readonly events: readonly EventReply[];
  readonly error?: ErrorReply;
}

/** `taonet_getEvents`: the block step's events, then each extrinsic's result in block order. */
export interface BlockResultReply {
  readonly events: readonly EventReply[];
  readonly extrinsics: readonly ExtrinsicResultReply[];
}

/** `taonet_dryRun`: null when the extrinsic would pass, else the typed error it would get. */
export type DryRunReply = ErrorReply | null;

/** One `author_extrinsicUpdate` of `author_submitAndWatchExtrinsic`: Substrate's status values. */
export type ExtrinsicUpdateReply =
  | 'ready'
  | 'future'
  | 'dropped'
  | 'invalid'
  | { readonly inBlock: string }
  | { readonly finalized: string }
  | { readonly usurped: string }
  | { readonly retracted: string }
  | { readonly finalityTimeout: string }
  | { readonly broadcast: readonly string[] };

/** `taonet_extrinsicStatus`: where a transaction is, with its result or the reason it left the pool. */
export type ExtrinsicStatusReply =
  | {
      readonly status: 'inBlock';
      readonly number: string;
      /** Position in the block (its phase in System.Events). */
      readonly index: number;
      readonly blockHash: string;
      readonly result: ExtrinsicResultReply | null;
    }
  | { readonly status: 'pending' }
  | { readonly status: 'dropped' | 'invalid'; readonly error: ErrorReply }
  | null;

/** `state_getRuntimeVersion`: the fields a signer needs. */
export interface RuntimeVersionReply {
  readonly specVersion: number;
  readonly transactionVersion: number;
}
