/** Replies about blocks and transactions: headers, block results, and a watched extrinsic's updates. */
import type { ErrorReply } from './error-reply.js';

/** `chain_getHeader` and `chain_subscribeNewHeads` (the fields clients read). */
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

/** One `author_extrinsicUpdate` of `author_submitAndWatchExtrinsic`. */
export type ExtrinsicUpdateReply =
  | { readonly type: 'ready' }
  | { readonly type: 'future' }
  | {
      readonly type: 'inBlock';
      readonly blockHash: string;
      readonly number: string;
      readonly index: number;
      readonly ok: boolean;
      readonly error?: ErrorReply;
    }
  | { readonly type: 'finalized'; readonly blockHash: string }
  | { readonly type: 'dropped'; readonly reason: ErrorReply }
  | { readonly type: 'invalid'; readonly error: ErrorReply };
