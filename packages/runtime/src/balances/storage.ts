/** Ledger storage: accounts, issuance, and what was burned. */
import type { AccountId } from '@taonet/primitives';
import { byAccount, storageMap, storageValue } from '../state/storage.js';

export interface AccountData {
  /** Free TAO (rao). */
  readonly free: bigint;
  /** Number of extrinsics this account has signed and had included. */
  readonly nonce: bigint;
}

export const Accounts = storageMap<AccountId, AccountData | null>('balances.accounts', byAccount, () => null);
/** Reserved TAO (rao): taken out of the free balance as a deposit (proxies, announcements), returned on release. */
export const Reserved = storageMap<AccountId, bigint>('balances.reserved', byAccount, () => 0n);
/** TAO in existence (rao): minted minus recycled. Never above the 21M cap. */
export const TotalIssuance = storageValue<bigint>('balances.totalIssuance', () => 0n);
/** TAO destroyed so far (recycled registration leftovers, unspent emission, fees without an author). */
export const TotalRecycled = storageValue<bigint>('balances.totalRecycled', () => 0n);
/** TAO minted so far by block emission. */
export const TotalMinted = storageValue<bigint>('balances.totalMinted', () => 0n);
/** Issuance at genesis (the prefunded balances). */
export const GenesisIssuance = storageValue<bigint>('balances.genesisIssuance', () => 0n);
