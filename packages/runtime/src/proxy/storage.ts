/** Proxies: who may act for an account, with which proxy type. */
import type { AccountId } from '@taonet/primitives';
import { byAccount, storageMap } from '../state/storage.js';
import type { ProxyType } from './proxy-types.js';

export interface ProxyDefinition {
  readonly delegate: AccountId;
  readonly proxyType: ProxyType;
  /** Blocks an announcement must wait; Taonet has no announcements, so only 0 can be used. */
  readonly delay: bigint;
}

/** Proxies(real): its proxy definitions, sorted as the reference sorts them (delegate, type, delay). */
export const Proxies = storageMap<AccountId, ProxyDefinition[]>('proxy.proxies', byAccount, () => []);

/** The reference's MaxProxies. */
export const MAX_PROXIES = 20;
