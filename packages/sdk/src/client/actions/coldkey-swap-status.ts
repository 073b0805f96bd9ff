import type { SdkError } from '../../errors.js';
import { toAccountHex } from '../address.js';
import { type ChainClient, request } from '../chain-client.js';
import { big } from '../decode.js';

export interface ColdkeySwapStatusParameters {
  /** SS58 or 0x hex. */
  readonly coldkey: string;
}

export interface ColdkeySwapStatusResult {
  /** The announced swap, or null. */
  readonly announcement: {
    /** First block at which `swapColdkeyAnnounced` may run. */
    readonly when: bigint;
    readonly newColdkeyHash: string;
    /** Blocks still to wait from the head when read (0 once it can run). */
    readonly blocksLeft: bigint;
  } | null;
  /** Block of a dispute (the coldkey is frozen until the admin resets it), or null. */
  readonly disputedAt: bigint | null;
  /** The head when read. */
  readonly block: bigint;
  /** Last block this coldkey swapped a hotkey (0 = never). */
  readonly lastHotkeySwap: bigint;
}
/** Thrown: SdkError `InvalidAddress`. */
export type ColdkeySwapStatusError = SdkError;

/**
 * A coldkey's swap status: whether a swap is announced, when it can run, and any dispute.
 *
 * @example
 * const s = await coldkeySwapStatus(st, { coldkey });
 * if (s.announcement) console.log(`runs at block ${s.announcement.when}`);
 */
export async function coldkeySwapStatus(
  client: ChainClient,
  a: ColdkeySwapStatusParameters,
): Promise<ColdkeySwapStatusResult> {
  const r = await request(client, 'taonet_coldkeySwap', [toAccountHex(a.coldkey)]);
  const block = big(r.block);
  const when = r.announcement === null ? null : big(r.announcement.when);
  return {
    announcement:
      r.announcement === null || when === null
        ? null
        : { when, newColdkeyHash: r.announcement.newColdkeyHash, blocksLeft: when > block ? when - block : 0n },
    disputedAt: r.disputedAt === null ? null : big(r.disputedAt),
    block,
    lastHotkeySwap: big(r.lastHotkeySwap),
  };
}
