import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface ClaimRootParameters {
  readonly netuids: readonly number[];
}
export type ClaimRootResult = TxResult;
/** Nothing is thrown for chain refusals: they come back in the result (`ok: false`, `code`, `hint`). */
export type ClaimRootError = never;

/**
 * Claims the root dividends owed to the signer on the given subnets.
 *
 * @example
 * await claimRoot(st, alice, { netuids: [1, 2] });
 */
export function claimRoot(
  client: ChainClient,
  signer: Signer,
  a: ClaimRootParameters,
  o?: SubmitOptions,
): Promise<ClaimRootResult> {
  return submit(client, signer, { method: 'claim_root', args: { netuids: [...a.netuids] } }, o);
}
