import { type ChainClient, request } from '../chain-client.js';
import { big } from '../decode.js';

export type MechanismsParameters = number;

export interface MechanismsResult {
  readonly netuid: number;
  readonly count: number;
  /** The most mechanisms an owner may set, network-wide. */
  readonly maxCount: number;
  /** The owner's split (u16 parts summing to 65535), or null for even. */
  readonly split: readonly number[] | null;
  /** The split in effect, one u16 part per mechanism. */
  readonly effectiveSplit: readonly number[];
  /** Alpha (rao) waiting for the next epoch, per mechanism. */
  readonly pendingEmission: readonly bigint[];
  /** Last block's alpha emission (rao), per mechanism. */
  readonly blockEmission: readonly bigint[];
}

/**
 * A subnet's mechanisms: count, emission split and the emission each receives; null: no subnet.
 *
 * @example
 * const m = await mechanisms(st, 1);
 * console.log(`${m?.count} mechanisms, split ${m?.effectiveSplit.join('/')}`);
 */
export async function mechanisms(client: ChainClient, netuid: MechanismsParameters): Promise<MechanismsResult | null> {
  const r = await request(client, 'taonet_mechanisms', [netuid]);
  if (r === null) return null;
  return {
    netuid: r.netuid,
    count: r.count,
    maxCount: r.maxCount,
    split: r.split === null ? null : [...r.split],
    effectiveSplit: [...r.effectiveSplit],
    pendingEmission: r.pendingEmission.map(big),
    blockEmission: r.blockEmission.map(big),
  };
}
