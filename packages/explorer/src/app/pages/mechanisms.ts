/// <reference lib="dom" />
/**
 * A subnet's mechanisms (the subnet page's section): how many it runs, how its emission is split
 * between them, and per mechanism a summary of its own metagraph (the mechagraph): the miners it
 * pays, its top miner, the validators that set weights on it and how recently.
 */
import type { MechanismsReply, MetagraphReply } from '@taonet/primitives';
import { accountLink, h } from '../dom.js';
import { fmtAlpha, fmtInt, fmtPct, raoToDecimal, u16ToFraction } from '../format.js';
import type { NodeConnection } from '../node.js';
import { big, type RawDynamicInfo } from '../page.js';
import { type Column, table } from '../table.js';

export interface MechanismRow {
  readonly mecid: number;
  /** The mechanism's share of the subnet's emission (parts of 65535). */
  readonly share: number;
  readonly pending: bigint;
  readonly lastBlock: bigint;
  /** Uids with incentive in this mechanism. */
  readonly paid: number;
  readonly top: { readonly uid: number; readonly hotkey: string; readonly incentive: number } | null;
  /** Neurons with weights set on this mechanism. */
  readonly setters: number;
  /** Blocks since the latest weights on this mechanism, or null if none. */
  readonly since: number | null;
}

export interface MechanismsData {
  readonly info: MechanismsReply;
  readonly rows: MechanismRow[];
}

const GRAPH_FIELDS = ['hotkeys', 'incentive', 'weights', 'lastUpdate'];

/** A mechanism's summary row from its mechagraph. */
export function mechanismRow(
  info: MechanismsReply,
  mecid: number,
  mg: MetagraphReply | null,
  head: number,
): MechanismRow {
  const incentive = mg?.incentive ?? [];
  let top: MechanismRow['top'] = null;
  incentive.forEach((x, uid) => {
    if (x > 0 && (top === null || x > top.incentive)) top = { uid, hotkey: mg?.hotkeys?.[uid] ?? '', incentive: x };
  });
  const setters = (mg?.weights ?? []).map((w, uid) => (w.length > 0 ? uid : -1)).filter((uid) => uid >= 0);
  const latest = setters.reduce((m, uid) => Math.max(m, Number(mg?.lastUpdate?.[uid] ?? 0)), -1);
  return {
    mecid,
    share: info.effectiveSplit[mecid] ?? 0,
    pending: big(info.pendingEmission[mecid]),
    lastBlock: big(info.blockEmission[mecid]),
    paid: incentive.filter((x) => x > 0).length,
    top,
    setters: setters.length,
    since: latest < 0 ? null : Math.max(0, head - latest),
  };
}

/** The loader: the mechanisms view and each mechanism's mechagraph. */
export async function loadMechanisms(node: NodeConnection, netuid: number): Promise<MechanismsData | null> {
  const info = await node.call<MechanismsReply | null>('taonet_mechanisms', [netuid]);
  if (info === null) return null;
  const graphs = await Promise.all(
    Array.from({ length: info.count }, (_, mecid) =>
      node.call<MetagraphReply | null>('taonet_mechagraph', [netuid, mecid, GRAPH_FIELDS]),
    ),
  );
  const head = Number(graphs[0]?.block ?? 0);
  return { info, rows: graphs.map((mg, mecid) => mechanismRow(info, mecid, mg, head)) };
}

function columns(d: RawDynamicInfo): Column<MechanismRow>[] {
  const a = (rao: bigint): string => fmtAlpha(rao, d.netuid, d.symbol);
  return [
    { key: 'mecid', label: 'Mechanism', num: true, cell: (r) => r.mecid, sort: (r) => r.mecid, exp: (r) => r.mecid },
    {
      key: 'emission_share',
      label: 'Emission share',
      num: true,
      cell: (r) => fmtPct(u16ToFraction(r.share)),
      sort: (r) => r.share,
      exp: (r) => r.share,
    },
    {
      key: 'pending_alpha',
      label: 'Pending',
      num: true,
      help: 'alpha this mechanism receives at the next epoch',
      cell: (r) => a(r.pending),
      sort: (r) => r.pending,
      exp: (r) => raoToDecimal(r.pending),
    },
    {
      key: 'last_block_alpha',
      label: 'Last block',
      num: true,
      cell: (r) => a(r.lastBlock),
      sort: (r) => r.lastBlock,
      exp: (r) => raoToDecimal(r.lastBlock),
    },
    {
      key: 'miners_paid',
      label: 'Miners paid',
      num: true,
      help: 'neurons with incentive in this mechanism',
      cell: (r) => fmtInt(r.paid),
      sort: (r) => r.paid,
      exp: (r) => r.paid,
    },
    {
      key: 'top_miner',
      label: 'Top miner',
      cell: (r) =>
        r.top === null
          ? '—'
          : h(
              'span',
              null,
              `UID ${r.top.uid} `,
              accountLink(r.top.hotkey),
              ` ${fmtPct(u16ToFraction(r.top.incentive))}`,
            ),
      sort: (r) => r.top?.incentive ?? -1,
      exp: (r) => (r.top === null ? null : r.top.uid),
    },
    {
      key: 'weight_setters',
      label: 'Validators setting weights',
      num: true,
      cell: (r) => fmtInt(r.setters),
      sort: (r) => r.setters,
      exp: (r) => r.setters,
    },
    {
      key: 'last_weights',
      label: 'Latest weights',
      num: true,
      cell: (r) => (r.since === null ? '—' : `${fmtInt(r.since)} blk ago`),
      sort: (r) => r.since ?? Number.POSITIVE_INFINITY,
      exp: (r) => r.since,
    },
  ];
}

export function renderMechanisms(d: RawDynamicInfo, m: MechanismsData): HTMLElement[] {
  const { info, rows } = m;
  const split = info.split === null ? 'evenly' : 'by the owner’s split';
  return [
    h(
      'p',
      { class: 'mech-note', 'data-testid': 'mechanism-count' },
      info.count === 1
        ? `One mechanism: every weight and all of the subnet's emission belong to it (the network allows up to ${info.maxCount}).`
        : `${info.count} mechanisms, each with its own weights, bonds and incentive; the subnet's emission is shared between them ${split} (${rows.map((r) => fmtPct(u16ToFraction(r.share))).join(' / ')}).`,
    ),
    table({
      id: `mechanisms-${d.netuid}`,
      caption: 'Mechanisms',
      rows,
      empty: 'No mechanisms.',
      defaultSort: { key: 'mecid', dir: 1 },
      columns: columns(d),
    }),
  ];
}
