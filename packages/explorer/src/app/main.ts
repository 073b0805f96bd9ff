/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The explorer page: a hash router (#/subnet/1, #/account/<ss58>, #/block/123 deep-link), one
 * connection to the node through this server's /rpc, a connection banner, and a refresh of the
 * current page on every new head (coalesced while one is running).
 */
import { toAccountHex } from '@taonet/sdk/client';
import { errorBox, loading } from './dom.js';
import { fmtInt } from './format.js';
import { names } from './names.js';
import { type ConnState, NodeConnection } from './node.js';
import type { Page, PageFactory } from './page.js';
import { accountPage } from './pages/account.js';
import { blockPage, blocksPage } from './pages/block.js';
import { extrinsicPage } from './pages/extrinsic.js';
import { networkPage } from './pages/network.js';
import { subnetPage } from './pages/subnet.js';
import { subnetsPage } from './pages/subnets.js';
import { validatorsPage } from './pages/validators.js';

const ROUTES: readonly [RegExp, PageFactory, string][] = [
  [/^\/?$/, networkPage, 'network'],
  [/^\/subnets$/, subnetsPage, 'subnets'],
  [/^\/subnet\/(\d+)$/, subnetPage, 'subnets'],
  [/^\/account\/([^/]+)$/, accountPage, ''],
  [/^\/blocks$/, blocksPage, 'blocks'],
  [/^\/block\/(\d+)$/, blockPage, 'blocks'],
  [/^\/extrinsic\/(0x[0-9a-fA-F]{64})$/, extrinsicPage, 'blocks'],
  [/^\/validators$/, validatorsPage, 'validators'],
];

const main = document.getElementById('main') as HTMLElement;
const conn = document.getElementById('conn') as HTMLElement;
const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/rpc`;
const node = new NodeConnection(wsUrl);

let page: Page | null = null;
let busy = false;
let again = false;

async function refresh(): Promise<void> {
  if (busy) {
    again = true;
    return;
  }
  busy = true;
  const p = page;
  try {
    do {
      again = false;
      if (p === null || p !== page) break;
      try {
        // Names are decoration: a failed read leaves the addresses and the page as they are.
        await names.refresh(node).catch(() => undefined);
        await p.refresh();
        main.querySelector(':scope > .error.page-error')?.remove();
      } catch (e) {
        if (node.state !== 'connected') break;
        if (main.querySelector(':scope > .error.page-error') === null) {
          const box = errorBox('Could not load this page.', (e as Error).message);
          box.classList.add('page-error');
          main.prepend(box);
        }
      }
    } while (again && p === page);
  } finally {
    busy = false;
    if (again) void refresh();
  }
}

function route(): void {
  const path = decodeURIComponent(location.hash.replace(/^#/, '')) || '/';
  page?.destroy?.();
  page = null;
  let found: [PageFactory, string[], string] | null = null;
  for (const [re, f, nav] of ROUTES) {
    const m = re.exec(path);
    if (m !== null) {
      found = [f, m.slice(1), nav];
      break;
    }
  }
  for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-nav]')) {
    if (found !== null && a.dataset.nav === found[2]) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (found === null) {
    main.replaceChildren(errorBox(`No page at ${path}.`, 'Try the Network, Subnets, Blocks or Validators pages.'));
    document.title = 'Not found · Taonet explorer';
    return;
  }
  page = found[0](node, found[1]);
  document.title = `${page.title} · Taonet explorer`;
  main.replaceChildren(loading());
  page.mount(main);
  markWaiting(node.state);
  window.scrollTo(0, 0);
  if (node.state === 'connected') void refresh();
}

/**
 * What a section is waiting for, said in place of a bare "Loading…": until the node answers, every
 * page's skeleton is drawn and its data sections name the node they wait on (a headless browser
 * with a virtual time budget, where the WebSocket never answers, then shows that).
 */
function markWaiting(s: ConnState): void {
  if (s === 'connected') return;
  const what = s === 'disconnected' ? 'node disconnected; retrying' : 'waiting for the node';
  for (const el of main.querySelectorAll<HTMLElement>('.loading')) el.textContent = `${what} (${wsUrl})…`;
}

function showConn(s: ConnState): void {
  conn.className = `conn conn-${s}`;
  document.body.classList.toggle('offline', s === 'disconnected');
  if (s === 'disconnected') conn.textContent = 'disconnected — retrying…';
  else if (s === 'connecting') conn.textContent = 'connecting to the node…';
  else conn.textContent = node.head === null ? 'live' : `live · #${fmtInt(node.head.number)}`;
  markWaiting(s);
}

node.onState((s) => {
  showConn(s);
  if (s === 'connected') void refresh();
});
node.onHead(() => {
  showConn(node.state);
  void refresh();
});

const form = document.getElementById('search') as HTMLFormElement;
const input = document.getElementById('search-input') as HTMLInputElement;
input.addEventListener('input', () => input.setCustomValidity(''));
form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = input.value.trim();
  let target: string | null = null;
  const sn = /^(?:sn|subnet\s*)(\d+)$/i.exec(q);
  if (/^#?\d+$/.test(q)) target = `#/block/${q.replace('#', '')}`;
  else if (sn !== null) target = `#/subnet/${sn[1]}`;
  else {
    try {
      toAccountHex(q);
      target = `#/account/${q}`;
    } catch {
      target = null;
    }
  }
  if (target === null) {
    input.setCustomValidity('Enter a block number, a subnet like sn1, or an SS58 / 0x account.');
    input.reportValidity();
    return;
  }
  location.hash = target;
  input.value = '';
});

window.addEventListener('hashchange', route);
showConn('connecting');
route();
void node.start().then(() => {
  showConn(node.state);
  void refresh();
});
