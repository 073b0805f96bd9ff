/**
 * An epoch's payout plan on one subnet: incentives per hotkey, each validator's dividend shared
 * with its parents, each recipient's dividend split between its alpha and its weighted root stake,
 * the validator and root pots divided by those weights, and the delegate take of each. The chain
 * then credits the plan (coinbase/distribute.ts); nothing here touches state (reference:
 * `calculate_dividends_and_incentives`, `calculate_dividend_distribution`,
 * `distribute_dividends_and_incentives`).
 */
import type { ChildGraph } from './child-graph.js';
import { add, div, fromU64, mul, overU16Max, overU64Max, sub, toU64 } from './fixed-u96.js';
import { type ParentDividendParams, parentChildDividends } from './parent-dividends.js';

export interface EmissionRow {
  readonly hotkey: string;
  readonly incentive: bigint;
  readonly dividend: bigint;
}

export interface PendingAlpha {
  readonly server: bigint;
  readonly validator: bigint;
  readonly root: bigint;
}

export interface DistributionParams extends Omit<ParentDividendParams, 'childkeyTake'> {
  readonly childkeyTakeOf: (hotkey: string) => number;
  /** The validator (delegate) take, u16 parts. */
  readonly delegateTakeOf: (hotkey: string) => number;
}

/** What one recipient's dividends become (u64 amounts). */
export interface Payout {
  /** Staked for the hotkey's owner from the alpha dividend. */
  readonly alphaTake: bigint;
  /** Added to the hotkey's pool value (every nominator gains). */
  readonly alphaToNominators: bigint;
  /** Staked as alpha for the owner from the root dividend. */
  readonly rootTake: bigint;
  /** Claimable by the hotkey's root nominators. */
  readonly rootClaimable: bigint;
}

export interface DistributionPlan {
  readonly validatorAlpha: bigint;
  readonly incentives: Map<string, bigint>;
  /** U96F32 raws, keyed in account order (the chain's BTreeMap order). */
  readonly dividends: Map<string, bigint>;
  readonly alphaDividends: Map<string, bigint>;
  readonly rootAlphaDividends: Map<string, bigint>;
  readonly recycled: bigint;
  readonly payouts: Map<string, Payout>;
}

const byKey = <V>(m: Map<string, V>): Map<string, V> =>
  new Map([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

function splitAlphaRoot(
  g: ChildGraph,
  dividends: Map<string, bigint>,
  tw: bigint,
): { alpha: Map<string, bigint>; root: Map<string, bigint> } {
  const alpha = new Map<string, bigint>();
  const root = new Map<string, bigint>();
  for (const [h, d] of dividends) {
    const rootAlpha = mul(fromU64(g.root(h)), tw);
    const rootProp = div(rootAlpha, add(fromU64(g.alpha(h)), rootAlpha));
    const r = mul(d, rootProp);
    alpha.set(h, sub(d, r));
    root.set(h, r);
  }
  return { alpha, root };
}

/** Divides a pot (u64) by weights (U96F32); a zero total pays nobody. */
function divide(pot: bigint, weights: Map<string, bigint>): Map<string, bigint> {
  let total = 0n;
  for (const w of weights.values()) total = add(total, w);
  const out = new Map<string, bigint>();
  for (const [h, w] of weights) out.set(h, mul(fromU64(pot), div(w, total)));
  return out;
}

export function dividendAndIncentiveDistribution(
  g: ChildGraph,
  rows: readonly EmissionRow[],
  pending: PendingAlpha,
  p: DistributionParams,
): DistributionPlan {
  const incentives = new Map<string, bigint>();
  const dividends = new Map<string, bigint>();
  let incentiveSum = 0n;
  let recycled = 0n;
  for (const row of rows) {
    incentives.set(row.hotkey, (incentives.get(row.hotkey) ?? 0n) + row.incentive);
    incentiveSum += row.incentive;
    const split = parentChildDividends(g, row.hotkey, row.dividend, {
      ...p,
      childkeyTake: p.childkeyTakeOf(row.hotkey),
    });
    recycled += split.recycled;
    for (const { hotkey, amount } of split.distribution) {
      dividends.set(hotkey, add(dividends.get(hotkey) ?? 0n, fromU64(amount)));
    }
  }
  const validatorAlpha = incentiveSum === 0n ? pending.validator + pending.server : pending.validator;
  const sorted = byKey(dividends);
  const { alpha, root } = splitAlphaRoot(g, sorted, overU64Max(p.taoWeight));
  const alphaDividends = divide(validatorAlpha, alpha);
  const rootAlphaDividends = divide(pending.root, root);
  const payouts = new Map<string, Payout>();
  for (const h of sorted.keys()) {
    const tf = overU16Max(p.delegateTakeOf(h));
    const a = alphaDividends.get(h) ?? 0n;
    const r = rootAlphaDividends.get(h) ?? 0n;
    const at = mul(tf, a);
    const rt = mul(tf, r);
    payouts.set(h, {
      alphaTake: toU64(at),
      alphaToNominators: toU64(sub(a, at)),
      rootTake: toU64(rt),
      rootClaimable: toU64(sub(r, rt)),
    });
  }
  return { validatorAlpha, incentives, dividends: sorted, alphaDividends, rootAlphaDividends, recycled, payouts };
}
