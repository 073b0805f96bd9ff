/** Dissolving a subnet removes its child hotkey links, pending lists and takes, so a reused netuid starts clean. */
import type { State } from '../state/state.js';
import { ChildKeys, ChildkeyTake, ParentKeys, PendingChildKeys } from './storage.js';

export function clearChildKeysOfSubnet(s: State, netuid: number): void {
  const suffix = `/${netuid}`;
  for (const item of [ChildKeys, ParentKeys] as const) {
    for (const [k] of s.entries(item)) if (k.endsWith(suffix)) s.removeKey(item, k);
  }
  for (const [k] of s.entries(ChildkeyTake)) if (k.endsWith(suffix)) s.removeKey(ChildkeyTake, k);
  s.removePrefix(PendingChildKeys, `${netuid}/`);
}
