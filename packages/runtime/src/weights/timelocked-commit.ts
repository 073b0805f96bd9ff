/**
 * `commit_timelocked_weights` (subtensor's commit-reveal v4): a validator commits its weights
 * encrypted to a future beacon round; the chain reveals them itself once that round's pulse is on
 * chain (timelocked-reveal.ts). The commit is filed under the current epoch (with lookahead) and
 * counts as activity, as a hashed commit does.
 */
import { type AccountId, blake2b256, toHex } from '@taonet/primitives';
import { BeaconConfig, LastStoredRound } from '../drand/storage.js';
import { ensure } from '../errors.js';
import { Uids } from '../neurons/storage.js';
import { subnetHyperparameters } from '../neurons/subnet-lookup.js';
import { setLastUpdate } from '../neurons/uid-columns.js';
import { currentEpochWithLookahead } from '../subnets/epoch-schedule-state.js';
import { ensureMechanismExists, netuidStorageIndex } from '../subnets/mechanism-index.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { MAX_UNREVEALED_COMMITS } from './commit-reveal.js';
import { nextWeightsAllowedBlock } from './next-allowed.js';
import { TimelockedWeightCommits } from './storage.js';

/** subtensor's MAX_CRV3_COMMIT_SIZE_BYTES. */
export const MAX_TIMELOCKED_COMMIT_BYTES = 5000;
/** subtensor's CommitRevealWeightsVersion (what bittensor 10.x and 11.x send). */
export const COMMIT_REVEAL_WEIGHTS_VERSION = 4;

export interface TimelockedCommitArgs {
  readonly netuid: number;
  readonly mecid?: number;
  readonly commit: Uint8Array;
  readonly revealRound: bigint;
  readonly commitRevealVersion: number;
}

export function commitTimelockedWeights(ctx: Ctx, hotkey: AccountId, a: TimelockedCommitArgs): void {
  const s = ctx.state;
  const { netuid, mecid = 0 } = a;
  ensure(
    a.commit.length <= MAX_TIMELOCKED_COMMIT_BYTES,
    'TimelockedCommitTooLarge',
    `${a.commit.length} bytes; at most ${MAX_TIMELOCKED_COMMIT_BYTES}`,
  );
  ensure(
    a.commitRevealVersion === COMMIT_REVEAL_WEIGHTS_VERSION,
    'IncorrectCommitRevealVersion',
    `the chain expects commit-reveal version ${COMMIT_REVEAL_WEIGHTS_VERSION}, got ${a.commitRevealVersion}`,
  );
  ensureMechanismExists(s, netuid, mecid);
  const hp = subnetHyperparameters(s, netuid);
  ensure(hp.commitRevealEnabled, 'CommitRevealDisabled');
  ensure(s.value(BeaconConfig) !== null, 'NoBeaconConfigured', 'this chain has no beacon to reveal the commit');
  const uid = s.get(Uids, [netuid, hotkey]);
  ensure(uid !== null, 'HotKeyNotRegisteredInSubNet', () => `netuid ${netuid}`);
  const last = s.value(LastStoredRound);
  ensure(a.revealRound > last, 'InvalidRevealRound', () => `round ${a.revealRound} is already on chain (last ${last})`);
  const next = nextWeightsAllowedBlock(s, netuid, hotkey, mecid) ?? 0n;
  ensure(ctx.now >= next, 'CommittingWeightsTooFast', () => `next allowed at block ${next}`);
  const index = netuidStorageIndex(netuid, mecid);
  const epoch = currentEpochWithLookahead(s, netuid, ctx.now);
  const queue = s.get(TimelockedWeightCommits, [index, epoch]);
  const mine = queue.filter((c) => c.hotkey === hotkey).length;
  ensure(mine < MAX_UNREVEALED_COMMITS, 'TooManyUnrevealedCommits', () => `${mine} commits this epoch`);
  const ciphertext = Uint8Array.from(a.commit);
  s.set(
    TimelockedWeightCommits,
    [index, epoch],
    [...queue, { hotkey, commitBlock: ctx.now, ciphertext, revealRound: a.revealRound }],
  );
  setLastUpdate(s, index, uid, ctx.now);
  ctx.emit(
    event('TimelockedWeightsCommitted', {
      hotkey,
      netuid,
      ...(mecid === 0 ? {} : { mecid }),
      hash: toHex(blake2b256(ciphertext)),
      revealRound: a.revealRound,
    }),
  );
}
