/// <reference lib="dom" />
/** Subnets: every subnet's pool, price, market cap, emission and flow, burn price, size and owner. */
import { accountLink, h, Slot, ss58Of } from '../dom.js';
import {
  alphaToTao,
  fmtAlpha,
  fmtInt,
  fmtPct,
  fmtPrice,
  fmtTao,
  priceRaoPerAlpha,
  raoToDecimal,
  U64F64_ONE,
  u64f64ToNumber,
} from '../format.js';
import type { NodeConnection } from '../node.js';
import { big, type Page, type PageFactory, type RawDynamicInfo } from '../page.js';
import { type Column, table } from '../table.js';

/** Market cap: alpha supply (in the pool and outstanding) at the spot price, in TAO. */
export const marketCap = (s: RawDynamicInfo): bigint => alphaToTao(big(s.alphaIn) + big(s.alphaOut), big(s.price));

/** The TaoFlow EMA (I64F64 rao per block) as whole rao per block. */
export const flowRao = (s: RawDynamicInfo): bigint => big(s.flowEma) / U64F64_ONE;

const SUBNET_COLUMNS: readonly Column<RawDynamicInfo>[] = [
  {
    key: 'netuid',
    label: 'Netuid',
    num: true,
    cell: (s) => h('a', { href: `#/subnet/${s.netuid}` }, `SN${s.netuid}`),
    sort: (s) => s.netuid,
    exp: (s) => s.netuid,
  },
  {
    key: 'name',
    label: 'Name',
    cell: (s) => h('a', { href: `#/subnet/${s.netuid}` }, h('span', { class: 'sym' }, s.symbol), ' ', s.name),
    sort: (s) => s.name,
    exp: (s) => s.name,
  },
  { key: 'symbol', label: 'Symbol', cell: (s) => s.symbol, exp: (s) => s.symbol },
  {
    key: 'price_tao',
    label: 'Price',
    num: true,
    cell: (s) => fmtPrice(big(s.price), s.symbol),
    sort: (s) => big(s.price),
    exp: (s) => raoToDecimal(priceRaoPerAlpha(big(s.price))),
  },
  {
    key: 'tao_in',
    label: 'TAO reserve',
    num: true,
    cell: (s) => fmtTao(big(s.taoIn)),
    sort: (s) => big(s.taoIn),
    exp: (s) => raoToDecimal(big(s.taoIn)),
  },
  {
    key: 'alpha_in',
    label: 'Alpha reserve',
    num: true,
    cell: (s) => fmtAlpha(big(s.alphaIn), s.netuid, s.symbol),
    sort: (s) => big(s.alphaIn),
    exp: (s) => raoToDecimal(big(s.alphaIn)),
  },
  {
    key: 'market_cap_tao',
    label: 'Market cap',
    num: true,
    help: 'alpha in the pool and outstanding, at the spot price',
    cell: (s) => fmtTao(marketCap(s), 2),
    sort: (s) => marketCap(s),
    exp: (s) => raoToDecimal(marketCap(s)),
  },
  {
    key: 'emission_share',
    label: 'Emission',
    num: true,
    help: 'share of the TAO block emission',
    cell: (s) => fmtPct(u64f64ToNumber(big(s.emissionShare))),
    sort: (s) => big(s.emissionShare),
    exp: (s) => u64f64ToNumber(big(s.emissionShare)),
  },
  {
    key: 'flow_tao_per_block',
    label: 'Flow (EMA)',
    num: true,
    help: 'TaoFlow: smoothed net staking inflow per block',
    cell: (s) => h('span', { class: flowRao(s) < 0n ? 'bad' : undefined }, `${fmtTao(flowRao(s))} /blk`),
    sort: (s) => flowRao(s),
    exp: (s) => raoToDecimal(flowRao(s)),
  },
  {
    key: 'burn_tao',
    label: 'Burn',
    num: true,
    help: 'neuron registration price',
    cell: (s) => (s.netuid === 0 ? '—' : fmtTao(big(s.registrationCost))),
    sort: (s) => big(s.registrationCost),
    exp: (s) => raoToDecimal(big(s.registrationCost)),
  },
  {
    key: 'neurons',
    label: 'Neurons',
    num: true,
    cell: (s) => `${fmtInt(s.n)} / ${fmtInt(s.maxUids)}`,
    sort: (s) => s.n,
    exp: (s) => s.n,
  },
  {
    key: 'owner',
    label: 'Owner',
    cell: (s) => accountLink(s.owner),
    exp: (s) => (s.owner === null ? null : ss58Of(s.owner)),
  },
];

export function subnetsTable(rows: readonly RawDynamicInfo[]): HTMLElement {
  return table({
    id: 'subnets',
    caption: 'Subnets',
    rows,
    empty: 'No subnets.',
    defaultSort: { key: 'netuid', dir: 1 },
    columns: SUBNET_COLUMNS,
  });
}

export const subnetsPage: PageFactory = (node: NodeConnection): Page => {
  const body = new Slot('div');
  return {
    title: 'Subnets',
    mount(main) {
      main.replaceChildren(h('h1', null, 'Subnets'), h('section', { class: 'card' }, body.el));
    },
    async refresh() {
      const all = await node.call<RawDynamicInfo[]>('taonet_allDynamicInfo');
      body.set(subnetsTable(all));
    },
  };
};
