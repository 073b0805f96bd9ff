/// <reference lib="dom" />
/** Network: head and finality, issuance against the cap, emission per block, halving, recent blocks. */
import { accountLink, bar, blockLink, h, Slot, section, stat } from '../dom.js';
import {
  fmtDuration,
  fmtInt,
  fmtPct,
  fmtTao,
  halving,
  raoToDecimal,
  shortHash,
  TOTAL_SUPPLY,
  u64f64ToNumber,
} from '../format.js';
import type { BlockSummary, NodeConnection } from '../node.js';
import { big, type Page, type PageFactory, type RawDynamicInfo, type RawNetworkInfo } from '../page.js';
import { type Column, table } from '../table.js';

export function blocksTable(id: string, rows: readonly BlockSummary[], caption = 'Recent blocks'): HTMLElement {
  return table({
    id,
    caption,
    rows,
    empty: 'No blocks yet.',
    defaultSort: { key: 'number', dir: -1 },
    columns: [
      {
        key: 'number',
        label: 'Block',
        num: true,
        cell: (b) => blockLink(b.number),
        sort: (b) => b.number,
        exp: (b) => b.number,
      },
      {
        key: 'time',
        label: 'Time',
        cell: (b) => new Date(b.time).toLocaleTimeString('en-GB'),
        sort: (b) => b.time,
        exp: (b) => new Date(b.time).toISOString(),
      },
      {
        key: 'hash',
        label: 'Hash',
        cell: (b) => h('span', { class: 'mono', title: b.hash }, shortHash(b.hash)),
        exp: (b) => b.hash,
      },
      {
        key: 'extrinsics',
        label: 'Extrinsics',
        num: true,
        cell: (b) => b.extrinsics,
        sort: (b) => b.extrinsics,
        exp: (b) => b.extrinsics,
      },
      {
        key: 'failed',
        label: 'Failed',
        num: true,
        cell: (b) => (b.failed > 0 ? h('span', { class: 'bad' }, b.failed) : '0'),
        sort: (b) => b.failed,
        exp: (b) => b.failed,
      },
      { key: 'author', label: 'Author', cell: (b) => accountLink(b.author), exp: (b) => b.author },
    ],
  });
}

const TOP_SUBNET_COLUMNS: readonly Column<RawDynamicInfo>[] = [
  {
    key: 'netuid',
    label: 'Subnet',
    cell: (s) => h('a', { href: `#/subnet/${s.netuid}` }, `SN${s.netuid} · ${s.name}`),
    sort: (s) => s.netuid,
    exp: (s) => s.netuid,
  },
  {
    key: 'share',
    label: 'Emission share',
    num: true,
    cell: (s) => fmtPct(u64f64ToNumber(big(s.emissionShare))),
    sort: (s) => big(s.emissionShare),
    exp: (s) => u64f64ToNumber(big(s.emissionShare)),
  },
  {
    key: 'tao_in',
    label: 'TAO in pool',
    num: true,
    cell: (s) => fmtTao(big(s.taoIn)),
    sort: (s) => big(s.taoIn),
    exp: (s) => raoToDecimal(big(s.taoIn)),
  },
];

/** The loader: chain-wide totals and every subnet. */
async function loadNetwork(node: NodeConnection): Promise<{ info: RawNetworkInfo; subnets: RawDynamicInfo[] }> {
  const [info, subnets] = await Promise.all([
    node.call<RawNetworkInfo>('taonet_networkInfo'),
    node.call<RawDynamicInfo[]>('taonet_allDynamicInfo'),
  ]);
  return { info, subnets };
}

function renderCards(node: NodeConnection, info: RawNetworkInfo): HTMLElement[] {
  const issuance = big(info.totalIssuance);
  const hv = halving(issuance, big(info.params.defaultBlockEmission));
  const bt = node.blockTimeMs();
  const head = Number(info.block);
  const fin = Math.max(Number(info.finalized), node.finalized ?? 0);
  const headTime = node.head?.time ?? null;
  return [
    stat(
      'Block height',
      blockLink(head),
      headTime === null ? undefined : new Date(headTime).toLocaleString('en-GB'),
      'stat-height',
    ),
    stat('Finalized', blockLink(fin), head - fin === 0 ? 'final at the head' : `${fmtInt(head - fin)} blocks behind`),
    stat('Block time', bt === null ? '—' : `${fmtInt(Math.round(bt))} ms`, 'observed over recent blocks'),
    stat(
      'Total issuance',
      fmtTao(issuance, 2),
      [
        `${fmtPct(Number((issuance * 1_000_000n) / TOTAL_SUPPLY) / 1_000_000)} of the ${fmtTao(TOTAL_SUPPLY, 0)} cap`,
        bar(Number((issuance * 1_000_000n) / TOTAL_SUPPLY) / 1_000_000, 'Issuance against the 21,000,000 TAO cap'),
      ],
      'stat-issuance',
    ),
    stat('Emission per block', fmtTao(hv.emission), `${hv.halvings} halving${hv.halvings === 1 ? '' : 's'} so far`),
    stat(
      'Next halving',
      `≈ ${fmtInt(hv.blocksLeft)} blocks`,
      `at ${fmtTao(hv.nextAt, 0)} issued${bt === null ? '' : ` · ≈ ${fmtDuration(Number(hv.blocksLeft) * bt)}`}`,
      'stat-halving',
    ),
    stat('Total stake', fmtTao(big(info.totalStake), 2)),
    stat('Recycled', fmtTao(big(info.totalRecycled), 2), 'burned registrations and fees'),
    stat('Subnets', fmtInt(info.subnets.length), 'including root (SN0)'),
  ];
}

function renderTopSubnets(subnets: readonly RawDynamicInfo[]): HTMLElement {
  return table({
    id: 'network-top-subnets',
    caption: 'Top subnets',
    rows: subnets.filter((s) => s.netuid !== 0),
    empty: 'No subnets besides root yet.',
    defaultSort: { key: 'share', dir: -1 },
    columns: TOP_SUBNET_COLUMNS,
  });
}

export const networkPage: PageFactory = (node: NodeConnection): Page => {
  const cards = new Slot('div', 'stats');
  const top = new Slot('div');
  const blocks = new Slot('div');
  return {
    title: 'Network',
    mount(main) {
      main.replaceChildren(
        h('h1', null, 'Network'),
        cards.el,
        section('Subnets by emission share', top.el),
        section('Latest blocks', blocks.el),
      );
    },
    async refresh() {
      const { info, subnets } = await loadNetwork(node);
      cards.set(...renderCards(node, info));
      top.set(renderTopSubnets(subnets));
      blocks.set(blocksTable('network-blocks', node.recentBlocks(12), 'Recent blocks'));
    },
  };
};
