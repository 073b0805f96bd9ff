/** Proxies: who may act for an account, with which proxy type and delay; announcements and deposits. */
import type { AccountId } from '@taonet/primitives';
import { byAccount, storageMap } from '../state/storage.js';
import type { ProxyType } from './proxy-types.js';

export interface ProxyDefinition {
  readonly delegate: AccountId;
  readonly proxyType: ProxyType;
  /** Blocks an announced call must wait before proxy_announced may run it (0: no announcement needed). */
  readonly delay: bigint;
}

/** Proxies(real): its proxy definitions, sorted as the reference sorts them (delegate, type, delay). */
export const Proxies = storageMap<AccountId, ProxyDefinition[]>('proxy.proxies', byAccount, () => []);

/** The reference's MaxProxies. */
export const MAX_PROXIES = 20;

/** ProxyDeposit(real): what the account's proxy list holds reserved (the reference keeps it beside the list). */
export const ProxyDeposit = storageMap<AccountId, bigint>('proxy.deposit', byAccount, () => 0n);

export interface Announcement {
  readonly real: AccountId;
  /** blake2b-256 of the announced call's SCALE encoding, hex. */
  readonly callHash: string;
  /** Block of the announcement. */
  readonly height: bigint;
}

export interface PendingAnnouncements {
  readonly pending: readonly Announcement[];
  /** Reserved from the delegate for these announcements. */
  readonly deposit: bigint;
}

/** Announcements(delegate): the calls a delegate announced it will make for its reals. */
export const Announcements = storageMap<AccountId, PendingAnnouncements | null>(
  'proxy.announcements',
  byAccount,
  () => null,
);

/** The reference chain's MaxPending. */
export const MAX_PENDING = 75;

/**
 * Deposits, the reference chain's (deposit(items, bytes) = items · 0.02 τ + bytes · 0.001 τ):
 * a proxy list holds base + factor · len, announcements likewise with their own base and factor.
 */
export const PROXY_DEPOSIT_BASE = 60_000_000n;
export const PROXY_DEPOSIT_FACTOR = 33_000_000n;
export const ANNOUNCEMENT_DEPOSIT_BASE = 36_000_000n;
export const ANNOUNCEMENT_DEPOSIT_FACTOR = 68_000_000n;
