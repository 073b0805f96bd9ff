import { toAccountHex } from '../address.js';
import { type ChainClient, request } from '../chain-client.js';

export interface UidOfParameters {
  readonly netuid: number;
  /** SS58 or 0x hex. */
  readonly hotkey: string;
}
/** Null when the hotkey holds no uid there. */
export type UidOfResult = number | null;

/**
 * The uid a hotkey holds on a subnet.
 *
 * @example
 * const uid = await uidOf(st, { netuid: 1, hotkey: minerHot.ss58Address });
 */
export async function uidOf(client: ChainClient, a: UidOfParameters): Promise<UidOfResult> {
  const mg = await request(client, 'taonet_metagraph', [a.netuid, ['hotkeys']]);
  const i = mg?.hotkeys?.indexOf(toAccountHex(a.hotkey)) ?? -1;
  return i < 0 ? null : i;
}
