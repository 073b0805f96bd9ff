/** Child hotkeys: who lends stake to whom on each subnet, pending changes, and childkey takes. */
import type { AccountId } from '@taonet/primitives';
import { byAccountNetuid, byNetuid, byNetuidAccount, storageMap, storageValue } from '../state/storage.js';

/** One `(proportion, hotkey)` link; the proportion is parts of u64::MAX. */
export interface ChildKeyLink {
  readonly proportion: bigint;
  readonly hotkey: AccountId;
}

/** ChildKeys(parent, netuid): the parent's children. Empty lists are not stored. */
export const ChildKeys = storageMap<readonly [AccountId, number], ChildKeyLink[]>(
  'children.childKeys',
  byAccountNetuid,
  () => [],
);
/** ParentKeys(child, netuid): the mirror of ChildKeys, in the order the links were made. */
export const ParentKeys = storageMap<readonly [AccountId, number], ChildKeyLink[]>(
  'children.parentKeys',
  byAccountNetuid,
  () => [],
);

export interface PendingChildren {
  readonly children: ChildKeyLink[];
  /** The list applies at the first epoch block strictly after this block. */
  readonly cooldownBlock: bigint;
}

/** PendingChildKeys(netuid, parent): a scheduled children list. Keyed netuid first, to drain per subnet. */
export const PendingChildKeys = storageMap<readonly [number, AccountId], PendingChildren | null>(
  'children.pending',
  byNetuidAccount,
  () => null,
);
/** ChildkeyTake(hotkey, netuid): the cut a child keeps of what its parents earn through it, u16 parts. */
export const ChildkeyTake = storageMap<readonly [AccountId, number], number>('children.take', byAccountNetuid, () => 0);
/** MinChildkeyTakePerSubnet: a subnet's floor on childkey takes, u16 parts. */
export const MinChildkeyTakePerSubnet = storageMap<number, number>('children.minTakePerSubnet', byNetuid, () => 0);

/** Last block a hotkey set children / raised its childkey take on a subnet (rate limits). */
export const LastSetChildrenBlock = storageMap<readonly [AccountId, number], bigint>(
  'children.lastSetChildren',
  byAccountNetuid,
  () => 0n,
);
export const LastChildkeyTakeBlock = storageMap<readonly [AccountId, number], bigint>(
  'children.lastTakeChange',
  byAccountNetuid,
  () => 0n,
);

/** Network-wide child hotkey parameters (the reference chain's runtime defaults). */
export interface ChildKeyParams {
  /** Blocks a scheduled list waits (PendingChildKeyCooldown). */
  readonly pendingCooldown: bigint;
  /** Blocks between two set_children of one hotkey on one subnet. */
  readonly setChildrenRateLimit: bigint;
  readonly minChildkeyTake: number;
  readonly maxChildkeyTake: number;
  /** Blocks between two raises of a childkey take (TxChildkeyTakeRateLimit). */
  readonly childkeyTakeRateLimit: bigint;
  /** Share of a parent's dividend burned when it flows through another coldkey's child, parts of u64::MAX. */
  readonly ckBurn: bigint;
}

export const DEFAULT_CHILD_KEY_PARAMS: ChildKeyParams = {
  pendingCooldown: 7200n,
  setChildrenRateLimit: 150n,
  minChildkeyTake: 0,
  maxChildkeyTake: 11796,
  childkeyTakeRateLimit: 216_000n,
  ckBurn: 0n,
};

export const ChildKeyParamsItem = storageValue<ChildKeyParams | null>('children.params', () => null);

export const MAX_CHILDREN = 5;
