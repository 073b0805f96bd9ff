import { normalizeWeightsForEmit } from '../../weights/normalize.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import type { SubmitOptions } from '../submit.js';
import type { TxResult } from '../types.js';
import { commitWeights } from './commit-weights.js';
import { hyperparameter } from './hyperparameter.js';
import { setWeights } from './set-weights.js';

export interface SubmitWeightsParameters {
  readonly netuid: number;
  /** The subnet mechanism the weights are for (default 0). */
  readonly mecid?: number;
  readonly uids: readonly number[];
  /** Float weights; normalised like Bittensor (max → 65535, zeros dropped). */
  readonly weights: readonly number[];
  readonly versionKey?: bigint;
}
export interface SubmitWeightsResult {
  /** `commit` when the subnet uses commit-reveal: reveal later with `revealDue`. */
  readonly mode: 'direct' | 'commit';
  readonly result: TxResult;
}
/** Nothing is thrown for chain refusals: they come back in `result`. */
export type SubmitWeightsError = never;

/**
 * Sets weights the way the subnet wants them: directly, or as a commit to reveal later when the
 * subnet uses commit-reveal.
 *
 * @example
 * const { mode, result } = await submitWeights(st, validatorHot, { netuid: 1, uids: [0, 3], weights: [0.7, 0.3] });
 */
export async function submitWeights(
  client: ChainClient,
  hotkey: Signer,
  a: SubmitWeightsParameters,
  o?: SubmitOptions,
): Promise<SubmitWeightsResult> {
  const { uids, values } = normalizeWeightsForEmit(a.uids, a.weights);
  const u16 = {
    netuid: a.netuid,
    uids,
    values,
    ...(a.mecid === undefined ? {} : { mecid: a.mecid }),
    ...(a.versionKey === undefined ? {} : { versionKey: a.versionKey }),
  };
  const cr = await hyperparameter<boolean>(client, { netuid: a.netuid, name: 'commitRevealEnabled' });
  if (cr === true) return { mode: 'commit', result: (await commitWeights(client, hotkey, u16, o)).result };
  return { mode: 'direct', result: await setWeights(client, hotkey, u16, o) };
}
