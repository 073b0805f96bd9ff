/// <reference lib="dom" />
/**
 * A subnet's timelocked weight commits (the subnet page's section, when commit-reveal is on or
 * commits exist): each pending commit with its committer, the beacon round it is encrypted to, the
 * beacon's latest round on chain and when the chain should reveal it; and the reveals that failed,
 * with the reason the chain recorded.
 */
import type { BeaconStatusReply, TimelockedCommitsReply } from '@taonet/primitives';
import { accountLink, blockLink, h } from '../dom.js';
import { fmtDuration, fmtInt } from '../format.js';
import type { NodeConnection } from '../node.js';
import { big, type RawDynamicInfo } from '../page.js';
import { type Column, table } from '../table.js';

export interface PendingCommitRow {
  readonly hotkey: string;
  readonly mecid: number;
  readonly commitBlock: bigint;
  readonly revealEpoch: bigint;
  readonly revealRound: bigint;
  /** The beacon's latest round on chain. */
  readonly currentRound: bigint;
  /** Milliseconds until the reveal: the later of the round's publication and the reveal epoch's start (0 when both are past). */
  readonly etaMs: number;
}

export interface FailedRevealRow {
  readonly hotkey: string;
  readonly mecid: number;
  readonly block: bigint;
  readonly revealRound: bigint;
  readonly reason: string;
  readonly detail: string;
}

export interface TimelockedData {
  readonly commits: TimelockedCommitsReply;
  readonly beacon: BeaconStatusReply | null;
}

/**
 * When each pending commit should be revealed. The chain reveals a commit in its reveal epoch at
 * the first block carrying its round, so the wait is the later of the two: the round's publication
 * time (drand's `genesis + (round − 1) × period`) and the reveal epoch's first block at the node's
 * block time.
 */
export function pendingRows(
  c: TimelockedCommitsReply,
  beacon: BeaconStatusReply | null,
  d: Pick<RawDynamicInfo, 'tempo' | 'blocksUntilNextEpoch'>,
): PendingCommitRow[] {
  const nowMs = beacon === null ? 0 : Number(big(beacon.headTimestamp));
  const current = big(c.lastStoredRound);
  return c.pending.map((p) => {
    const revealRound = big(p.revealRound);
    let etaMs = 0;
    if (beacon !== null) {
      const roundAtMs = Number(big(beacon.genesisTime) + (revealRound - 1n) * big(beacon.period)) * 1000 - nowMs;
      const epochsAhead = Number(big(p.revealEpoch) - big(c.epoch));
      const blocks = epochsAhead <= 0 ? 0 : Number(d.blocksUntilNextEpoch) + (epochsAhead - 1) * d.tempo + 1;
      etaMs = Math.max(0, revealRound <= current ? 0 : roundAtMs, blocks * beacon.blockTimeMs);
    }
    return {
      hotkey: p.hotkey,
      mecid: p.mecid,
      commitBlock: big(p.commitBlock),
      revealEpoch: big(p.revealEpoch),
      revealRound,
      currentRound: current,
      etaMs,
    };
  });
}

export function failedRows(c: TimelockedCommitsReply): FailedRevealRow[] {
  return c.failed.map((f) => ({
    hotkey: f.hotkey,
    mecid: f.mecid,
    block: big(f.block),
    revealRound: big(f.revealRound),
    reason: f.reason,
    detail: f.detail,
  }));
}

/** The loader: the subnet's commits and the beacon (null when the node has neither view). */
export async function loadTimelocked(node: NodeConnection, netuid: number): Promise<TimelockedData | null> {
  const [commits, beacon] = await Promise.all([
    node.call<TimelockedCommitsReply | null>('taonet_timelockedCommits', [netuid]),
    node.call<BeaconStatusReply | null>('taonet_beacon', []),
  ]);
  return commits === null ? null : { commits, beacon };
}

/** Who committed and to which mechanism: the first two columns of both tables. */
function commitColumns<R extends { readonly hotkey: string; readonly mecid: number }>(): Column<R>[] {
  return [
    {
      key: 'committer',
      label: 'Committer',
      cell: (r) => accountLink(r.hotkey),
      sort: (r) => r.hotkey,
      exp: (r) => r.hotkey,
    },
    { key: 'mecid', label: 'Mechanism', num: true, cell: (r) => r.mecid, sort: (r) => r.mecid, exp: (r) => r.mecid },
  ];
}

const PENDING_COLUMNS: Column<PendingCommitRow>[] = [
  ...commitColumns<PendingCommitRow>(),
  {
    key: 'commit_block',
    label: 'Committed',
    num: true,
    cell: (r) => blockLink(r.commitBlock),
    sort: (r) => r.commitBlock,
    exp: (r) => String(r.commitBlock),
  },
  {
    key: 'reveal_round',
    label: 'Reveal round',
    num: true,
    cell: (r) => fmtInt(r.revealRound),
    sort: (r) => r.revealRound,
    exp: (r) => String(r.revealRound),
  },
  {
    key: 'current_round',
    label: 'Beacon round',
    num: true,
    help: 'the latest beacon round on chain',
    cell: (r) => fmtInt(r.currentRound),
    sort: (r) => r.currentRound,
    exp: (r) => String(r.currentRound),
  },
  {
    key: 'reveal_epoch',
    label: 'Reveal epoch',
    num: true,
    cell: (r) => fmtInt(r.revealEpoch),
    sort: (r) => r.revealEpoch,
    exp: (r) => String(r.revealEpoch),
  },
  {
    key: 'eta',
    label: 'Reveal ETA',
    num: true,
    help: 'the later of the round’s publication and the reveal epoch’s first block',
    cell: (r) => (r.etaMs === 0 ? 'due now' : `in ${fmtDuration(r.etaMs)}`),
    sort: (r) => r.etaMs,
    exp: (r) => r.etaMs,
  },
];

const FAILED_COLUMNS: Column<FailedRevealRow>[] = [
  ...commitColumns<FailedRevealRow>(),
  {
    key: 'block',
    label: 'Failed at',
    num: true,
    cell: (r) => blockLink(r.block),
    sort: (r) => r.block,
    exp: (r) => String(r.block),
  },
  {
    key: 'reveal_round',
    label: 'Round',
    num: true,
    cell: (r) => fmtInt(r.revealRound),
    sort: (r) => r.revealRound,
    exp: (r) => String(r.revealRound),
  },
  {
    key: 'reason',
    label: 'Reason',
    cell: (r) => h('span', { title: r.detail }, h('code', null, r.reason), ` ${r.detail}`),
    sort: (r) => r.reason,
    exp: (r) => r.reason,
  },
];

export function renderTimelocked(d: RawDynamicInfo, t: TimelockedData): HTMLElement[] {
  const { commits, beacon } = t;
  return [
    h(
      'p',
      { class: 'mech-note', 'data-testid': 'timelocked-note' },
      commits.commitRevealEnabled
        ? `Commit-reveal is on: validators commit weights encrypted to a drand round; the chain reveals them ${commits.revealPeriodEpochs} epoch${commits.revealPeriodEpochs === 1 ? '' : 's'} later, once the round is on chain. Beacon round ${fmtInt(big(commits.lastStoredRound))}${beacon === null ? '' : ` (a round every ${beacon.period} s)`}.`
        : 'Commit-reveal is off: weights are set directly.',
    ),
    table({
      id: `timelocked-pending-${d.netuid}`,
      caption: 'Pending timelocked commits',
      rows: pendingRows(commits, beacon, d),
      empty: 'No commits waiting for their round.',
      defaultSort: { key: 'eta', dir: 1 },
      columns: PENDING_COLUMNS,
    }),
    table({
      id: `timelocked-failed-${d.netuid}`,
      caption: 'Failed reveals',
      rows: failedRows(commits),
      empty: 'No failed reveals.',
      defaultSort: { key: 'block', dir: -1 },
      columns: FAILED_COLUMNS,
    }),
  ];
}
