/** A typed chain error as it travels in replies (dry runs, block results, pool updates). */
export interface ErrorReply {
  /** The error's stable name, e.g. `SettingWeightsTooFast`. */
  readonly code: string;
  readonly explanation: string;
  /** What to do next, when the chain can say. */
  readonly hint?: string;
  /** Exact values behind the text, e.g. `amounts: { name: { unit, rao } }` (in a block result). */
  readonly data?: Readonly<Record<string, unknown>>;
  /** The same, as a JSON-RPC error carries them (`error.data.details`). */
  readonly details?: Readonly<Record<string, unknown>>;
}
