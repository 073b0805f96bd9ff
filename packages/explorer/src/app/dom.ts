/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/** A few DOM helpers: `h` builds elements, `Slot` swaps a section only when its content changed. */
import { toSs58 } from '@taonet/sdk/client';
import { shortAddress } from './format.js';
import { names } from './names.js';

export type Child = Node | string | number | bigint | null | undefined | false | readonly Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | ((ev: Event) => void)>;

function append(el: Node, c: Child): void {
  if (c === null || c === undefined || c === false) return;
  if (Array.isArray(c)) {
    for (const x of c as readonly Child[]) append(el, x);
    return;
  }
  el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) append(el, c);
  return el;
}

/** A place in the page whose content is replaced only when the new content differs. */
export class Slot {
  readonly el: HTMLElement;
  constructor(tag: keyof HTMLElementTagNameMap = 'div', cls?: string) {
    this.el = h(tag, cls === undefined ? null : { class: cls }, loading());
  }

  set(...children: Child[]): void {
    const next = h('div');
    for (const c of children) append(next, c);
    const cur = this.el.childNodes;
    if (cur.length === next.childNodes.length && [...cur].every((n, i) => n.isEqualNode(next.childNodes[i] ?? null)))
      return;
    this.el.replaceChildren(...next.childNodes);
  }
}

export const loading = (what = 'Loading…'): HTMLElement => h('p', { class: 'loading', role: 'status' }, what);
export const empty = (what: string): HTMLElement => h('p', { class: 'empty' }, what);
export const errorBox = (what: string, hint?: string): HTMLElement =>
  h('div', { class: 'error', role: 'alert' }, h('strong', null, what), hint === undefined ? null : h('p', null, hint));

export const link = (href: string, text: Child, title?: string): HTMLAnchorElement =>
  h('a', { href, ...(title === undefined ? {} : { title }) }, text);

/**
 * An account (0x hex or SS58) as a short link to its page, full address in the tooltip. An account
 * with an on-chain identity (its own, or for a hotkey its owner's) shows the name before the
 * shortened address.
 */
export function accountLink(account: string | null | undefined): Child {
  if (account === null || account === undefined) return '—';
  let ss58 = account;
  try {
    if (account.startsWith('0x')) ss58 = toSs58(account);
  } catch {
    return account;
  }
  const name = names.nameOf(ss58);
  if (name === null)
    return h(
      'a',
      { href: `#/account/${ss58}`, title: ss58, class: 'mono', 'aria-label': `account ${ss58}` },
      shortAddress(ss58),
    );
  const whose = names.isOwnIdentity(ss58) ? name : `owned by ${name}`;
  return h(
    'a',
    { href: `#/account/${ss58}`, title: `${whose} · ${ss58}`, class: 'named', 'aria-label': `account ${name} ${ss58}` },
    h('span', { class: 'acct-name' }, name),
    ' ',
    h('span', { class: 'mono muted' }, shortAddress(ss58, 4)),
  );
}

export const ss58Of = (hex: string | null | undefined): string => {
  if (hex === null || hex === undefined) return '';
  try {
    return toSs58(hex);
  } catch {
    return hex;
  }
};

export const blockLink = (n: number | bigint | string): HTMLAnchorElement =>
  h('a', { href: `#/block/${n}` }, `#${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`);

export const subnetLink = (netuid: number, name?: string): HTMLAnchorElement =>
  h('a', { href: `#/subnet/${netuid}` }, name === undefined ? `SN${netuid}` : `SN${netuid} · ${name}`);

export function stat(label: string, value: Child, sub?: Child, testId?: string): HTMLElement {
  return h(
    'div',
    { class: 'stat', ...(testId === undefined ? {} : { 'data-testid': testId }) },
    h('div', { class: 'stat-label' }, label),
    h('div', { class: 'stat-value' }, value),
    sub === undefined ? null : h('div', { class: 'stat-sub' }, sub),
  );
}

export function bar(fraction: number, label: string): HTMLElement {
  const pct = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0)) * 100;
  return h(
    'div',
    {
      class: 'bar',
      role: 'progressbar',
      'aria-label': label,
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': pct.toFixed(2),
    },
    h('div', { class: 'bar-fill', style: `width:${pct.toFixed(3)}%` }),
  );
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'card' }, h('h2', null, title), ...children);
}
