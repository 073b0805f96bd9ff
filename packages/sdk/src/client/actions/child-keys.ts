import type { ChildKeyLinkReply } from '@taonet/primitives';
import type { SdkError } from '../../errors.js';
import { toAccountHex, toSs58 } from '../address.js';
import { type ChainClient, request } from '../chain-client.js';
import { big } from '../decode.js';

export interface ChildKeysParameters {
  readonly netuid: number;
  /** SS58 or 0x hex. */
  readonly hotkey: string;
}

/** One child or parent link: `proportion` is parts of u64::MAX (u64::MAX = 100%). */
export interface ChildKeyLink {
  readonly hotkey: string;
  readonly proportion: bigint;
}

export interface ChildKeysResult {
  readonly children: ChildKeyLink[];
  readonly parents: ChildKeyLink[];
  /** A scheduled list and the block after which the subnet's next epoch applies it. */
  readonly pending: { readonly children: ChildKeyLink[]; readonly cooldownBlock: bigint } | null;
  /** Effective childkey take, parts of 65535. */
  readonly childkeyTake: number;
  /** Stake the hotkey counts with in the epoch after lending and borrowing (alpha rao, root rao). */
  readonly alphaInherited: bigint;
  readonly taoInherited: bigint;
}
/** Thrown: SdkError `InvalidAddress`. */
export type ChildKeysError = SdkError;

const links = (l: readonly ChildKeyLinkReply[]): ChildKeyLink[] =>
  l.map((x) => ({ hotkey: toSs58(x.hotkey), proportion: big(x.proportion) }));

/**
 * A hotkey's children, parents and pending children on a subnet (addresses in SS58).
 *
 * @example
 * const k = await childKeys(st, { netuid: 2, hotkey });
 * for (const c of k.children) console.log(c.hotkey, proportionToPercent(c.proportion));
 */
export async function childKeys(client: ChainClient, a: ChildKeysParameters): Promise<ChildKeysResult> {
  const r = await request(client, 'taonet_childKeys', [a.netuid, toAccountHex(a.hotkey)]);
  return {
    children: links(r.children),
    parents: links(r.parents),
    pending:
      r.pending === null ? null : { children: links(r.pending.children), cooldownBlock: big(r.pending.cooldownBlock) },
    childkeyTake: r.childkeyTake,
    alphaInherited: big(r.alphaInherited),
    taoInherited: big(r.taoInherited),
  };
}
