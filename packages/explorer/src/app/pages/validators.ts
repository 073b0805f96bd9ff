/// <reference lib="dom" />
/**
 * Validator health across subnets: when each permitted validator last set weights, its validator
 * trust, and its dividends against its share of stake. A row is flagged when weights are stale
 * (older than the subnet's activity cutoff), dividends fall well below the stake share, or its
 * weights are an exact copy of another validator's that set them earlier.
 */
import { accountLink, h, Slot, ss58Of } from '../dom.js';
import { fmtAlpha, fmtInt, fmtPct, raoToDecimal } from '../format.js';
import { names } from '../names.js';
import type { NodeConnection } from '../node.js';
import {
  METAGRAPH_FIELDS,
  type Page,
  type PageFactory,
  type RawDynamicInfo,
  type RawHyperparameter,
  type RawMetagraph,
} from '../page.js';
import { type Column, table } from '../table.js';
import { type NeuronRow, neuronRows } from './subnet.js';

export interface ValidatorRow extends NeuronRow {
  readonly netuid: number;
  readonly symbol: string;
  readonly cutoff: number;
  readonly copies: number | null;
  readonly issues: readonly string[];
}

/** Dividends below this fraction of the stake share are flagged. */
const DIVIDEND_SLACK = 0.8;

export function validatorRows(d: RawDynamicInfo, mg: RawMetagraph, cutoffBlocks: number, head: number): ValidatorRow[] {
  const rows = neuronRows(mg, head).filter((r) => r.permit);
  return rows.map((r) => {
    const key = JSON.stringify(r.weights);
    const copied =
      r.weights.length === 0
        ? undefined
        : rows.find((o) => o.uid !== r.uid && o.lastUpdate < r.lastUpdate && JSON.stringify(o.weights) === key);
    const issues: string[] = [];
    if (r.weights.length === 0) issues.push('no weights');
    else if (r.since > cutoffBlocks) issues.push('stale weights');
    if (r.stakeWeight > 0 && r.dividends < r.stakeWeight * DIVIDEND_SLACK) issues.push('dividends below stake share');
    if (copied !== undefined) issues.push(`copies UID ${copied.uid}`);
    return { ...r, netuid: d.netuid, symbol: d.symbol, cutoff: cutoffBlocks, copies: copied?.uid ?? null, issues };
  });
}

const VALIDATOR_COLUMNS: readonly Column<ValidatorRow>[] = [
  {
    key: 'netuid',
    label: 'Subnet',
    num: true,
    cell: (r) => h('a', { href: `#/subnet/${r.netuid}` }, `SN${r.netuid}`),
    sort: (r) => r.netuid * 100_000 + r.uid,
    exp: (r) => r.netuid,
  },
  { key: 'uid', label: 'UID', num: true, cell: (r) => r.uid, sort: (r) => r.uid, exp: (r) => r.uid },
  { key: 'hotkey', label: 'Hotkey', cell: (r) => accountLink(r.hotkey), exp: (r) => ss58Of(r.hotkey) },
  {
    key: 'stake_alpha',
    label: 'Stake',
    num: true,
    cell: (r) => fmtAlpha(r.stake, r.netuid, r.symbol),
    sort: (r) => r.stake,
    exp: (r) => raoToDecimal(r.stake),
  },
  {
    key: 'stake_share',
    label: 'Stake share',
    num: true,
    cell: (r) => fmtPct(r.stakeWeight),
    sort: (r) => r.stakeWeight,
    exp: (r) => r.stakeWeight,
  },
  {
    key: 'dividends',
    label: 'Dividends',
    num: true,
    cell: (r) =>
      h('span', { class: r.dividends < r.stakeWeight * DIVIDEND_SLACK ? 'bad' : undefined }, fmtPct(r.dividends)),
    sort: (r) => r.dividends,
    exp: (r) => r.dividends,
  },
  {
    key: 'vtrust',
    label: 'VTrust',
    num: true,
    cell: (r) => fmtPct(r.vtrust),
    sort: (r) => r.vtrust,
    exp: (r) => r.vtrust,
  },
  {
    key: 'last_update',
    label: 'Last update',
    num: true,
    cell: (r) => h('span', { class: r.since > r.cutoff ? 'bad' : undefined }, `${fmtInt(r.since)} blk ago`),
    sort: (r) => r.since,
    exp: (r) => r.lastUpdate,
  },
  {
    key: 'cutoff_blocks',
    label: 'Cutoff',
    num: true,
    cell: (r) => `${fmtInt(r.cutoff)} blk`,
    exp: (r) => r.cutoff,
  },
  {
    key: 'health',
    label: 'Health',
    cell: (r) =>
      r.issues.length === 0
        ? h('span', { class: 'good' }, 'healthy')
        : h('span', { class: 'bad' }, r.issues.join(', ')),
    sort: (r) => r.issues.length,
    exp: (r) => (r.issues.length === 0 ? 'healthy' : r.issues.join('; ')),
  },
];

/** The loader: every permitted validator of every subnet with neurons, checked against its subnet. */
async function loadValidators(node: NodeConnection): Promise<ValidatorRow[]> {
  const head = node.head?.number ?? 0;
  const subnets = (await node.call<RawDynamicInfo[]>('taonet_allDynamicInfo')).filter((s) => s.netuid !== 0 && s.n > 0);
  const per = await Promise.all(
    subnets.map(async (d) => {
      const [mg, hp] = await Promise.all([
        node.call<RawMetagraph | null>('taonet_metagraph', [d.netuid, METAGRAPH_FIELDS]),
        node.call<RawHyperparameter[] | null>('taonet_hyperparameters', [d.netuid]),
      ]);
      if (mg === null) return [];
      names.learnOwners(mg);
      const factor = Number(hp?.find((p) => p.name === 'activityCutoffFactorMilli')?.value ?? 13889);
      const cutoff = Math.floor((d.tempo * factor) / 1000);
      return validatorRows(d, mg, cutoff, head);
    }),
  );
  return per.flat();
}

function renderValidators(rows: readonly ValidatorRow[]): HTMLElement {
  return table({
    id: 'validators',
    caption: 'Validators',
    rows,
    empty: 'No validators yet: permits are given at a subnet’s first epoch.',
    defaultSort: { key: 'netuid', dir: 1 },
    rowClass: (r) => (r.issues.length > 0 ? 'row-warn' : undefined),
    columns: VALIDATOR_COLUMNS,
  });
}

export const validatorsPage: PageFactory = (node: NodeConnection): Page => {
  const body = new Slot('div');
  return {
    title: 'Validators',
    mount(main) {
      main.replaceChildren(
        h('h1', null, 'Validator health'),
        h(
          'p',
          { class: 'lede' },
          'Every neuron holding a validator permit. Flags: weights older than the subnet’s activity cutoff, dividends under 80% of the stake share, no weights, or weights identical to an earlier validator’s (a copier).',
        ),
        h('section', { class: 'card' }, body.el),
      );
    },
    async refresh() {
      body.set(renderValidators(await loadValidators(node)));
    },
  };
};
