/**
 * Handlers for economics-children.json: stake inheritance and the dividend split with parents,
 * run through the runtime's own child-hotkey arithmetic over a graph built from the case input.
 */
import { children } from '@taonet/runtime';
import { big, encScalar, type Json, type JsonObject, list, num, object, optNum } from '../codec.js';
import type { Handler } from '../registry.js';

const str = (v: bigint): string => v.toString();

/** The case's `stakes` and `child_keys` as the graph the runtime reads (ParentKeys mirrors ChildKeys in list order). */
function graph(i: JsonObject): children.ChildGraph {
  const stakes = new Map<string, { alpha: bigint; root: bigint }>();
  for (const [h, v] of Object.entries(object(i.stakes ?? {}, 'stakes'))) {
    const o = object(v, `stakes.${h}`);
    stakes.set(h, { alpha: o.alpha === undefined ? 0n : big(o.alpha), root: o.root === undefined ? 0n : big(o.root) });
  }
  const kids = new Map<string, children.ChildLink[]>();
  const parents = new Map<string, children.ChildLink[]>();
  for (const entry of list(i.child_keys ?? [], 'child_keys')) {
    const e = object(entry, 'child_keys[]');
    const parent = String(e.parent);
    const links = list(e.children, 'children').map((c) => {
      const o = object(c, 'child');
      return { proportion: big(o.proportion, 'proportion'), hotkey: String(o.child) };
    });
    kids.set(parent, links);
    for (const l of links) {
      const ps = parents.get(l.hotkey) ?? [];
      ps.push({ proportion: l.proportion, hotkey: parent });
      parents.set(l.hotkey, ps);
    }
  }
  return {
    alpha: (h) => stakes.get(h)?.alpha ?? 0n,
    root: (h) => stakes.get(h)?.root ?? 0n,
    children: (h) => kids.get(h) ?? [],
    parents: (h) => parents.get(h) ?? [],
  };
}

function owners(i: JsonObject): (h: string) => string | null {
  const o = object(i.owners ?? {}, 'owners');
  return (h) => (Object.hasOwn(o, h) ? String(o[h]) : null);
}

function takes(x: Json | undefined, what: string): (h: string) => number | undefined {
  const o = object(x ?? {}, what);
  return (h) => (Object.hasOwn(o, h) ? num(o[h], what) : undefined);
}

/** The effective childkey take: the stored one, raised to the network and subnet minimums. */
function childkeyTakeOf(i: JsonObject): (h: string) => number {
  const stored = takes(i.childkey_takes, 'childkey_takes');
  const min = Math.max(optNum(i.min_childkey_take, 0), optNum(i.min_childkey_take_per_subnet, 0));
  return (h) => Math.max(stored(h) ?? 0, min);
}

const i64f64 = (raw: bigint): Json => encScalar('I64F64', raw);
const u96f32 = (raw: bigint): Json => encScalar('U96F32', raw);
const mapOut = <V>(m: Map<string, V>, f: (v: V) => Json): JsonObject =>
  Object.fromEntries([...m.entries()].map(([k, v]) => [k, f(v)]));

export const childrenHandlers: Record<string, Handler> = {
  stake_weights_for_network: (i) => {
    const uids = list(i.uids, 'uids').map((u) => (u === null ? null : String(u)));
    const w = children.stakeWeightsForNetwork(graph(i), uids, big(i.tao_weight, 'tao_weight'));
    return {
      alpha_inherited: w.map((x) => str(x.alphaInherited)),
      tao_inherited: w.map((x) => str(x.taoInherited)),
      alpha_stake: w.map((x) => i64f64(x.alphaStake)),
      tao_stake: w.map((x) => i64f64(x.taoStake)),
      total_stake: w.map((x) => i64f64(x.totalStake)),
    };
  },
  parent_child_dividends_distribution: (i) => {
    const hotkey = String(i.hotkey);
    const take = childkeyTakeOf(i)(hotkey);
    const r = children.parentChildDividends(graph(i), hotkey, big(i.dividends, 'dividends'), {
      taoWeight: big(i.tao_weight, 'tao_weight'),
      ckBurn: big(i.ck_burn, 'ck_burn'),
      childkeyTake: take,
      ownerOf: owners(i),
    });
    return {
      distribution: r.distribution.map((d) => ({ hotkey: d.hotkey, amount: str(d.amount) })),
      childkey_take: take,
      self_contribution: str(r.selfContribution),
      recycled: str(r.recycled),
    };
  },
  dividend_and_incentive_distribution: (i) => {
    const rows = list(i.hotkey_emission, 'hotkey_emission').map((x) => {
      const o = object(x, 'hotkey_emission[]');
      return { hotkey: String(o.hotkey), incentive: big(o.incentive), dividend: big(o.dividend) };
    });
    const delegate = takes(i.delegate_takes, 'delegate_takes');
    const fallback = optNum(i.default_delegate_take, 11796);
    const plan = children.dividendAndIncentiveDistribution(
      graph(i),
      rows,
      {
        server: big(i.pending_server_alpha, 'pending_server_alpha'),
        validator: big(i.pending_validator_alpha, 'pending_validator_alpha'),
        root: big(i.pending_root_alpha, 'pending_root_alpha'),
      },
      {
        taoWeight: big(i.tao_weight, 'tao_weight'),
        ckBurn: big(i.ck_burn, 'ck_burn'),
        ownerOf: owners(i),
        childkeyTakeOf: childkeyTakeOf(i),
        delegateTakeOf: (h) => delegate(h) ?? fallback,
      },
    );
    return {
      validator_alpha: str(plan.validatorAlpha),
      incentives: mapOut(plan.incentives, str),
      dividends: mapOut(plan.dividends, u96f32),
      alpha_dividends: mapOut(plan.alphaDividends, u96f32),
      root_alpha_dividends: mapOut(plan.rootAlphaDividends, u96f32),
      recycled: str(plan.recycled),
      payouts: mapOut(plan.payouts, (p) => ({
        alpha_take: str(p.alphaTake),
        alpha_to_nominators: str(p.alphaToNominators),
        root_take: str(p.rootTake),
        root_claimable: str(p.rootClaimable),
        stake_added: str(p.alphaTake + p.alphaToNominators + p.rootTake),
      })),
    };
  },
};
