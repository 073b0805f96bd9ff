import type { HeaderReply } from '@taonet/primitives';
import type { ChainClient } from '../chain-client.js';
import { big } from '../decode.js';
import type { HeadResult } from './head.js';

export type OnNewHeadParameters = (head: HeadResult) => void;
/** Stops following; the connection resubscribes on its own after a reconnect until then. */
export type OnNewHeadResult = () => Promise<void>;

/**
 * Follows new heads.
 *
 * @example
 * const stop = await onNewHead(st, (h) => console.log(h.number));
 * await stop();
 */
export function onNewHead(client: ChainClient, cb: OnNewHeadParameters): Promise<OnNewHeadResult> {
  return client.rpc.subscribe('taonet_subscribeNewHeads', [], 'taonet_unsubscribeNewHeads', (h) => {
    const x = h as HeaderReply;
    cb({ number: big(x.number), hash: x.hash });
  });
}
