/** Read views of child hotkeys for the SDK and node: children, parents, pending lists and takes. */
import type { AccountId } from '@taonet/primitives';
import type { State } from '../state/state.js';
import { childkeyTakeOf, hotkeyStakeWeight } from './state-graph.js';
import { type ChildKeyLink, ChildKeys, ParentKeys, PendingChildKeys } from './storage.js';

export interface ChildKeyInfo {
  readonly hotkey: AccountId;
  readonly netuid: number;
  readonly children: ChildKeyLink[];
  readonly parents: ChildKeyLink[];
  /** The scheduled list and the block after which it applies, or null. */
  readonly pending: { children: ChildKeyLink[]; cooldownBlock: bigint } | null;
  /** Effective childkey take (u16 parts). */
  readonly childkeyTake: number;
  /** Alpha and root stake the hotkey counts with on this subnet after lending and borrowing (rao). */
  readonly alphaInherited: bigint;
  readonly taoInherited: bigint;
}

export function childrenOf(s: State, hotkey: AccountId, netuid: number): ChildKeyLink[] {
  return s.get(ChildKeys, [hotkey, netuid]);
}

export function parentsOf(s: State, hotkey: AccountId, netuid: number): ChildKeyLink[] {
  return s.get(ParentKeys, [hotkey, netuid]);
}

export function pendingChildrenOf(s: State, hotkey: AccountId, netuid: number) {
  return s.get(PendingChildKeys, [netuid, hotkey]);
}

export function childKeyInfo(s: State, hotkey: AccountId, netuid: number): ChildKeyInfo {
  const w = hotkeyStakeWeight(s, hotkey, netuid);
  return {
    hotkey,
    netuid,
    children: childrenOf(s, hotkey, netuid),
    parents: parentsOf(s, hotkey, netuid),
    pending: pendingChildrenOf(s, hotkey, netuid),
    childkeyTake: childkeyTakeOf(s, hotkey, netuid),
    alphaInherited: w.alphaInherited,
    taoInherited: w.taoInherited,
  };
}
