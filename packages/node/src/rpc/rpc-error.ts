/**
 * JSON-RPC errors: a numeric code, and in `data` the same name/explanation/hint as every Taonet
 * error, plus `details` when the error carries exact values (e.g. `details.amounts`, in rao with
 * their unit) behind a hint written for people.
 */
export const RpcCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  Internal: -32603,
  /** The transaction was refused by the pool's validity rule (Substrate's "Invalid Transaction"). */
  InvalidTransaction: 1010,
  /** This exact transaction is already in the pool or in a block (Substrate's "already imported"). */
  AlreadyImported: 1013,
  /** The pool keeps another transaction in its place (Substrate's "priority is too low"). */
  TooLowPriority: 1014,
  /** Substrate's client error, which clients see for unknown blocks and discarded state. */
  UnknownBlock: 4003,
  CallFailed: 4002,
  RequestTooLarge: 4013,
  NotAvailable: 4015,
  RateLimited: 4029,
} as const;

export class RpcError extends Error {
  override readonly name = 'RpcError';
  readonly hint?: string;
  readonly details?: Readonly<Record<string, unknown>>;
  constructor(
    readonly code: number,
    readonly errorName: string,
    readonly explanation: string,
    hint?: string,
    details?: Readonly<Record<string, unknown>>,
  ) {
    super(`${errorName}: ${explanation}`);
    if (hint !== undefined) this.hint = hint;
    if (details !== undefined) this.details = details;
  }

  toJson(): {
    code: number;
    message: string;
    data: { name: string; explanation: string; hint?: string; details?: Readonly<Record<string, unknown>> };
  } {
    return {
      code: this.code,
      message: this.message,
      data: {
        name: this.errorName,
        explanation: this.explanation,
        ...(this.hint === undefined ? {} : { hint: this.hint }),
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export const invalidParams = (explanation: string, hint?: string): RpcError =>
  new RpcError(RpcCode.InvalidParams, 'InvalidParams', explanation, hint);
