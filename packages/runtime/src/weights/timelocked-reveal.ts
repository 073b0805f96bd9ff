/**
 * The chain's own reveal of timelocked weight commits, run at every block before the coinbase (as
 * subtensor's block step does). For each subnet but root, with E its epoch index and P its reveal
 * period, the queue filed at epoch E − P is revealed once E ≥ P: each commit whose round's pulse is
 * on chain is decrypted with that pulse's signature, decoded with subtensor's payload rule
 * (`readTimelockedWeights`) and applied with set_weights' full validation, with no transaction.
 * A commit whose pulse is not there yet stays and is retried every block of that epoch; queues
 * older than E − P are past their epoch.
 *
 * Where subtensor only logs, Taonet never drops a commit silently: a commit that fails to decrypt,
 * decode or apply, or whose epoch passed before its pulse arrived, emits
 * `TimelockedWeightsRevealFailed` with the reason and is kept in TimelockedRevealFailures.
 */
import { accountToBytes, DrandError, readTimelockedWeights, timelockDecrypt } from '@taonet/primitives';
import { Pulses } from '../drand/storage.js';
import { RuntimeError } from '../errors.js';
import { subnetHyperparameters } from '../neurons/subnet-lookup.js';
import { mechanismIndices } from '../subnets/mechanism-index.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import { Netuids, SubnetEpochIndex } from '../subnets/storage.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { applyWeights } from './set-weights.js';
import { type TimelockedCommit, TimelockedRevealFailures, TimelockedWeightCommits } from './storage.js';

/** Failures kept per (mechanism, hotkey). */
export const FAILURES_KEPT = 16;

type Outcome = { ok: true } | { ok: false; reason: string; detail: string } | 'waiting';

export function revealTimelockedCommits(ctx: Ctx): void {
  for (const netuid of ctx.state.value(Netuids)) {
    if (netuid !== ROOT_NETUID) revealForSubnet(ctx, netuid);
  }
}

function revealForSubnet(ctx: Ctx, netuid: number): void {
  const s = ctx.state;
  const period = BigInt(subnetHyperparameters(s, netuid).revealPeriodEpochs);
  const epoch = s.get(SubnetEpochIndex, netuid);
  const revealEpoch = epoch >= period ? epoch - period : 0n;
  mechanismIndices(s, netuid).forEach((index, mecid) => {
    for (const [key, queue] of s.entriesWithPrefix(TimelockedWeightCommits, `${index}/`)) {
      const filed = BigInt(key.slice(key.indexOf('/') + 1));
      if (filed >= revealEpoch) continue;
      for (const c of queue) {
        const detail = `round ${c.revealRound} reached no block before the reveal epoch ${filed + period} ended`;
        recordFailure(ctx, netuid, mecid, index, filed, c, { reason: 'PulseNeverArrived', detail });
      }
      s.removeKey(TimelockedWeightCommits, key);
    }
    if (epoch < period) return;
    const queue = s.get(TimelockedWeightCommits, [index, revealEpoch]);
    if (queue.length === 0) return;
    const waiting: TimelockedCommit[] = [];
    for (const c of queue) {
      const outcome = revealOne(ctx, netuid, mecid, c);
      if (outcome === 'waiting') waiting.push(c);
      else if (outcome.ok)
        ctx.emit(event('TimelockedWeightsRevealed', { netuid, ...(mecid === 0 ? {} : { mecid }), hotkey: c.hotkey }));
      else recordFailure(ctx, netuid, mecid, index, revealEpoch, c, outcome);
    }
    s.set(TimelockedWeightCommits, [index, revealEpoch], waiting);
  });
}

function revealOne(ctx: Ctx, netuid: number, mecid: number, c: TimelockedCommit): Outcome {
  const pulse = ctx.state.get(Pulses, c.revealRound);
  if (pulse === null) return 'waiting';
  let payload: Uint8Array;
  try {
    payload = timelockDecrypt(c.ciphertext, pulse.signature);
  } catch (e) {
    if (e instanceof DrandError) return { ok: false, reason: e.code, detail: e.message };
    throw e;
  }
  const read = readTimelockedWeights(payload, accountToBytes(c.hotkey));
  if (!read.ok) {
    const detail =
      read.fault === 'HotkeyMismatch'
        ? 'the payload names another hotkey than the committer'
        : 'the decrypted bytes are not a weights payload';
    return { ok: false, reason: read.fault, detail };
  }
  const { uids, values, versionKey } = read.weights;
  const s = ctx.state;
  const before = ctx.events.length;
  s.checkpoint();
  try {
    applyWeights(ctx, c.hotkey, { netuid, mecid, uids, values, versionKey });
    s.commit();
    return { ok: true };
  } catch (e) {
    s.revert();
    ctx.events.splice(before);
    if (e instanceof RuntimeError) return { ok: false, reason: e.code, detail: e.message };
    throw e;
  }
}

function recordFailure(
  ctx: Ctx,
  netuid: number,
  mecid: number,
  index: number,
  commitEpoch: bigint,
  c: TimelockedCommit,
  why: { reason: string; detail: string },
): void {
  const s = ctx.state;
  const kept = s.get(TimelockedRevealFailures, [index, c.hotkey]);
  const failure = {
    commitBlock: c.commitBlock,
    commitEpoch,
    revealRound: c.revealRound,
    block: ctx.now,
    reason: why.reason,
    detail: why.detail,
  };
  s.set(TimelockedRevealFailures, [index, c.hotkey], [...kept, failure].slice(-FAILURES_KEPT));
  ctx.emit(
    event('TimelockedWeightsRevealFailed', {
      netuid,
      ...(mecid === 0 ? {} : { mecid }),
      hotkey: c.hotkey,
      revealRound: c.revealRound,
      commitBlock: c.commitBlock,
      reason: why.reason,
      detail: why.detail,
    }),
  );
}
