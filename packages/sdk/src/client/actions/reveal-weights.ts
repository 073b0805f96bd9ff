import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';
import type { PendingCommit } from './commit-weights.js';
import { mecidArg } from './mechanism-arg.js';

export type RevealWeightsParameters = PendingCommit;
export type RevealWeightsResult = TxResult;
/** Nothing is thrown for chain refusals: they come back in the result (`ok: false`, `code`, `hint`). */
export type RevealWeightsError = never;

/**
 * Reveals a commit made by `commitWeights` (in its reveal epoch).
 *
 * @example
 * const { commit } = await commitWeights(st, hot, { netuid: 1, uids: [0], values: [65535] });
 * // … one reveal period later:
 * await revealWeights(st, hot, commit);
 */
export async function revealWeights(
  client: ChainClient,
  hotkey: Signer,
  a: RevealWeightsParameters,
  o?: SubmitOptions,
): Promise<RevealWeightsResult> {
  return submit(
    client,
    hotkey,
    {
      method: 'reveal_weights',
      args: {
        netuid: a.netuid,
        ...mecidArg(a.mecid),
        uids: [...a.uids],
        values: [...a.values],
        salt: [...a.salt],
        versionKey: a.versionKey,
      },
    },
    o,
  );
}
