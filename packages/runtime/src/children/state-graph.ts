/** The child-hotkey view of chain state on one subnet, and the chain-side queries built on it. */
import type { AccountId } from '@taonet/primitives';
import { Owner } from '../neurons/storage.js';
import { Params } from '../params/storage.js';
import type { State } from '../state/state.js';
import { TotalHotkeyAlpha } from '../staking/storage.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import type { ChildGraph } from './child-graph.js';
import { type StakeWeight, stakeWeight } from './inherited-stake.js';
import {
  type ChildKeyParams,
  ChildKeyParamsItem,
  ChildKeys,
  ChildkeyTake,
  DEFAULT_CHILD_KEY_PARAMS,
  MinChildkeyTakePerSubnet,
  ParentKeys,
} from './storage.js';

// Module-level, not per call: the epoch builds a graph for every uid, and a named closure per call
// costs a name assignment each time under the test and script loaders (esbuild's keepNames).
const id = (h: string): AccountId => h as AccountId;

export function stateGraph(s: State, netuid: number): ChildGraph {
  return {
    alpha: (h) => s.get(TotalHotkeyAlpha, [id(h), netuid]),
    root: (h) => s.get(TotalHotkeyAlpha, [id(h), ROOT_NETUID]),
    children: (h) => s.get(ChildKeys, [id(h), netuid]),
    parents: (h) => s.get(ParentKeys, [id(h), netuid]),
  };
}

export function childKeyParams(s: State): ChildKeyParams {
  return s.value(ChildKeyParamsItem) ?? DEFAULT_CHILD_KEY_PARAMS;
}

/** The floor on childkey takes on a subnet: the network minimum or the subnet's, whichever is higher. */
export function effectiveMinChildkeyTake(s: State, netuid: number): number {
  return Math.max(childKeyParams(s).minChildkeyTake, s.get(MinChildkeyTakePerSubnet, netuid));
}

/** The childkey take that applies: the stored one, raised to the effective minimum. */
export function childkeyTakeOf(s: State, hotkey: AccountId, netuid: number): number {
  return Math.max(s.get(ChildkeyTake, [hotkey, netuid]), effectiveMinChildkeyTake(s, netuid));
}

/** The hotkey's stake weight on a subnet, with what its parents lend and less what it lends. */
export function hotkeyStakeWeight(s: State, hotkey: AccountId, netuid: number): StakeWeight {
  return stakeWeight(stateGraph(s, netuid), hotkey, s.value(Params).taoWeight);
}

export function ownerOf(s: State): (hotkey: string) => string | null {
  return (h) => s.get(Owner, h as AccountId);
}
