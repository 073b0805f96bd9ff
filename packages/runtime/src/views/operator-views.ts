/** Read views of the operator's state: a coldkey's swap status and coldkey identities. */
import type { AccountId } from '@taonet/primitives';
import { type ChainIdentity, Identities } from '../identity/storage.js';
import { ColdkeySwapAnnouncements, ColdkeySwapDisputes, LastTxBlock } from '../key-swaps/storage.js';
import { BlockNumber } from '../params/storage.js';
import type { State } from '../state/state.js';

export interface ColdkeySwapStatus {
  readonly coldkey: AccountId;
  readonly announcement: { when: bigint; newColdkeyHash: string } | null;
  readonly disputedAt: bigint | null;
  readonly block: bigint;
  readonly lastHotkeySwap: bigint;
}

export function coldkeySwapStatus(s: State, coldkey: AccountId): ColdkeySwapStatus {
  return {
    coldkey,
    announcement: s.get(ColdkeySwapAnnouncements, coldkey),
    disputedAt: s.get(ColdkeySwapDisputes, coldkey),
    block: s.value(BlockNumber),
    lastHotkeySwap: s.get(LastTxBlock, coldkey),
  };
}

export function identityOf(s: State, coldkey: AccountId): ChainIdentity | null {
  return s.get(Identities, coldkey);
}

export function allIdentities(s: State): { coldkey: AccountId; identity: ChainIdentity }[] {
  return s
    .entries(Identities)
    .filter((e): e is [string, ChainIdentity] => e[1] !== null)
    .map(([coldkey, identity]) => ({ coldkey: coldkey as AccountId, identity }));
}
