/**
 * The MEV shield's acceptance window W (spec mev-shield.md §4.3, a Taonet departure): a carrier is
 * included if its key was readable as `NextKey` at most W blocks before the block being built.
 * Subtensor's rule is W = 2 exactly (the key in `PendingKey` at the parent), which with 250 ms blocks
 * would give a client well under a second. W never exceeds 8: the clients give the inner extrinsic an
 * era of 8 blocks, so an older key could only carry an expired inner.
 */

export const MIN_ACCEPTANCE_WINDOW = 2;
export const MAX_ACCEPTANCE_WINDOW = 8;
/** How long, in time, a client may take between reading `NextKey` and its carrier reaching the pool. */
export const ACCEPTANCE_TIME_MS = 3000;

export class AcceptanceWindowError extends Error {
  override readonly name = 'AcceptanceWindowError';
  readonly hint = `choose a whole number of blocks from ${MIN_ACCEPTANCE_WINDOW} to ${MAX_ACCEPTANCE_WINDOW}`;
}

/** W = clamp(⌈3 s / block time⌉, 2, 8), or the configured value after checking it. */
export function acceptanceWindow(blockTimeMs: number, configured?: number): number {
  if (configured !== undefined) {
    if (!Number.isInteger(configured) || configured < MIN_ACCEPTANCE_WINDOW || configured > MAX_ACCEPTANCE_WINDOW)
      throw new AcceptanceWindowError(
        `shield acceptance window ${configured} is out of range: below ${MIN_ACCEPTANCE_WINDOW} no client can land, above ${MAX_ACCEPTANCE_WINDOW} the inner's 8-block era has expired`,
      );
    return configured;
  }
  if (!(blockTimeMs > 0)) throw new AcceptanceWindowError(`block time ${blockTimeMs} ms is not positive`);
  const blocks = Math.ceil(ACCEPTANCE_TIME_MS / blockTimeMs);
  return Math.min(MAX_ACCEPTANCE_WINDOW, Math.max(MIN_ACCEPTANCE_WINDOW, blocks));
}
