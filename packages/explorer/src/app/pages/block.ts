/// <reference lib="dom" />
/** Blocks: the recent list, and one block with its extrinsics, events and decoded errors. */
import { accountLink, blockLink, type Child, errorBox, h, link, Slot, section, ss58Of, stat } from '../dom.js';
import { eventAmountText, fmtInt, fmtTao, raoToDecimal, shortHash } from '../format.js';
import type { NodeConnection, RawBlock, RawError, RawEvent, RawResult } from '../node.js';
import { big, type Page, type PageFactory } from '../page.js';
import { type Column, table } from '../table.js';
import { blocksTable } from './network.js';

export const blocksPage: PageFactory = (node: NodeConnection): Page => {
  const body = new Slot('div');
  const pool = new Slot('div');
  return {
    title: 'Blocks',
    mount(main) {
      main.replaceChildren(
        h('h1', null, 'Blocks'),
        h('section', { class: 'card' }, pool.el),
        h('section', { class: 'card' }, body.el),
      );
    },
    async refresh() {
      const pending = await node.call<PendingExtrinsic[]>('taonet_pendingExtrinsics', []);
      pool.set(pendingTable(pending));
      body.set(blocksTable('blocks', node.recentBlocks(100), 'Latest blocks'));
    },
  };
};

/** What the node's pool holds: for a MEV-shield carrier, only that it is encrypted and its size. */
interface PendingExtrinsic {
  readonly hash: string;
  readonly signer: string;
  readonly nonce: string;
  readonly call: { readonly method: string; readonly args: Record<string, unknown> };
  readonly bytes: number;
}

const isCarrier = (method: string): boolean => method === 'submit_encrypted';

function pendingTable(rows: readonly PendingExtrinsic[]): HTMLElement {
  return table({
    id: 'pending',
    caption: 'Waiting in the pool',
    rows,
    empty: 'Nothing is waiting: every submitted extrinsic is in a block.',
    columns: [
      {
        key: 'hash',
        label: 'Hash',
        cell: (x) =>
          link(`#/extrinsic/${x.hash}`, h('span', { class: 'mono' }, shortHash(x.hash)), `Extrinsic ${x.hash}`),
        exp: (x) => x.hash,
      },
      { key: 'signer', label: 'Signer', cell: (x) => accountLink(x.signer), exp: (x) => ss58Of(x.signer) },
      { key: 'nonce', label: 'Nonce', num: true, cell: (x) => x.nonce, exp: (x) => x.nonce },
      { key: 'method', label: 'Call', cell: (x) => h('code', null, x.call.method), exp: (x) => x.call.method },
      {
        key: 'content',
        label: 'Content',
        cell: (x) =>
          isCarrier(x.call.method)
            ? h(
                'span',
                { class: 'muted' },
                `encrypted (${fmtInt(x.bytes)} bytes): what it carries shows once its block is built`,
              )
            : eventData(x.call.args),
        exp: (x) => (isCarrier(x.call.method) ? 'encrypted' : JSON.stringify(x.call.args)),
      },
    ],
  });
}

/** Event data made readable: accounts as links, amounts in τ or α (exact rao in the exports). */
export function eventData(d: Record<string, unknown>): Child {
  const parts = Object.entries(d).map(([k, v]) => {
    let val: Child;
    const amount = eventAmountText(k, v, d);
    if (typeof v === 'string' && /^0x[0-9a-f]{64}$/.test(v)) val = accountLink(v);
    else if (amount !== null) val = amount;
    else if (v !== null && typeof v === 'object') val = h('code', null, JSON.stringify(v));
    else val = String(v);
    return h('span', { class: 'kv' }, h('span', { class: 'k' }, `${k}: `), val);
  });
  return h('span', { class: 'event-data' }, parts);
}

export function eventsList(events: readonly RawEvent[]): Child {
  if (events.length === 0) return h('span', { class: 'muted' }, 'none');
  return h(
    'ul',
    { class: 'events' },
    events.map((e) => h('li', null, h('strong', null, e.name), ' ', eventData(e.data))),
  );
}

export function errorText(e: RawError | undefined): Child {
  if (e === undefined) return h('span', { class: 'bad' }, 'failed');
  return h(
    'div',
    { class: 'decoded-error' },
    h('strong', { class: 'bad' }, e.code),
    h('div', null, e.explanation),
    e.hint === undefined ? null : h('div', { class: 'muted' }, `hint: ${e.hint}`),
  );
}

interface XRow {
  readonly index: number;
  readonly hash: string;
  /** MEV shield: the carrier's inner, or the inner's carrier, in this block (index and hash). */
  readonly carries: { index: number; hash: string } | null;
  readonly carriedBy: { index: number; hash: string } | null;
  readonly signer: string;
  readonly method: string;
  readonly args: Record<string, unknown>;
  readonly ok: boolean;
  readonly fee: bigint;
  readonly error: RawError | undefined;
  readonly events: readonly RawEvent[];
}

const EXTRINSIC_COLUMNS: readonly Column<XRow>[] = [
  { key: 'index', label: '#', num: true, cell: (x) => x.index, sort: (x) => x.index, exp: (x) => x.index },
  {
    key: 'method',
    label: 'Call',
    cell: (x) => [h('code', null, x.method), shieldNote(x)],
    sort: (x) => x.method,
    exp: (x) => x.method,
  },
  { key: 'signer', label: 'Signer', cell: (x) => accountLink(x.signer), exp: (x) => ss58Of(x.signer) },
  { key: 'args', label: 'Arguments', cell: (x) => eventData(x.args), exp: (x) => JSON.stringify(x.args) },
  {
    key: 'result',
    label: 'Result',
    cell: (x) => (x.ok ? h('span', { class: 'good' }, 'ok') : errorText(x.error)),
    sort: (x) => (x.ok ? '' : (x.error?.code ?? '?')),
    exp: (x) => (x.ok ? 'ok' : `${x.error?.code ?? 'failed'}: ${x.error?.explanation ?? ''}`),
  },
  {
    key: 'events',
    label: 'Events',
    cell: (x) => eventsList(x.events),
    exp: (x) => x.events.map((e) => e.name).join(' '),
  },
  {
    key: 'fee_tao',
    label: 'Fee',
    num: true,
    cell: (x) => fmtTao(x.fee),
    sort: (x) => x.fee,
    exp: (x) => raoToDecimal(x.fee),
  },
  {
    key: 'hash',
    label: 'Hash',
    cell: (x) => link(`#/extrinsic/${x.hash}`, h('span', { class: 'mono' }, shortHash(x.hash)), `Extrinsic ${x.hash}`),
    exp: (x) => x.hash,
  },
];

/** Under a carrier's or an inner's call: the other half, linked to its extrinsic page. */
function shieldNote(x: XRow): Child {
  const to = (o: { index: number; hash: string }, text: string) =>
    h(
      'div',
      { class: 'shield-link muted' },
      link(`#/extrinsic/${o.hash}`, `${text} #${o.index}`, `Extrinsic ${o.hash}`),
    );
  if (x.carries !== null) return to(x.carries, 'carried →');
  if (x.carriedBy !== null) return to(x.carriedBy, '← carried by');
  return null;
}

interface BlockData {
  readonly b: RawBlock;
  readonly r: RawResult | null;
}

/** The loader: the block with its decoded extrinsics, and what each extrinsic did. */
async function loadBlock(node: NodeConnection, n: number): Promise<BlockData> {
  const [b, r] = await Promise.all([
    node.call<RawBlock>('taonet_getBlock', [n]),
    node.call<RawResult | null>('taonet_getEvents', [n]),
  ]);
  return { b, r };
}

function renderNotYet(n: number, top: number): HTMLElement[] {
  return [
    h('h1', null, `Block #${fmtInt(n)}`),
    errorBox(
      `Block #${fmtInt(n)} is not produced yet.`,
      `The head is #${fmtInt(top)}; this page updates when it arrives.`,
    ),
  ];
}

function renderHead(n: number, top: number): HTMLElement {
  return h(
    'div',
    { class: 'title-row' },
    h('h1', null, `Block #${fmtInt(n)}`),
    h(
      'nav',
      { class: 'pager', 'aria-label': 'Block navigation' },
      n > 0 ? link(`#/block/${n - 1}`, '← previous', `Block ${n - 1}`) : null,
      n < top ? link(`#/block/${n + 1}`, 'next →', `Block ${n + 1}`) : null,
    ),
  );
}

function renderCards({ b, r }: BlockData, n: number, finalized: number): HTMLElement[] {
  const failed = r?.extrinsics.filter((x) => !x.ok).length ?? 0;
  return [
    stat('Hash', h('span', { class: 'mono', title: b.hash ?? '' }, shortHash(b.hash ?? '', 10))),
    stat('Time', new Date(Number(b.header.timestamp)).toLocaleString('en-GB')),
    stat(
      'Finality',
      n <= finalized ? h('span', { class: 'good' }, 'finalized') : h('span', { class: 'muted' }, 'not final yet'),
    ),
    stat('Author', accountLink(b.header.author)),
    stat('Parent', n > 0 ? blockLink(n - 1) : '—', h('span', { class: 'mono' }, shortHash(b.header.parentHash))),
    stat(
      'Extrinsics',
      fmtInt(b.extrinsics.length),
      failed > 0 ? h('span', { class: 'bad' }, `${failed} failed`) : 'all ok',
    ),
  ];
}

/** Each extrinsic beside its result. */
function extrinsicRows({ b, r }: BlockData): XRow[] {
  const at = (hash: string | undefined) => {
    const index = hash === undefined ? -1 : b.extrinsics.findIndex((y) => y.hash === hash);
    return hash === undefined || index < 0 ? null : { index, hash };
  };
  return b.extrinsics.map((x, i) => {
    const res = r?.extrinsics[i];
    return {
      index: i,
      hash: x.hash,
      carries: at(x.carries),
      carriedBy: at(x.carriedBy),
      signer: x.signer,
      method: x.call.method,
      args: x.call.args,
      ok: res?.ok ?? false,
      fee: big(res?.fee ?? '0'),
      error: res?.error,
      events: res?.events ?? [],
    };
  });
}

function renderExtrinsics(d: BlockData): HTMLElement {
  return table({
    id: 'block-extrinsics',
    caption: 'Extrinsics',
    rows: extrinsicRows(d),
    empty: 'No extrinsics in this block.',
    defaultSort: { key: 'index', dir: 1 },
    rowClass: (x) => (x.ok ? undefined : 'row-bad'),
    columns: EXTRINSIC_COLUMNS,
  });
}

export const blockPage: PageFactory = (node: NodeConnection, args): Page => {
  const n = Number(args[0]);
  const head = new Slot('div');
  const cards = new Slot('div', 'stats');
  const xs = new Slot('div');
  const evs = new Slot('div');
  let cached: BlockData | null = null;
  return {
    title: `Block ${n}`,
    mount(main) {
      main.replaceChildren(head.el, cards.el, h('section', { class: 'card' }, xs.el), section('Block events', evs.el));
    },
    async refresh() {
      const top = node.head?.number ?? 0;
      if (!Number.isSafeInteger(n) || n < 0) {
        head.set(h('h1', null, 'Block'), errorBox(`'${args[0] ?? ''}' is not a block number.`));
        return;
      }
      if (cached === null) {
        if (n > top && top > 0) {
          head.set(...renderNotYet(n, top));
          for (const slot of [cards, xs, evs]) slot.set();
          return;
        }
        cached = await loadBlock(node, n);
      }
      head.set(renderHead(n, top));
      cards.set(...renderCards(cached, n, node.finalized ?? 0));
      xs.set(renderExtrinsics(cached));
      evs.set(eventsList(cached.r?.events ?? []));
    },
  };
};
