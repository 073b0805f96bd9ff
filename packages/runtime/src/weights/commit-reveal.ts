/**
 * Commit-reveal v2 (§10.2). A validator first commits a hash of its weights and reveals them an
 * epoch (or `revealPeriodEpochs`) later, so others cannot copy this epoch's weights before they
 * count. Commits are filed under the epoch index they were made in; each one can only be revealed
 * in exactly its reveal epoch and expires after it.
 */
import type { AccountId } from '@taonet/primitives';
import { currentEpochWithLookahead } from '../subnets/epoch-schedule-state.js';
import { ensure, fail } from '../errors.js';
import { Uids } from '../neurons/storage.js';
import { subnetHyperparameters } from '../neurons/subnet-lookup.js';
import { ensureMechanismExists } from '../subnets/mechanism-index.js';
import { setLastUpdate } from '../neurons/uid-columns.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { netuidStorageIndex, weightsCommitHash } from './commit-hash.js';
import { nextWeightsAllowedBlock } from './next-allowed.js';
import { applyWeights } from './set-weights.js';
import { type WeightCommit, WeightCommits } from './storage.js';

/** Unrevealed commits one hotkey may hold on a subnet. */
export const MAX_UNREVEALED_COMMITS = 10;

export interface CommitWeightsArgs {
  readonly netuid: number;
  /** Mechanism the committed weights are for (0 = the subnet's first). */
  readonly mecid?: number;
  /** 0x-prefixed lowercase hex of 32 bytes. */
  readonly hash: string;
}

export interface RevealWeightsArgs {
  readonly netuid: number;
  readonly mecid?: number;
  readonly uids: readonly number[];
  readonly values: readonly number[];
  readonly salt: readonly number[];
  readonly versionKey: bigint;
}

/** Splits a queue into the expired commits at its front and the rest (commits are in epoch order). */
function dropExpired(
  commits: readonly WeightCommit[],
  current: bigint,
  revealPeriod: bigint,
): { expired: WeightCommit[]; live: WeightCommit[] } {
  let i = 0;
  while (i < commits.length && current > (commits[i] as WeightCommit).commitEpoch + revealPeriod) i++;
  return { expired: commits.slice(0, i), live: commits.slice(i) };
}

export function commitWeights(ctx: Ctx, hotkey: AccountId, { netuid, mecid = 0, hash }: CommitWeightsArgs): void {
  const s = ctx.state;
  ensureMechanismExists(s, netuid, mecid);
  const index = netuidStorageIndex(netuid, mecid);
  const hp = subnetHyperparameters(s, netuid);
  ensure(hp.commitRevealEnabled, 'CommitRevealDisabled');
  const uid = s.get(Uids, [netuid, hotkey]);
  ensure(uid !== null, 'HotKeyNotRegisteredInSubNet', () => `netuid ${netuid}`);
  const next = nextWeightsAllowedBlock(s, netuid, hotkey, mecid) ?? 0n;
  ensure(ctx.now >= next, 'CommittingWeightsTooFast', () => `next allowed at block ${next}`);
  const commitEpoch = currentEpochWithLookahead(s, netuid, ctx.now);
  const { live } = dropExpired(s.get(WeightCommits, [index, hotkey]), commitEpoch, BigInt(hp.revealPeriodEpochs));
  ensure(live.length < MAX_UNREVEALED_COMMITS, 'TooManyUnrevealedCommits', () => {
    return `reveal or let expire one of the ${live.length} pending commits`;
  });
  s.set(WeightCommits, [index, hotkey], [...live, { hash, commitEpoch, commitBlock: ctx.now }]);
  setLastUpdate(s, index, uid, ctx.now);
  ctx.emit(event('WeightsCommitted', mecid === 0 ? { hotkey, netuid, hash } : { hotkey, netuid, mecid, hash }));
}

/**
 * Reveals the commit matching the given weights, drops it and every older commit, then applies the
 * weights with the full `set_weights` validation (without its rate limit, and without touching
 * LastUpdate: the commit already counted as activity). If that validation fails the call fails and
 * the dispatcher undoes the removal and the commit queue stays as it was.
 */
export function revealWeights(ctx: Ctx, hotkey: AccountId, args: RevealWeightsArgs): void {
  const s = ctx.state;
  const { netuid, mecid = 0 } = args;
  ensureMechanismExists(s, netuid, mecid);
  const index = netuidStorageIndex(netuid, mecid);
  const hp = subnetHyperparameters(s, netuid);
  ensure(hp.commitRevealEnabled, 'CommitRevealDisabled');
  const commits = s.get(WeightCommits, [index, hotkey]);
  ensure(commits.length > 0, 'NoWeightsCommitFound');
  const current = currentEpochWithLookahead(s, netuid, ctx.now);
  const revealPeriod = BigInt(hp.revealPeriodEpochs);
  const { expired, live } = dropExpired(commits, current, revealPeriod);
  const hash = weightsCommitHash(hotkey, index, args.uids, args.values, args.salt, args.versionKey);
  const wasExpired = expired.some((c) => c.hash === hash);
  const position = live.findIndex((c) => c.hash === hash);
  if (position < 0) {
    if (wasExpired) fail('ExpiredWeightCommit', `its reveal epoch has passed (current epoch ${current})`);
    if (live.length === 0) fail('NoWeightsCommitFound');
    fail('InvalidRevealCommitHashNotMatch', 'check the uids, values, salt and version key you committed');
  }
  const revealEpoch = (live[position] as WeightCommit).commitEpoch + revealPeriod;
  ensure(
    current === revealEpoch,
    'RevealTooEarly',
    () => `reveal in epoch ${revealEpoch}; the current epoch is ${current}`,
  );
  s.set(WeightCommits, [index, hotkey], live.slice(position + 1));
  applyWeights(ctx, hotkey, args);
  ctx.emit(event('WeightsRevealed', mecid === 0 ? { hotkey, netuid, hash } : { hotkey, netuid, mecid, hash }));
}
