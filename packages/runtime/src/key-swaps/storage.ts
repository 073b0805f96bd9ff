/** Key swaps: rate-limit clocks and the coldkey-swap announcements and disputes. */
import type { AccountId } from '@taonet/primitives';
import { byAccount, byNetuidAccount, storageMap } from '../state/storage.js';

/** LastTxBlock(key): the last block a coldkey swapped a hotkey (the swap rate limit's clock). */
export const LastTxBlock = storageMap<AccountId, bigint>('keySwaps.lastTxBlock', byAccount, () => 0n);
/** LastHotkeySwapOnNetuid(netuid, coldkey): the last block the coldkey swapped a hotkey on the subnet. */
export const LastHotkeySwapOnNetuid = storageMap<readonly [number, AccountId], bigint>(
  'keySwaps.lastHotkeySwapOnNetuid',
  byNetuidAccount,
  () => 0n,
);

export interface ColdkeySwapAnnouncement {
  /** First block at which the swap may run. */
  readonly when: bigint;
  /** blake2b-256 of the new coldkey's 32 bytes, hex. */
  readonly newColdkeyHash: string;
}
/** ColdkeySwapAnnouncements(coldkey): the pending swap a coldkey announced. */
export const ColdkeySwapAnnouncements = storageMap<AccountId, ColdkeySwapAnnouncement | null>(
  'keySwaps.coldkeyAnnouncements',
  byAccount,
  () => null,
);
/** ColdkeySwapDisputes(coldkey): the block a pending swap was disputed; a disputed coldkey can do nothing. */
export const ColdkeySwapDisputes = storageMap<AccountId, bigint | null>(
  'keySwaps.coldkeyDisputes',
  byAccount,
  () => null,
);
