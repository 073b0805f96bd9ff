import { type ChainClient, request } from '../chain-client.js';
import { big } from '../decode.js';

export interface HeadResult {
  readonly number: bigint;
  readonly hash: string;
}

/**
 * The node's best block.
 *
 * @example
 * const { number, hash } = await head(st);
 */
export async function head(client: ChainClient): Promise<HeadResult> {
  const h = await request(client, 'taonet_getHeader');
  return { number: big(h.number), hash: h.hash };
}
