import type { TimelockedCommitsReply } from '@taonet/primitives';
import { type ChainClient, request } from '../chain-client.js';

export type TimelockedCommitsParameters = number;
/** Null for no subnet. Rounds, epochs and blocks are decimal strings. */
export type TimelockedCommitsResult = TimelockedCommitsReply | null;
export type TimelockedCommitsError = never;

/**
 * A subnet's timelocked weight commits waiting for their beacon round, and the reveals that
 * failed with their reason.
 *
 * @example
 * const s = await timelockedCommits(st, 1);
 * for (const c of s?.pending ?? []) console.log(c.hotkey, c.revealRound);
 */
export function timelockedCommits(
  client: ChainClient,
  netuid: TimelockedCommitsParameters,
): Promise<TimelockedCommitsResult> {
  return request(client, 'taonet_timelockedCommits', [netuid]);
}
