/**
 * Writing a hotkey's children while keeping ChildKeys and ParentKeys mirror images. The consistency
 * rules are the reference's: no self link, at most five children, proportions summing to at most
 * u64::MAX, and no hotkey both a child and a parent of the same hotkey on a subnet.
 */
import type { AccountId } from '@taonet/primitives';
import type { State } from '../state/state.js';
import { type ChildKeyLink, ChildKeys, MAX_CHILDREN, ParentKeys } from './storage.js';
import { U64_MAX } from './fixed-u96.js';

/** The first consistency rule a children list breaks, or null (duplicates: the last one wins). */
export function relationProblem(
  s: State,
  hotkey: AccountId,
  netuid: number,
  children: readonly ChildKeyLink[],
): 'InvalidChild' | 'TooManyChildren' | 'ProportionOverflow' | 'ChildParentInconsistency' | null {
  const dedup = new Map(children.map((c) => [c.hotkey, c.proportion]));
  if (dedup.has(hotkey)) return 'InvalidChild';
  if (dedup.size > MAX_CHILDREN) return 'TooManyChildren';
  let sum = 0n;
  for (const p of dedup.values()) sum += p;
  if (sum > U64_MAX) return 'ProportionOverflow';
  const parents = new Set(s.get(ParentKeys, [hotkey, netuid]).map((p) => p.hotkey));
  for (const c of dedup.keys()) if (parents.has(c)) return 'ChildParentInconsistency';
  return null;
}

const byAccount = ([a]: readonly [string, unknown], [b]: readonly [string, unknown]): number =>
  a < b ? -1 : a > b ? 1 : 0;

function upsert(list: readonly ChildKeyLink[], proportion: bigint, hotkey: AccountId): ChildKeyLink[] {
  const at = list.findIndex((l) => l.hotkey === hotkey);
  if (at < 0) return [...list, { proportion, hotkey }];
  return list.map((l, i) => (i === at ? { proportion, hotkey } : l));
}

function setList(
  s: State,
  item: typeof ChildKeys | typeof ParentKeys,
  key: readonly [AccountId, number],
  list: ChildKeyLink[],
): void {
  if (list.length === 0) s.remove(item, key);
  else s.set(item, key, list);
}

/**
 * Replaces the hotkey's children and updates each affected child's ParentKeys. The stored list is
 * in account order (the reference keeps it in an ordered map); a new parent is appended to a
 * child's parents. The caller has checked `relationProblem`.
 */
export function writeChildren(s: State, hotkey: AccountId, netuid: number, children: readonly ChildKeyLink[]): void {
  const dedup = new Map(children.map((c) => [c.hotkey, c.proportion]));
  const next = [...dedup.entries()].sort(byAccount).map(([h, proportion]) => ({ proportion, hotkey: h }));
  // The reference rewrites the hotkey's own parents from its ordered map too, so they end up sorted.
  const parents = s.get(ParentKeys, [hotkey, netuid]);
  const sortedParents = [...new Map(parents.map((p) => [p.hotkey, p.proportion])).entries()].sort(byAccount);
  setList(
    s,
    ParentKeys,
    [hotkey, netuid],
    sortedParents.map(([h, proportion]) => ({ proportion, hotkey: h })),
  );
  const prev = new Set(s.get(ChildKeys, [hotkey, netuid]).map((c) => c.hotkey));
  setList(s, ChildKeys, [hotkey, netuid], next);
  for (const c of next) {
    setList(s, ParentKeys, [c.hotkey, netuid], upsert(s.get(ParentKeys, [c.hotkey, netuid]), c.proportion, hotkey));
  }
  for (const old of prev) {
    if (dedup.has(old)) continue;
    const rest = s.get(ParentKeys, [old, netuid]).filter((p) => p.hotkey !== hotkey);
    setList(s, ParentKeys, [old, netuid], rest);
  }
}
