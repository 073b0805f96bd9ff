import type { SdkError } from '../../errors.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type CallSpec, type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export type BatchMode = 'batch' | 'batch_all' | 'force_batch';

export interface BatchParameters {
  /** Calls as the chain reads them: `{ method, args }` with hex accounts (see each action's `node.sent`). */
  readonly calls: readonly CallSpec[];
  /** `batch` stops at the first failure, `batch_all` (default) is all or nothing, `force_batch` runs all. */
  readonly mode?: BatchMode;
}

export interface BatchItemResult {
  readonly ok: boolean;
  /** The failing call's error code, when it failed. */
  readonly code?: string;
}

export interface BatchResult extends TxResult {
  /** One entry per call that ran, in order (a `batch` stops at the first failure). */
  readonly items: BatchItemResult[];
}
/** Chain refusals come back in the result; a batch_all that fails carries the failing call's code. */
export type BatchError = SdkError;

/** Per-item results from the batch's events (ItemCompleted, ItemFailed, BatchInterrupted). */
export function batchItems(r: TxResult): BatchItemResult[] {
  const items: BatchItemResult[] = [];
  for (const e of r.events) {
    if (e.name === 'ItemCompleted') items.push({ ok: true });
    else if (e.name === 'ItemFailed' || e.name === 'BatchInterrupted') {
      const code = (e.data.error as { code?: string } | undefined)?.code;
      items.push(code === undefined ? { ok: false } : { ok: false, code });
    }
  }
  return items;
}

/**
 * Sends several calls in one transaction, signed once.
 *
 * @example
 * const r = await batch(st, cold, { calls: [{ method: 'transfer', args: { dest, amount: 1n } }], mode: 'force_batch' });
 * r.items.forEach((i, n) => console.log(n, i.ok, i.code));
 */
export async function batch(
  client: ChainClient,
  signer: Signer,
  a: BatchParameters,
  o?: SubmitOptions,
): Promise<BatchResult> {
  const r = await submit(client, signer, { method: a.mode ?? 'batch_all', args: { calls: a.calls } }, o);
  return { ...r, items: batchItems(r) };
}
