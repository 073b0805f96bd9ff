/// <reference lib="dom" />
/**
 * An account: its on-chain name; free TAO; stake per subnet and hotkey in that subnet's alpha, with
 * its TAO value at spot shown apart; totals that add alpha only within one subnet and TAO only to
 * TAO; for a hotkey, its child and parent hotkeys; and the account's recent extrinsics (indexed by
 * the explorer server).
 */
import type { AccountInfoReply, StakePositionReply } from '@taonet/primitives';
import { toAccountHex, toSs58 } from '@taonet/sdk/client';
import type { AccountExtrinsic } from '../api-types.js';
import { accountLink, blockLink, errorBox, h, Slot, ss58Of, stat } from '../dom.js';
import { fmtAlpha, fmtInt, fmtPrice, fmtTao, priceRaoPerAlpha, raoToDecimal } from '../format.js';
import { names } from '../names.js';
import { api, type NodeConnection } from '../node.js';
import { big, type Page, type PageFactory } from '../page.js';
import { type Column, table } from '../table.js';
import { type ChildKeyRow, loadChildKeys, renderChildKeys } from './child-hotkeys.js';

type RawPosition = StakePositionReply;

interface SubnetTotal {
  readonly netuid: number;
  readonly symbol: string;
  readonly alpha: bigint;
  readonly price: bigint;
  readonly taoValue: bigint;
  readonly positions: number;
}

/** Alpha summed per subnet only (never across subnets), with the TAO value summed apart. */
export function subnetTotals(stakes: readonly RawPosition[]): SubnetTotal[] {
  const m = new Map<number, SubnetTotal>();
  for (const p of stakes) {
    const t = m.get(p.netuid);
    m.set(p.netuid, {
      netuid: p.netuid,
      symbol: p.symbol,
      alpha: (t?.alpha ?? 0n) + big(p.alpha),
      price: big(p.price),
      taoValue: (t?.taoValue ?? 0n) + big(p.taoValue),
      positions: (t?.positions ?? 0) + 1,
    });
  }
  return [...m.values()];
}

const POSITION_COLUMNS: readonly Column<RawPosition>[] = [
  {
    key: 'netuid',
    label: 'Subnet',
    num: true,
    cell: (p) => h('a', { href: `#/subnet/${p.netuid}` }, `SN${p.netuid}`),
    sort: (p) => p.netuid,
    exp: (p) => p.netuid,
  },
  {
    key: 'hotkey',
    label: 'Hotkey',
    cell: (p) => accountLink(p.hotkey),
    sort: (p) => ss58Of(p.hotkey),
    exp: (p) => ss58Of(p.hotkey),
  },
  {
    key: 'alpha',
    label: 'Stake (alpha)',
    num: true,
    cell: (p) =>
      h('span', { 'data-testid': `stake-${p.netuid}-${ss58Of(p.hotkey)}` }, fmtAlpha(big(p.alpha), p.netuid, p.symbol)),
    sort: (p) => big(p.alpha),
    exp: (p) => raoToDecimal(big(p.alpha)),
  },
  { key: 'symbol', label: 'Unit', cell: (p) => p.symbol, exp: (p) => p.symbol },
  {
    key: 'price_tao',
    label: 'Price',
    num: true,
    cell: (p) => fmtPrice(big(p.price), p.symbol),
    sort: (p) => big(p.price),
    exp: (p) => raoToDecimal(priceRaoPerAlpha(big(p.price))),
  },
  {
    key: 'tao_value',
    label: 'TAO value (spot)',
    num: true,
    cell: (p) => h('span', { class: 'muted' }, fmtTao(big(p.taoValue))),
    sort: (p) => big(p.taoValue),
    exp: (p) => raoToDecimal(big(p.taoValue)),
  },
  {
    key: 'root_claimable_alpha',
    label: 'Root claimable',
    num: true,
    cell: (p) => fmtAlpha(big(p.rootClaimable), p.netuid, p.symbol),
    sort: (p) => big(p.rootClaimable),
    exp: (p) => raoToDecimal(big(p.rootClaimable)),
  },
];

const TOTAL_COLUMNS: readonly Column<SubnetTotal>[] = [
  {
    key: 'netuid',
    label: 'Subnet',
    num: true,
    cell: (t) => h('a', { href: `#/subnet/${t.netuid}` }, `SN${t.netuid}`),
    sort: (t) => t.netuid,
    exp: (t) => t.netuid,
  },
  {
    key: 'alpha',
    label: 'Alpha',
    num: true,
    cell: (t) => fmtAlpha(t.alpha, t.netuid, t.symbol),
    sort: (t) => t.alpha,
    exp: (t) => raoToDecimal(t.alpha),
  },
  { key: 'symbol', label: 'Unit', cell: (t) => t.symbol, exp: (t) => t.symbol },
  {
    key: 'tao_value',
    label: 'TAO value (spot)',
    num: true,
    cell: (t) => fmtTao(t.taoValue),
    sort: (t) => t.taoValue,
    exp: (t) => raoToDecimal(t.taoValue),
  },
  {
    key: 'positions',
    label: 'Hotkeys',
    num: true,
    cell: (t) => t.positions,
    sort: (t) => t.positions,
    exp: (t) => t.positions,
  },
];

const EXTRINSIC_COLUMNS: readonly Column<AccountExtrinsic>[] = [
  {
    key: 'block',
    label: 'Block',
    num: true,
    cell: (x) => blockLink(x.block),
    sort: (x) => x.block * 10_000 + x.index,
    exp: (x) => x.block,
  },
  { key: 'index', label: '#', num: true, cell: (x) => x.index, exp: (x) => x.index },
  {
    key: 'time',
    label: 'Time',
    cell: (x) => new Date(x.time).toLocaleString('en-GB'),
    sort: (x) => x.time,
    exp: (x) => new Date(x.time).toISOString(),
  },
  {
    key: 'method',
    label: 'Call',
    cell: (x) =>
      x.incoming === undefined
        ? h('code', null, x.method)
        : h('span', null, 'received ', fmtTao(big(x.incoming.amount)), ' from ', accountLink(x.incoming.from)),
    sort: (x) => x.method,
    exp: (x) => (x.incoming === undefined ? x.method : `received from ${toSs58(x.incoming.from)}`),
  },
  {
    key: 'result',
    label: 'Result',
    cell: (x) =>
      x.ok
        ? h('span', { class: 'good' }, 'ok')
        : h('span', { class: 'bad', title: x.error?.explanation ?? '' }, `failed: ${x.error?.code ?? 'unknown'}`),
    sort: (x) => (x.ok ? '' : (x.error?.code ?? '?')),
    exp: (x) => (x.ok ? 'ok' : (x.error?.code ?? 'failed')),
  },
  {
    key: 'fee_tao',
    label: 'Fee',
    num: true,
    cell: (x) => (x.incoming === undefined ? fmtTao(big(x.fee)) : h('span', { class: 'muted' }, 'paid by sender')),
    exp: (x) => raoToDecimal(big(x.fee)),
  },
  {
    key: 'hash',
    label: 'Hash',
    cell: (x) => h('span', { class: 'mono', title: x.hash }, `${x.hash.slice(0, 10)}…`),
    exp: (x) => x.hash,
  },
];

interface AccountData {
  readonly hex: string;
  readonly account: AccountInfoReply;
  readonly extrinsics: readonly AccountExtrinsic[];
  readonly childKeys: readonly ChildKeyRow[];
}

/** The loader: the node's account and child hotkey views and the explorer server's index of its extrinsics. */
async function loadAccount(node: NodeConnection, hex: string): Promise<AccountData> {
  const [account, extrinsics, childKeys] = await Promise.all([
    node.call<AccountInfoReply>('taonet_accountInfo', [hex]),
    api<AccountExtrinsic[]>(`/api/account/${hex}/extrinsics`),
    loadChildKeys(node, hex),
  ]);
  return { hex, account, extrinsics, childKeys };
}

function renderHead(hex: string): HTMLElement[] {
  const ss58 = toSs58(hex);
  const name = names.nameOf(ss58);
  const own = names.isOwnIdentity(ss58);
  return [
    h('h1', { 'data-testid': 'account-name' }, name === null ? 'Account' : own ? name : `Hotkey of ${name}`),
    h('p', { class: 'mono addr' }, ss58),
    h('p', { class: 'mono muted small' }, hex),
  ];
}

function renderCards(a: AccountInfoReply): HTMLElement[] {
  const free = big(a.free);
  const staked = big(a.stakedTaoValue);
  return [
    stat('Free balance', h('span', { 'data-testid': 'account-free' }, fmtTao(free)), 'TAO, transferable'),
    stat('Stake value', fmtTao(staked), 'TAO value of all alpha at spot price (before slippage)'),
    stat('Free + stake value', fmtTao(free + staked), 'TAO + TAO: alpha enters only through its price'),
    stat('Positions', fmtInt(a.stakes.length), `nonce ${a.nonce}`),
  ];
}

function renderPositions(a: AccountInfoReply): HTMLElement {
  return table({
    id: 'account-positions',
    caption: 'Stake positions',
    rows: a.stakes,
    empty: 'No stake.',
    defaultSort: { key: 'netuid', dir: 1 },
    columns: POSITION_COLUMNS,
  });
}

function renderTotals(a: AccountInfoReply): HTMLElement {
  return table({
    id: 'account-totals',
    caption: 'Totals per subnet',
    rows: subnetTotals(a.stakes),
    empty: 'No stake.',
    note: `Alpha of different subnets is different money: it is totalled per subnet, and only its TAO value (at spot) adds up across subnets — ${fmtTao(big(a.stakedTaoValue))} in all.`,
    defaultSort: { key: 'netuid', dir: 1 },
    columns: TOTAL_COLUMNS,
  });
}

function renderHistory(xs: readonly AccountExtrinsic[]): HTMLElement {
  return table({
    id: 'account-extrinsics',
    caption: 'Recent extrinsics and incoming transfers',
    rows: [...xs].reverse(),
    empty: 'No extrinsics in the blocks the explorer has indexed.',
    defaultSort: { key: 'block', dir: -1 },
    columns: EXTRINSIC_COLUMNS,
  });
}

export const accountPage: PageFactory = (node: NodeConnection, args): Page => {
  const input = decodeURIComponent(args[0] ?? '');
  let hex: string | null = null;
  try {
    hex = toAccountHex(input);
  } catch {
    hex = null;
  }
  const head = new Slot('div');
  const cards = new Slot('div', 'stats');
  const positions = new Slot('div');
  const totals = new Slot('div');
  const history = new Slot('div');
  const children = new Slot('div');
  return {
    title: 'Account',
    mount(main) {
      main.replaceChildren(
        head.el,
        cards.el,
        h('section', { class: 'card' }, positions.el),
        h('section', { class: 'card' }, totals.el),
        h('section', { class: 'card' }, children.el),
        h('section', { class: 'card' }, history.el),
      );
    },
    async refresh() {
      if (hex === null) {
        head.set(
          h('h1', null, 'Account'),
          errorBox(`'${input}' is not an account address.`, 'Use an SS58 address (5…) or a 0x public key.'),
        );
        for (const slot of [cards, positions, totals, children, history]) slot.set();
        return;
      }
      const d = await loadAccount(node, hex);
      head.set(...renderHead(d.hex));
      cards.set(...renderCards(d.account));
      positions.set(renderPositions(d.account));
      totals.set(renderTotals(d.account));
      children.set(renderChildKeys('account-child-hotkeys', d.childKeys));
      history.set(renderHistory(d.extrinsics));
    },
  };
};
