/** A typed chain error as it travels in replies (dry runs, block results, pool updates). */
export interface ErrorReply {
  /** The error's stable name, e.g. `SettingWeightsTooFast`. */
  readonly code: string;
  readonly explanation: string;
  /** What to do next, when the chain can say. */
  readonly hint?: string;
}
