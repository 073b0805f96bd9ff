import { toHex } from '../../bytes.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import type { TxResult } from '../types.js';
import type { PendingCommit } from './commit-weights.js';
import { revealWeights } from './reveal-weights.js';

/** What was revealed (or failed for good); commits still too early stay pending and are not listed. */
export type RevealDueResult = { commit: PendingCommit; result: TxResult }[];
/** Nothing is thrown for chain refusals: they come back per commit. */
export type RevealDueError = never;

/**
 * Reveals every pending commit of `hotkey` whose reveal epoch has come (checked by a dry run, so
 * nothing is paid too early). Call it every block or tempo.
 *
 * @example
 * setInterval(() => void revealDue(st, validatorHot), 12_000);
 */
export async function revealDue(client: ChainClient, hotkey: Signer): Promise<RevealDueResult> {
  const me = toHex(hotkey.publicKey);
  const out: RevealDueResult = [];
  for (const c of [...client.pendingCommits.values()]) {
    if (c.hotkey !== me) continue;
    const result = await revealWeights(client, hotkey, c);
    // A refusal other than "too early" will not get better by waiting; a pool refusal might.
    if (result.ok || (result.code !== 'RevealTooEarly' && result.stage !== 'pool'))
      client.pendingCommits.delete(c.hash);
    if (result.code !== 'RevealTooEarly') out.push({ commit: c, result });
  }
  return out;
}
