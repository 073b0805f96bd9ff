/** Coldkey identities (the reference's IdentitiesV2): how a validator or owner names itself. */
import type { AccountId } from '@taonet/primitives';
import { byAccount, storageMap } from '../state/storage.js';

export interface ChainIdentity {
  readonly name: string;
  readonly url: string;
  readonly githubRepo: string;
  readonly image: string;
  readonly discord: string;
  readonly description: string;
  readonly additional: string;
}

/** Byte limits per field (UTF-8), the reference's. */
export const IDENTITY_LIMITS: Readonly<Record<keyof ChainIdentity, number>> = {
  name: 256,
  url: 256,
  githubRepo: 256,
  image: 1024,
  discord: 256,
  description: 1024,
  additional: 1024,
};

export const IDENTITY_FIELDS = Object.keys(IDENTITY_LIMITS) as (keyof ChainIdentity)[];

/** IdentitiesV2(coldkey). */
export const Identities = storageMap<AccountId, ChainIdentity | null>('identity.coldkey', byAccount, () => null);
