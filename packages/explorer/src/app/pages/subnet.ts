/// <reference lib="dom" />
/**
 * One subnet: price and reserves history (recorded by the explorer server), the emission split,
 * its mechanisms, its timelocked commits (pending and failed reveals), the metagraph, a weights
 * heatmap, hyperparameters with explanations, and registrations.
 */
import type { HistoryResponse, Registration, SubnetPoint, Trade } from '../api-types.js';
import { LineChart } from '../chart.js';
import { accountLink, blockLink, type Child, empty, errorBox, h, Slot, section, ss58Of, stat } from '../dom.js';
import {
  fmtAlpha,
  fmtInt,
  fmtNumber,
  fmtPct,
  fmtPrice,
  fmtTao,
  raoToDecimal,
  u16ToFraction,
  u64f64ToNumber,
} from '../format.js';
import { api, type NodeConnection } from '../node.js';
import {
  big,
  METAGRAPH_FIELDS,
  type Page,
  type PageFactory,
  type RawDynamicInfo,
  type RawHyperparameter,
  type RawMetagraph,
  type RawNetworkInfo,
} from '../page.js';
import { names } from '../names.js';
import { type Column, table } from '../table.js';
import { loadMechanisms, type MechanismsData, renderMechanisms } from './mechanisms.js';
import { loadTimelocked, renderTimelocked, type TimelockedData } from './timelocked-commits.js';
import { flowRao, marketCap } from './subnets.js';

const MAX_POINTS = 3000;

export interface NeuronRow {
  readonly uid: number;
  readonly hotkey: string;
  readonly coldkey: string | null;
  readonly stake: bigint;
  readonly stakeWeight: number;
  readonly incentive: number;
  readonly dividends: number;
  readonly emission: bigint;
  readonly vtrust: number;
  readonly permit: boolean;
  readonly active: boolean;
  readonly lastUpdate: number;
  readonly since: number;
  readonly registeredAt: number;
  readonly axon: string | null;
  readonly weights: readonly (readonly [number, number])[];
}

export function neuronRows(mg: RawMetagraph, head: number): NeuronRow[] {
  return Array.from({ length: mg.n }, (_, uid) => {
    const last = Number(mg.lastUpdate[uid] ?? 0);
    const ax = mg.axons[uid] ?? null;
    return {
      uid,
      hotkey: mg.hotkeys[uid] ?? '',
      coldkey: mg.coldkeys[uid] ?? null,
      stake: big(mg.alphaStake[uid]),
      stakeWeight: u16ToFraction(mg.stakeWeight[uid] ?? 0),
      incentive: u16ToFraction(mg.incentive[uid] ?? 0),
      dividends: u16ToFraction(mg.dividends[uid] ?? 0),
      emission: big(mg.emission[uid]),
      vtrust: u16ToFraction(mg.validatorTrust[uid] ?? 0),
      permit: mg.validatorPermit[uid] ?? false,
      active: mg.active[uid] ?? false,
      lastUpdate: last,
      since: Math.max(0, head - last),
      registeredAt: Number(mg.blockAtRegistration[uid] ?? 0),
      axon: ax === null || (ax.ip === '0.0.0.0' && ax.port === 0) ? null : `${ax.ip}:${ax.port}`,
      weights: mg.weights?.[uid] ?? [],
    };
  });
}

const IDENTITY_COLUMNS: readonly Column<NeuronRow>[] = [
  { key: 'uid', label: 'UID', num: true, cell: (r) => r.uid, sort: (r) => r.uid, exp: (r) => r.uid },
  {
    key: 'hotkey',
    label: 'Hotkey',
    cell: (r) => accountLink(r.hotkey),
    sort: (r) => ss58Of(r.hotkey),
    exp: (r) => ss58Of(r.hotkey),
  },
  {
    key: 'coldkey',
    label: 'Coldkey',
    cell: (r) => accountLink(r.coldkey),
    sort: (r) => ss58Of(r.coldkey),
    exp: (r) => ss58Of(r.coldkey),
  },
];

const SCORE_COLUMNS: readonly Column<NeuronRow>[] = [
  {
    key: 'incentive',
    label: 'Incentive',
    num: true,
    cell: (r) => fmtPct(r.incentive),
    sort: (r) => r.incentive,
    exp: (r) => r.incentive,
  },
  {
    key: 'dividends',
    label: 'Dividends',
    num: true,
    cell: (r) => fmtPct(r.dividends),
    sort: (r) => r.dividends,
    exp: (r) => r.dividends,
  },
];

const STATE_COLUMNS: readonly Column<NeuronRow>[] = [
  {
    key: 'vtrust',
    label: 'VTrust',
    num: true,
    cell: (r) => fmtPct(r.vtrust),
    sort: (r) => r.vtrust,
    exp: (r) => r.vtrust,
  },
  {
    key: 'validator_permit',
    label: 'Permit',
    cell: (r) => (r.permit ? h('span', { class: 'good', title: 'validator permit' }, '✓ validator') : '—'),
    sort: (r) => r.permit,
    exp: (r) => r.permit,
  },
  {
    key: 'blocks_since_update',
    label: 'Updated',
    num: true,
    help: 'blocks since the neuron last set weights (or registered)',
    cell: (r) => `${fmtInt(r.since)} blk`,
    sort: (r) => r.since,
    exp: (r) => r.since,
  },
  {
    key: 'axon',
    label: 'Axon',
    cell: (r) => (r.axon === null ? '—' : h('span', { class: 'mono' }, r.axon)),
    sort: (r) => r.axon,
    exp: (r) => r.axon,
  },
];

/** Stake and emission, in this subnet's alpha. */
function alphaColumns(d: RawDynamicInfo): { stake: Column<NeuronRow>; emission: Column<NeuronRow> } {
  const a = (rao: bigint): string => fmtAlpha(rao, d.netuid, d.symbol);
  return {
    stake: {
      key: 'stake_alpha',
      label: 'Stake',
      num: true,
      cell: (r) => a(r.stake),
      sort: (r) => r.stake,
      exp: (r) => raoToDecimal(r.stake),
    },
    emission: {
      key: 'emission_alpha',
      label: 'Emission',
      num: true,
      help: 'alpha earned in the last epoch',
      cell: (r) => a(r.emission),
      sort: (r) => r.emission,
      exp: (r) => raoToDecimal(r.emission),
    },
  };
}

function metagraphTable(rows: readonly NeuronRow[], d: RawDynamicInfo): HTMLElement {
  const { stake, emission } = alphaColumns(d);
  return table({
    id: `metagraph-${d.netuid}`,
    caption: 'Metagraph',
    rows,
    empty: 'No neurons registered yet.',
    defaultSort: { key: 'uid', dir: 1 },
    columns: [...IDENTITY_COLUMNS, stake, ...SCORE_COLUMNS, emission, ...STATE_COLUMNS],
  });
}

/** Validators (rows) × neurons (columns), each cell the row-normalised weight. */
function heatmap(rows: readonly NeuronRow[]): HTMLElement {
  const setters = rows.filter((r) => r.weights.length > 0);
  if (setters.length === 0) return empty('No weights set yet.');
  const cols = [...new Set(setters.flatMap((r) => r.weights.map(([c]) => c)))].sort((x, y) => x - y);
  const body = setters.map((r) => {
    const sum = r.weights.reduce((s, [, w]) => s + w, 0) || 1;
    const byCol = new Map(r.weights.map(([c, w]) => [c, w / sum]));
    return h(
      'tr',
      null,
      h('th', { scope: 'row' }, `UID ${r.uid}`),
      cols.map((c) => {
        const w = byCol.get(c) ?? 0;
        return h(
          'td',
          {
            class: 'heat',
            style: `background: rgba(88, 166, 255, ${(0.08 + 0.92 * w).toFixed(3)})`,
            title: `UID ${r.uid} → UID ${c}: ${fmtPct(w)}`,
          },
          w === 0 ? '' : fmtPct(w),
        );
      }),
    );
  });
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'heatmap', 'aria-label': 'Weights heatmap: validators (rows) by neurons (columns)' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'from \\ to'),
          cols.map((c) => h('th', { scope: 'col' }, `UID ${c}`)),
        ),
      ),
      h('tbody', null, body),
    ),
  );
}

function emissionSplit(d: RawDynamicInfo, ownerCutU16: number): HTMLElement {
  const owner = ownerCutU16 / 65535;
  const rest = (1 - owner) / 2;
  const pend = [
    { k: 'Miners', v: big(d.pendingServer), c: 'c-miner' },
    { k: 'Validators', v: big(d.pendingValidator), c: 'c-val' },
    { k: 'Root', v: big(d.pendingRoot), c: 'c-root' },
    { k: 'Owner', v: big(d.pendingOwnerCut), c: 'c-owner' },
  ];
  const total = pend.reduce((s, p) => s + p.v, 0n);
  const share = (v: bigint): number => (total === 0n ? 0 : Number((v * 1_000_000n) / total) / 1_000_000);
  return h(
    'div',
    { class: 'split' },
    h(
      'p',
      null,
      `Each epoch the subnet's alpha emission goes ${fmtPct(owner)} to the owner, then ${fmtPct(rest)} to miners (by incentive) and ${fmtPct(rest)} to validators (by dividends; root stakers take their part of the validators' share).`,
    ),
    h(
      'div',
      { class: 'stack', role: 'img', 'aria-label': 'Alpha accumulated this tempo, by recipient' },
      pend.map((p) => h('div', { class: `stack-part ${p.c}`, style: `width:${(share(p.v) * 100).toFixed(3)}%` })),
    ),
    h(
      'ul',
      { class: 'legend' },
      pend.map((p) =>
        h(
          'li',
          null,
          h('span', { class: `dot ${p.c}`, 'aria-hidden': 'true' }),
          `${p.k}: ${fmtAlpha(p.v, d.netuid, d.symbol)} (${fmtPct(share(p.v))})`,
        ),
      ),
    ),
    h(
      'p',
      { class: 'note' },
      `Accumulated since the last epoch (block ${fmtInt(Number(d.lastEpochBlock))}); paid out at the next one.`,
    ),
  );
}

function hpValue(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  if (typeof v === 'number') return fmtInt(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return fmtInt(BigInt(v));
  return JSON.stringify(v);
}

function hyperTable(netuid: number, hp: readonly RawHyperparameter[]): HTMLElement {
  return table({
    id: `hyperparameters-${netuid}`,
    caption: 'Hyperparameters',
    rows: hp,
    empty: 'No hyperparameters.',
    columns: [
      { key: 'name', label: 'Name', cell: (p) => h('code', null, p.name), sort: (p) => p.name, exp: (p) => p.name },
      {
        key: 'value',
        label: 'Value',
        num: true,
        cell: (p) => hpValue(p.value),
        exp: (p) => (typeof p.value === 'object' ? JSON.stringify(p.value) : (p.value as string | number | boolean)),
      },
      { key: 'description', label: 'What it does', cell: (p) => p.description, exp: (p) => p.description },
      {
        key: 'range',
        label: 'Range',
        cell: (p) =>
          p.min === undefined && p.max === undefined
            ? '—'
            : `${p.min === undefined ? '' : hpValue(p.min)} … ${p.max === undefined ? '' : hpValue(p.max)}`,
        exp: (p) => `${p.min ?? ''}..${p.max ?? ''}`,
      },
      {
        key: 'owner_settable',
        label: 'Owner sets',
        cell: (p) => (p.ownerSettable ? 'yes' : 'admin only'),
        sort: (p) => p.ownerSettable,
        exp: (p) => p.ownerSettable,
      },
    ],
  });
}

function registrationsTable(netuid: number, regs: readonly Registration[], from: number | null): HTMLElement {
  return table({
    id: `registrations-${netuid}`,
    caption: 'Registrations',
    rows: regs,
    empty: 'No registrations in the blocks the explorer has indexed.',
    defaultSort: { key: 'block', dir: -1 },
    note:
      from === null
        ? undefined
        : `From block ${fmtInt(from)} on (the explorer indexes recent blocks' events at start, then every new block).`,
    columns: [
      {
        key: 'block',
        label: 'Block',
        num: true,
        cell: (r) => blockLink(r.block),
        sort: (r) => r.block,
        exp: (r) => r.block,
      },
      {
        key: 'time',
        label: 'Time',
        cell: (r) => new Date(r.time).toLocaleString('en-GB'),
        sort: (r) => r.time,
        exp: (r) => new Date(r.time).toISOString(),
      },
      { key: 'uid', label: 'UID', num: true, cell: (r) => r.uid, sort: (r) => r.uid, exp: (r) => r.uid },
      { key: 'hotkey', label: 'Hotkey', cell: (r) => accountLink(r.hotkey), exp: (r) => ss58Of(r.hotkey) },
      {
        key: 'replaced',
        label: 'Replaced',
        cell: (r) => accountLink(r.replaced),
        exp: (r) => (r.replaced === null ? null : ss58Of(r.replaced)),
      },
    ],
  });
}

function tradesTable(d: RawDynamicInfo, trades: readonly Trade[], from: number | null): HTMLElement {
  const price = (t: Trade): bigint => (big(t.alpha) === 0n ? 0n : (big(t.tao) * 1_000_000_000n) / big(t.alpha));
  return table({
    id: `trades-${d.netuid}`,
    caption: 'Stakes and unstakes',
    rows: trades,
    empty: 'No stakes or unstakes in the blocks the explorer has indexed.',
    defaultSort: { key: 'block', dir: -1 },
    note:
      from === null
        ? undefined
        : `From block ${fmtInt(from)} on, read from block events: the execution price is the TAO paid (or received) per alpha, fee included.`,
    columns: [
      {
        key: 'block',
        label: 'Block',
        num: true,
        cell: (t) => blockLink(t.block),
        sort: (t) => t.block,
        exp: (t) => t.block,
      },
      { key: 'side', label: 'Side', cell: (t) => t.side, sort: (t) => t.side, exp: (t) => t.side },
      { key: 'coldkey', label: 'Coldkey', cell: (t) => accountLink(t.coldkey), exp: (t) => ss58Of(t.coldkey) },
      { key: 'hotkey', label: 'Hotkey', cell: (t) => accountLink(t.hotkey), exp: (t) => ss58Of(t.hotkey) },
      {
        key: 'tao',
        label: 'TAO',
        num: true,
        cell: (t) => fmtTao(big(t.tao)),
        sort: (t) => big(t.tao),
        exp: (t) => raoToDecimal(big(t.tao)),
      },
      {
        key: 'alpha',
        label: 'Alpha',
        num: true,
        cell: (t) => fmtAlpha(big(t.alpha), d.netuid, d.symbol),
        sort: (t) => big(t.alpha),
        exp: (t) => raoToDecimal(big(t.alpha)),
      },
      {
        key: 'price_tao',
        label: 'Execution price',
        num: true,
        cell: (t) => `${fmtTao(price(t))} / ${d.symbol}`,
        sort: (t) => price(t),
        exp: (t) => raoToDecimal(price(t)),
      },
    ],
  });
}

const RECORDING_NOTE = 'Recording: the explorer records the pool every block from when it started.';

function priceChartOf(): LineChart {
  return new LineChart(
    'Alpha price (τ per alpha)',
    [
      { label: 'spot price', stroke: '#58a6ff', decimals: 6 },
      { label: 'stake/unstake price', stroke: '#f0b429', pointsOnly: true, decimals: 6 },
    ],
    RECORDING_NOTE,
  );
}

function reserveChartOf(): LineChart {
  return new LineChart(
    'Pool reserves',
    [
      { label: 'TAO reserve (τ)', stroke: '#3fb950', scale: 'tao', decimals: 4 },
      { label: 'alpha reserve', stroke: '#d2a8ff', scale: 'alpha', decimals: 4 },
    ],
    RECORDING_NOTE,
  );
}

/** The spot price per recorded block, with each trade's execution price as a point on its block. */
function paintPrice(chart: LineChart, points: readonly SubnetPoint[], trades: readonly Trade[]): void {
  const tradeAt = new Map<number, number>();
  const first = points[0]?.block ?? Number.POSITIVE_INFINITY;
  // Older (backfilled) trades are listed in the trades table; the chart covers the recorded window.
  for (const t of trades.filter((x) => x.block >= first)) {
    const alpha = big(t.alpha);
    if (alpha > 0n) tradeAt.set(t.block, Number((big(t.tao) * 1_000_000_000n) / alpha) / 1e9);
  }
  const byBlock = new Map(points.map((p) => [p.block, p]));
  const xs = [...new Set([...byBlock.keys(), ...tradeAt.keys()])].sort((x, y) => x - y);
  chart.setData(xs, [
    xs.map((b) => {
      const p = byBlock.get(b);
      return p === undefined ? null : u64f64ToNumber(big(p.price));
    }),
    xs.map((b) => tradeAt.get(b) ?? null),
  ]);
}

function paintReserves(chart: LineChart, points: readonly SubnetPoint[]): void {
  chart.setData(
    points.map((p) => p.block),
    [points.map((p) => Number(big(p.taoIn)) / 1e9), points.map((p) => Number(big(p.alphaIn)) / 1e9)],
  );
}

interface SubnetData {
  readonly d: RawDynamicInfo | null;
  readonly m: RawMetagraph | null;
  readonly hist: HistoryResponse;
  readonly reg: Registration[];
  readonly st: { indexedFrom: number | null };
  readonly mech: MechanismsData | null;
  readonly tl: TimelockedData | null;
}

/** The loader: the node's views of the subnet and the explorer server's history since `since`. */
async function loadSubnet(node: NodeConnection, netuid: number, since: number): Promise<SubnetData> {
  const [d, m, hist, reg, st, mech, tl] = await Promise.all([
    node.call<RawDynamicInfo | null>('taonet_dynamicInfo', [netuid]),
    node.call<RawMetagraph | null>('taonet_metagraph', [netuid, METAGRAPH_FIELDS]),
    api<HistoryResponse>(`/api/history/${netuid}?since=${since}`),
    api<Registration[]>(`/api/registrations/${netuid}`),
    api<{ indexedFrom: number | null }>('/api/status'),
    loadMechanisms(node, netuid),
    loadTimelocked(node, netuid),
  ]);
  if (m !== null) names.learnOwners(m);
  return { d, m, hist, reg, st, mech, tl };
}

function renderTitle(d: RawDynamicInfo): Child[] {
  return [
    h('h1', null, `SN${d.netuid} · ${d.name} `, h('span', { class: 'sym big' }, d.symbol)),
    d.identity?.description ? h('p', { class: 'lede' }, d.identity.description) : null,
  ];
}

function renderCards(d: RawDynamicInfo): Child[] {
  const alpha = (rao: bigint): string => fmtAlpha(rao, d.netuid, d.symbol);
  return [
    stat(
      'Alpha price',
      h('span', { 'data-testid': 'subnet-price' }, fmtPrice(big(d.price), d.symbol)),
      `EMA ${fmtNumber(Number(big(d.movingPrice)) / 2 ** 32, 6)} τ`,
    ),
    stat('TAO reserve', h('span', { 'data-testid': 'subnet-tao-in' }, fmtTao(big(d.taoIn))), 'TAO in the pool'),
    stat('Alpha reserve', alpha(big(d.alphaIn)), `${alpha(big(d.alphaOut))} outstanding`),
    stat('Market cap', fmtTao(marketCap(d), 2), 'alpha supply at spot price'),
    stat(
      'Emission share',
      fmtPct(u64f64ToNumber(big(d.emissionShare))),
      `${fmtTao(big(d.taoEmission))} into the pool last block`,
    ),
    stat('Flow (TaoFlow EMA)', `${fmtTao(flowRao(d))} /blk`, 'smoothed net staking inflow'),
    stat('Tempo', `${fmtInt(d.tempo)} blocks`, `next epoch in ${fmtInt(Number(d.blocksUntilNextEpoch))} blocks`),
    stat(
      'Registration burn',
      d.netuid === 0 ? '—' : fmtTao(big(d.registrationCost)),
      `${fmtInt(d.n)} / ${fmtInt(d.maxUids)} neurons`,
    ),
    stat('Owner', accountLink(d.owner), d.started ? 'trading started' : 'not started yet'),
  ];
}

export const subnetPage: PageFactory = (node: NodeConnection, args): Page => {
  const netuid = Number(args[0]);
  const title = new Slot('div');
  const split = new Slot('div');
  const mechs = new Slot('div');
  const timelocked = new Slot('div');
  const mg = new Slot('div');
  const heat = new Slot('div');
  const hyper = new Slot('div');
  const regs = new Slot('div');
  const tradesSlot = new Slot('div');
  const cards = new Slot('div', 'stats');
  const priceChart = priceChartOf();
  const reserveChart = reserveChartOf();
  let points: SubnetPoint[] = [];
  let ownerCut: number | null = null;
  let hp: RawHyperparameter[] | null = null;
  let hpAt = -Infinity;
  return {
    title: `Subnet ${netuid}`,
    mount(main) {
      main.replaceChildren(
        ...[title.el, cards.el],
        h(
          'section',
          { class: 'card charts' },
          h('h2', null, 'Price and reserves'),
          h('div', { class: 'chart-grid' }, priceChart.el, reserveChart.el),
        ),
        section('Emission split', split.el),
        section('Mechanisms', mechs.el),
        h('section', { class: 'card', 'data-testid': 'timelocked-commits' }, timelocked.el),
        h('section', { class: 'card' }, mg.el),
        section('Weights', heat.el),
        ...[hyper, tradesSlot, regs].map((x) => h('section', { class: 'card' }, x.el)),
      );
    },
    async refresh() {
      const head = node.head?.number ?? 0;
      const { d, m, hist, reg, st, mech, tl } = await loadSubnet(node, netuid, (points.at(-1)?.block ?? -1) + 1);
      if (d === null || m === null) {
        title.set(
          h('h1', null, `Subnet ${netuid}`),
          errorBox(`There is no subnet ${netuid}.`, 'See the Subnets page for the ones that exist.'),
        );
        cards.set();
        return;
      }
      if (ownerCut === null) ownerCut = (await node.call<RawNetworkInfo>('taonet_networkInfo')).params.subnetOwnerCut;
      if (hp === null || head - hpAt >= 10) {
        hp = await node.call<RawHyperparameter[] | null>('taonet_hyperparameters', [netuid]);
        hpAt = head;
      }
      points = [...points, ...hist.points].slice(-MAX_POINTS);
      title.set(...renderTitle(d));
      cards.set(renderCards(d));
      paintPrice(priceChart, points, hist.trades);
      paintReserves(reserveChart, points);
      split.set(emissionSplit(d, ownerCut));
      mechs.set(...(mech === null ? [] : renderMechanisms(d, mech)));
      // Shown where commit-reveal is on, or commits or failures remain from when it was.
      const showTl =
        tl !== null && (tl.commits.commitRevealEnabled || tl.commits.pending.length + tl.commits.failed.length > 0);
      timelocked.set(...(showTl ? [h('h2', null, 'Timelocked commits'), ...renderTimelocked(d, tl)] : []));
      const rows = neuronRows(m, Number(m.block));
      mg.set(metagraphTable(rows, d));
      heat.set(heatmap(rows));
      hyper.set(hp === null ? empty('No hyperparameters.') : hyperTable(netuid, hp));
      regs.set(registrationsTable(netuid, reg, st.indexedFrom));
      tradesSlot.set(tradesTable(d, hist.trades, st.indexedFrom));
    },
    destroy() {
      priceChart.destroy();
      reserveChart.destroy();
    },
  };
};
