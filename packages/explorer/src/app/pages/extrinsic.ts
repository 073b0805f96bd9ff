/// <reference lib="dom" />
/**
 * One extrinsic by hash (#/extrinsic/0x…): where it is (pool, block and index, or gone), its call,
 * result and events, and for the MEV shield the other half, linked: a carrier's inner extrinsic
 * and an inner's carrier. Before inclusion a carrier is only an encrypted blob, and its inner has
 * no page at all: the node has never seen it.
 */
import { accountLink, blockLink, type Child, errorBox, h, link, Slot, section, stat } from '../dom.js';
import { fmtInt, fmtTao, shortHash } from '../format.js';
import type { NodeConnection, RawBlock, RawError, RawEvent, RawExtrinsic } from '../node.js';
import { big, type Page, type PageFactory } from '../page.js';
import { errorText, eventData, eventsList } from './block.js';

interface Status {
  readonly status: 'pending' | 'inBlock' | 'dropped' | 'invalid';
  readonly number?: string;
  readonly index?: number;
  readonly error?: RawError;
  readonly result?: { ok: boolean; fee: string; events: RawEvent[]; error?: RawError } | null;
  readonly carries?: string;
  readonly carriedBy?: string;
}

const extrinsicLink = (hash: string, text: Child): HTMLAnchorElement =>
  link(`#/extrinsic/${hash}`, text, `Extrinsic ${hash}`);

function shieldCard(s: Status, b: RawBlock): Child {
  const indexOf = (hash: string) => b.extrinsics.findIndex((x) => x.hash === hash);
  if (s.carries !== undefined)
    return stat(
      'MEV shield',
      h('span', null, 'carrier of ', extrinsicLink(s.carries, h('span', { class: 'mono' }, shortHash(s.carries)))),
      `its inner extrinsic, #${indexOf(s.carries)} in this block`,
      'shield-carries',
    );
  if (s.carriedBy !== undefined)
    return stat(
      'MEV shield',
      h('span', null, 'carried by ', extrinsicLink(s.carriedBy, h('span', { class: 'mono' }, shortHash(s.carriedBy)))),
      `encrypted until block #${fmtInt(Number(b.number))} was built; its carrier is #${indexOf(s.carriedBy)}`,
      'shield-carried-by',
    );
  return null;
}

function renderIncluded(hash: string, s: Status, b: RawBlock): Child[] {
  const x = b.extrinsics[s.index ?? -1] as RawExtrinsic | undefined;
  const r = s.result ?? null;
  const carrier = x?.call.method === 'submit_encrypted';
  return [
    h('h1', null, 'Extrinsic ', h('span', { class: 'mono', title: hash }, shortHash(hash, 10))),
    h(
      'div',
      { class: 'stats' },
      stat('Block', blockLink(s.number ?? '0'), `index ${s.index ?? '?'}`),
      stat('Call', h('code', null, x?.call.method ?? '?')),
      stat('Signer', accountLink(x?.signer)),
      stat('Result', r?.ok === true ? h('span', { class: 'good' }, 'ok') : errorText(r?.error)),
      stat('Fee', fmtTao(big(r?.fee ?? '0'))),
      shieldCard(s, b),
    ),
    section(
      'Arguments',
      carrier
        ? h('p', { class: 'muted' }, 'An encrypted blob: the block author opened it and ran what it carried.')
        : null,
      carrier ? null : eventData(x?.call.args ?? {}),
    ),
    section('Events', eventsList(r?.events ?? [])),
  ];
}

export const extrinsicPage: PageFactory = (node: NodeConnection, args): Page => {
  const hash = (args[0] ?? '').toLowerCase();
  const body = new Slot('div');
  let block: RawBlock | null = null;
  return {
    title: `Extrinsic ${shortHash(hash)}`,
    mount(main) {
      main.replaceChildren(body.el);
    },
    async refresh() {
      const s = await node.call<Status | null>('taonet_extrinsicStatus', [hash]);
      const title = h('h1', null, 'Extrinsic ', h('span', { class: 'mono', title: hash }, shortHash(hash, 10)));
      if (s === null) {
        body.set(
          title,
          errorBox(
            'This node does not know this extrinsic.',
            'It was never submitted here, or it left the pool long ago.',
          ),
        );
        return;
      }
      if (s.status === 'pending') {
        body.set(
          title,
          h(
            'p',
            { 'data-testid': 'extrinsic-pending' },
            'Waiting in the pool; this page updates when it is in a block.',
          ),
        );
        return;
      }
      if (s.status !== 'inBlock') {
        body.set(
          title,
          errorBox(
            `It left the pool without a block (${s.status}).`,
            s.error === undefined ? undefined : `${s.error.code}: ${s.error.explanation}`,
          ),
        );
        return;
      }
      if (block === null || block.number !== s.number)
        block = await node.call<RawBlock>('taonet_getBlock', [Number(s.number)]);
      body.set(...renderIncluded(hash, s, block));
    },
  };
};
