/**
 * The stake a hotkey counts with on a subnet: its own stake, less what it lends its children,
 * plus what its parents lend it (only the parents' own stake passes down, never what they
 * inherited). The epoch filters and normalizes this per uid, and the weights stake threshold
 * compares it (reference: `get_stake_weights_for_network`, `get_inherited_for_hotkey_on_subnet`).
 */
import { fixed, I64F64, U96F32 } from '@taonet/primitives';
import type { ChildGraph } from './child-graph.js';
import { add, fromU64, mul, overU64Max, sub, toU64 } from './fixed-u96.js';

/** Inherited amount (u64) from an own amount and the same kind of amount of each parent. */
function inherited(
  own: bigint,
  children: readonly { proportion: bigint }[],
  parents: readonly { proportion: bigint; amount: bigint }[],
): bigint {
  const initial = fromU64(own);
  let lent = 0n;
  for (const c of children) lent = add(lent, mul(initial, overU64Max(c.proportion)));
  let borrowed = 0n;
  for (const p of parents) borrowed = add(borrowed, mul(fromU64(p.amount), overU64Max(p.proportion)));
  return toU64(add(sub(initial, lent), borrowed));
}

/** Inherited alpha on a non-root subnet (on root, the own stake). */
export function alphaInherited(g: ChildGraph, hotkey: string): bigint {
  const parents = g.parents(hotkey).map((p) => ({ proportion: p.proportion, amount: g.alpha(p.hotkey) }));
  return inherited(g.alpha(hotkey), g.children(hotkey), parents);
}

/** Inherited root (TAO) stake on a subnet: the same split, over root stakes. */
export function taoInherited(g: ChildGraph, hotkey: string): bigint {
  const parents = g.parents(hotkey).map((p) => ({ proportion: p.proportion, amount: g.root(p.hotkey) }));
  return inherited(g.root(hotkey), g.children(hotkey), parents);
}

export interface StakeWeight {
  readonly alphaInherited: bigint;
  readonly taoInherited: bigint;
  /** I64F64 raws. */
  readonly alphaStake: bigint;
  readonly taoStake: bigint;
  readonly totalStake: bigint;
}

/** `taoWeight` is TaoWeight, parts of u64::MAX; the chain turns it into U96F32 first. */
export function stakeWeight(g: ChildGraph, hotkey: string | null, taoWeight: bigint): StakeWeight {
  const a = hotkey === null ? 0n : alphaInherited(g, hotkey);
  const t = hotkey === null ? 0n : taoInherited(g, hotkey);
  const alphaStake = fixed.fromInt(I64F64, a);
  const taoStake = fixed.fromInt(I64F64, t);
  const tw = fixed.convert(U96F32, I64F64, overU64Max(taoWeight));
  const totalStake = fixed.saturatingAdd(I64F64, alphaStake, fixed.saturatingMul(I64F64, taoStake, tw));
  return { alphaInherited: a, taoInherited: t, alphaStake, taoStake, totalStake };
}

/** One entry per uid; a null hotkey (an empty uid) weighs 0. */
export function stakeWeightsForNetwork(
  g: ChildGraph,
  uids: readonly (string | null)[],
  taoWeight: bigint,
): StakeWeight[] {
  return uids.map((h) => stakeWeight(g, h, taoWeight));
}
