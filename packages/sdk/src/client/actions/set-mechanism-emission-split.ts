import { InvalidInput } from '../../errors.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface SetMechanismEmissionSplitParameters {
  readonly netuid: number;
  /** u16 parts, one per mechanism (at most the count), summing to 65535; null = even. */
  readonly split: readonly number[] | null;
}
export type SetMechanismEmissionSplitResult = TxResult;
/** A split that is not a list of u16 values throws InvalidInput; chain refusals come back in the result. */
export type SetMechanismEmissionSplitError = InvalidInput;

/**
 * Splits the subnet's emission between its mechanisms (owner or admin).
 *
 * @example
 * await setMechanismEmissionSplit(st, owner, { netuid: 1, split: [16383, 49152] }); // 25% / 75%
 */
export async function setMechanismEmissionSplit(
  client: ChainClient,
  signer: Signer,
  a: SetMechanismEmissionSplitParameters,
  o?: SubmitOptions,
): Promise<SetMechanismEmissionSplitResult> {
  if (a.split !== null && !a.split.every((p) => Number.isInteger(p) && p >= 0 && p <= 65535))
    throw new InvalidInput(`split ${JSON.stringify(a.split)} must be u16 parts (0..65535).`);
  return submit(
    client,
    signer,
    {
      method: 'sudo_set_mechanism_emission_split',
      args: { netuid: a.netuid, maybeSplit: a.split === null ? null : [...a.split] },
    },
    o,
  );
}
