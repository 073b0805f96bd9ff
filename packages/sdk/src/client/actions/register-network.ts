import type { SdkError } from '../../errors.js';
import { toAccountHex } from '../address.js';
import type { ChainClient } from '../chain-client.js';
import type { Signer } from '../signer.js';
import { type SubmitOptions, submit } from '../submit.js';
import type { TxResult } from '../types.js';

export interface RegisterNetworkParameters {
  /** SS58 or 0x hex. */
  readonly hotkey: string;
  /** Name, url, description… as the chain's identity fields. */
  readonly identity?: Record<string, string>;
}
export type RegisterNetworkResult = TxResult;
/** Thrown: SdkError `InvalidAddress`. Chain refusals come back in the result (`ok: false`, `code`, `hint`). */
export type RegisterNetworkError = SdkError;

/**
 * Registers a new subnet owned by the signer (coldkey), with `hotkey` as the owner hotkey; pays the lock cost.
 *
 * @example
 * const r = await registerNetwork(st, bob, { hotkey: ownerHot.ss58Address });
 * const netuid = r.events.find((e) => e.name === 'NetworkAdded')?.data.netuid;
 */
export function registerNetwork(
  client: ChainClient,
  signer: Signer,
  a: RegisterNetworkParameters,
  o?: SubmitOptions,
): Promise<RegisterNetworkResult> {
  return submit(
    client,
    signer,
    {
      method: 'register_network',
      args: { hotkey: toAccountHex(a.hotkey), ...(a.identity === undefined ? {} : { identity: a.identity }) },
    },
    o,
  );
}
