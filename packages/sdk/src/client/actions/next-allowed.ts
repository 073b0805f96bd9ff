import { toAccountHex } from '../address.js';
import { type ChainClient, request } from '../chain-client.js';
import { big } from '../decode.js';

export interface NextAllowedParameters {
  readonly netuid: number;
  /** SS58 or 0x hex. */
  readonly hotkey: string;
  /** The mechanism whose weights rate limit to report (default 0; each has its own). */
  readonly mecid?: number;
}

export interface NextAllowedResult {
  readonly registered: boolean;
  /** First block at which weights may be set or committed (null: not registered). */
  readonly weights: bigint | null;
  /** First block at which serve_axon is allowed. */
  readonly serve: bigint;
}

/**
 * When a hotkey's rate-limited calls next pass.
 *
 * @example
 * const n = await nextAllowed(st, { netuid: 1, hotkey });
 * if (n.weights !== null) console.log(`weights from block ${n.weights}`);
 */
export async function nextAllowed(client: ChainClient, a: NextAllowedParameters): Promise<NextAllowedResult> {
  const params =
    a.mecid === undefined ? [a.netuid, toAccountHex(a.hotkey)] : [a.netuid, toAccountHex(a.hotkey), a.mecid];
  const r = await request(client, 'taonet_nextAllowed', params);
  return { registered: r.registered, weights: r.weights === null ? null : big(r.weights), serve: big(r.serve) };
}
