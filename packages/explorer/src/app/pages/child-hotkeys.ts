/// <reference lib="dom" />
/**
 * A hotkey's child hotkeys on every subnet (the account page's section): the children it lends
 * stake to, with their proportion and the take each child keeps; the parents it borrows from; and
 * a scheduled list with the block after which the subnet's next epoch applies it.
 */
import type { ChildKeysReply } from '@taonet/primitives';
import { accountLink, h, ss58Of } from '../dom.js';
import { fmtInt, fmtPct } from '../format.js';
import type { NodeConnection } from '../node.js';
import { big, type RawNetworkInfo } from '../page.js';
import { type Column, table } from '../table.js';

export type Relation = 'child' | 'parent' | 'pending child';

export interface ChildKeyRow {
  readonly netuid: number;
  readonly relation: Relation;
  readonly hotkey: string;
  /** Parts of u64::MAX. */
  readonly proportion: bigint;
  /** The child's childkey take (parts of 65535); null for a parent. */
  readonly take: number | null;
  /** For a pending child: the block after which the subnet's next epoch applies it. */
  readonly after: bigint | null;
}

interface ChildKeysOnSubnet {
  readonly netuid: number;
  readonly reply: ChildKeysReply;
}

const U64_MAX = (1n << 64n) - 1n;

/** A u64 proportion as a fraction, for display (exact in the export). */
export const proportionFraction = (p: bigint): number => Number((p * 10n ** 12n) / U64_MAX) / 1e12;

/** The hotkey's relations on every subnet but root, and each child's own take. */
export async function loadChildKeys(node: NodeConnection, hex: string): Promise<ChildKeyRow[]> {
  const { subnets } = await node.call<RawNetworkInfo>('taonet_networkInfo');
  const per = await Promise.all(
    subnets
      .filter((n) => n !== 0)
      .map(async (netuid) => ({ netuid, reply: await node.call<ChildKeysReply>('taonet_childKeys', [netuid, hex]) })),
  );
  const takeOf = async (netuid: number, child: string): Promise<number> =>
    (await node.call<ChildKeysReply>('taonet_childKeys', [netuid, child])).childkeyTake;
  const rows = await Promise.all(per.map((p) => rowsOf(p, takeOf)));
  return rows.flat();
}

async function rowsOf(
  p: ChildKeysOnSubnet,
  takeOf: (netuid: number, child: string) => Promise<number>,
): Promise<ChildKeyRow[]> {
  const { netuid, reply } = p;
  const base = { netuid };
  const children = await Promise.all(
    reply.children.map(async (c) => ({
      ...base,
      relation: 'child' as const,
      hotkey: c.hotkey,
      proportion: big(c.proportion),
      take: await takeOf(netuid, c.hotkey),
      after: null,
    })),
  );
  const parents = reply.parents.map((c) => ({
    ...base,
    relation: 'parent' as const,
    hotkey: c.hotkey,
    proportion: big(c.proportion),
    take: null,
    after: null,
  }));
  const pending = await Promise.all(
    (reply.pending?.children ?? []).map(async (c) => ({
      ...base,
      relation: 'pending child' as const,
      hotkey: c.hotkey,
      proportion: big(c.proportion),
      take: await takeOf(netuid, c.hotkey),
      after: big(reply.pending?.cooldownBlock),
    })),
  );
  return [...children, ...parents, ...pending];
}

const COLUMNS: readonly Column<ChildKeyRow>[] = [
  {
    key: 'netuid',
    label: 'Subnet',
    num: true,
    cell: (r) => h('a', { href: `#/subnet/${r.netuid}` }, `SN${r.netuid}`),
    sort: (r) => r.netuid,
    exp: (r) => r.netuid,
  },
  { key: 'relation', label: 'Relation', cell: (r) => r.relation, sort: (r) => r.relation, exp: (r) => r.relation },
  {
    key: 'hotkey',
    label: 'Hotkey',
    cell: (r) => accountLink(r.hotkey),
    sort: (r) => ss58Of(r.hotkey),
    exp: (r) => ss58Of(r.hotkey),
  },
  {
    key: 'proportion',
    label: 'Proportion',
    num: true,
    help: 'share of the parent’s stake on this subnet the child counts with',
    cell: (r) => fmtPct(proportionFraction(r.proportion)),
    sort: (r) => r.proportion,
    exp: (r) => r.proportion.toString(),
  },
  {
    key: 'childkey_take',
    label: 'Child’s take',
    num: true,
    help: 'share of what the parent earns through the child that the child keeps',
    cell: (r) => (r.take === null ? '—' : fmtPct(r.take / 65535)),
    sort: (r) => r.take ?? -1,
    exp: (r) => r.take,
  },
  {
    key: 'applies',
    label: 'Applies',
    cell: (r) =>
      r.after === null
        ? h('span', { class: 'good' }, 'in effect')
        : h('span', null, `at the first epoch after block #${fmtInt(r.after)}`),
    sort: (r) => r.after ?? -1n,
    exp: (r) => (r.after === null ? 'in effect' : r.after.toString()),
  },
];

export function renderChildKeys(id: string, rows: readonly ChildKeyRow[]): HTMLElement {
  return table({
    id,
    caption: 'Child hotkeys',
    rows,
    empty: 'No child or parent hotkeys on any subnet.',
    defaultSort: { key: 'netuid', dir: 1 },
    note: 'A parent lends part of its stake on a subnet to a child hotkey, which validates with it; the child keeps its take of what the parent earns through it and pays the parent the rest.',
    columns: COLUMNS,
  });
}
