/**
 * How a validator's dividend is shared with its parents. Each parent is paid in proportion to the
 * stake it lends (its own alpha plus its own root weighted by TaoWeight, times its proportion),
 * against the validator's own remaining stake. A parent under another coldkey pays the child its
 * childkey take and burns CKBurn of its share (recycled alpha); the child keeps the rest
 * (reference: `get_parent_child_dividends_distribution`, `get_self_contribution`).
 */
import type { ChildGraph } from './child-graph.js';
import { add, div, fromU64, mul, ONE, overU16Max, overU64Max, sub, toU64 } from './fixed-u96.js';

export interface ParentDividendParams {
  /** TaoWeight and CKBurn, parts of u64::MAX. */
  readonly taoWeight: bigint;
  readonly ckBurn: bigint;
  /** The hotkey's effective childkey take, u16 parts. */
  readonly childkeyTake: number;
  /** The owning coldkey of a hotkey; equal values mean the same owner. */
  readonly ownerOf: (hotkey: string) => string | null;
}

export interface ParentDividends {
  /** The parents in ParentKeys order, then the hotkey itself. */
  readonly distribution: { hotkey: string; amount: bigint }[];
  readonly selfContribution: bigint;
  /** Alpha burned by CKBurn, to take out of SubnetAlphaOut. */
  readonly recycled: bigint;
}

/** The hotkey's own stake that it keeps after lending to its children (u64). */
export function selfContribution(g: ChildGraph, hotkey: string, taoWeight: bigint): bigint {
  let remaining = ONE;
  for (const c of g.children(hotkey)) remaining = sub(remaining, overU64Max(c.proportion));
  const tw = overU64Max(taoWeight);
  const alpha = mul(fromU64(g.alpha(hotkey)), remaining);
  const root = mul(mul(fromU64(g.root(hotkey)), remaining), tw);
  return toU64(add(alpha, root));
}

export function parentChildDividends(
  g: ChildGraph,
  hotkey: string,
  dividends: bigint,
  p: ParentDividendParams,
): ParentDividends {
  const emission = fromU64(dividends);
  const burnShare = overU64Max(p.ckBurn);
  const takeShare = overU16Max(p.childkeyTake);
  const tw = overU64Max(p.taoWeight);
  const own = selfContribution(g, hotkey, p.taoWeight);
  let total = fromU64(own);
  const contributions = g.parents(hotkey).map((link) => {
    const pp = overU64Max(link.proportion);
    const c = add(mul(fromU64(g.alpha(link.hotkey)), pp), mul(mul(fromU64(g.root(link.hotkey)), pp), tw));
    total = add(total, c);
    return { parent: link.hotkey, c };
  });
  const childOwner = p.ownerOf(hotkey);
  const distribution: { hotkey: string; amount: bigint }[] = [];
  let remaining = emission;
  let takes = 0n;
  let recycled = 0n;
  for (const { parent, c } of contributions) {
    let share = mul(emission, div(c, total));
    remaining = sub(remaining, share);
    if (p.ownerOf(parent) !== childOwner) {
      const burn = mul(burnShare, share);
      const take = mul(takeShare, share);
      share = sub(sub(share, burn), take);
      takes = add(takes, take);
      recycled += toU64(burn);
    }
    distribution.push({ hotkey: parent, amount: toU64(share) });
  }
  distribution.push({ hotkey, amount: toU64(add(remaining, takes)) });
  return { distribution, selfContribution: own, recycled };
}
