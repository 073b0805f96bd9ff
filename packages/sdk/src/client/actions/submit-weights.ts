import { normalizeWeightsForEmit } from '../../weights/normalize.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import type { SubmitOptions } from '../submit.js';
import type { TxResult } from '../types.js';
import { commitWeights } from './commit-weights.js';
import { beacon } from './beacon.js';
import { commitTimelockedWeights } from './commit-timelocked-weights.js';
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
  /**
   * With commit-reveal on: `timelocked` (the default when the chain has a beacon) encrypts to the
   * beacon and the chain reveals; `hashed` commits a hash to reveal later with `revealDue`.
   */
  readonly commitMode?: 'timelocked' | 'hashed';
}
export interface SubmitWeightsResult {
  /** `timelocked`: the chain reveals at `revealRound`; `commit`: reveal later with `revealDue`. */
  readonly mode: 'direct' | 'commit' | 'timelocked';
  readonly result: TxResult;
  readonly revealRound?: bigint;
}
/** Nothing is thrown for chain refusals: they come back in `result`. */
export type SubmitWeightsError = never;

/**
 * Sets weights the way the subnet wants them: directly, or with commit-reveal on, encrypted to the
 * chain's drand beacon (the chain reveals them at the round; subtensor's commit-reveal v4), or as a
 * hashed commit to reveal later (`commitMode: 'hashed'`, or a chain without a beacon).
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
  if (cr === true) {
    if (a.commitMode !== 'hashed' && (await beacon(client)) !== null) {
      const { revealRound, result } = await commitTimelockedWeights(client, hotkey, u16, o);
      return { mode: 'timelocked', result, revealRound };
    }
    return { mode: 'commit', result: (await commitWeights(client, hotkey, u16, o)).result };
  }
  return { mode: 'direct', result: await setWeights(client, hotkey, u16, o) };
}
