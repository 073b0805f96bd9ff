/**
 * set_commitment: a hotkey registered on a subnet publishes up to three fields there (free, as in
 * the reference). Space is rate limited per epoch: each commitment counts its bytes, at least
 * 100, and a hotkey may use MaxSpace bytes per subnet per epoch.
 */
import type { AccountId } from '@taonet/primitives';
import { ensure } from '../errors.js';
import { Uids } from '../neurons/storage.js';
import { SubnetEpochIndex } from '../subnets/storage.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import {
  type CommitmentField,
  CommitmentOf,
  LastBondsReset,
  LastCommitment,
  MAX_COMMIT_FIELDS,
  MaxSpace,
  MIN_USED_SPACE,
  TimelockedIndex,
  UsedSpaceOf,
} from './storage.js';

/** Bytes a field counts toward the space limit. */
export function fieldSpace(f: CommitmentField): bigint {
  return 'data' in f ? BigInt((f.data.length - 2) / 2) : 0n;
}

export function setCommitment(ctx: Ctx, hotkey: AccountId, netuid: number, fields: readonly CommitmentField[]): void {
  const s = ctx.state;
  ensure(
    s.get(Uids, [netuid, hotkey]) !== null,
    'AccountNotAllowedCommit',
    `the hotkey is not registered on subnet ${netuid}; register it there first`,
  );
  ensure(
    fields.length <= MAX_COMMIT_FIELDS,
    'TooManyFieldsInCommitmentInfo',
    `${fields.length} fields; at most ${MAX_COMMIT_FIELDS}`,
  );
  const sum = fields.reduce((t, f) => t + fieldSpace(f), 0n);
  const required = sum > MIN_USED_SPACE ? sum : MIN_USED_SPACE;
  const epoch = s.get(SubnetEpochIndex, netuid);
  const prior = s.get(UsedSpaceOf, [netuid, hotkey]);
  const used = prior !== null && prior.lastEpoch === epoch ? prior.usedSpace : 0n;
  if (fields.some((f) => f.kind === 'resetBondsFlag')) s.set(LastBondsReset, [netuid, hotkey], ctx.now);
  const max = BigInt(s.value(MaxSpace));
  ensure(
    used + required <= max,
    'SpaceLimitExceeded',
    `this commitment counts ${required} bytes and ${used} of ${max} are used this epoch; wait for the subnet's next epoch`,
  );
  s.set(UsedSpaceOf, [netuid, hotkey], { lastEpoch: epoch, usedSpace: used + required });
  s.set(CommitmentOf, [netuid, hotkey], { fields, block: ctx.now, deposit: 0n });
  s.set(LastCommitment, [netuid, hotkey], ctx.now);
  // As the reference: a commitment carrying a timelocked field announces its round instead.
  const sealed = fields.find((f) => f.kind === 'timelockEncrypted');
  const key = `${netuid}/${hotkey}`;
  const index = s.value(TimelockedIndex).filter((k) => k !== key);
  s.put(TimelockedIndex, sealed === undefined ? index : [...index, key].sort());
  if (sealed === undefined) ctx.emit(event('Commitment', { netuid, who: hotkey }));
  else ctx.emit(event('TimelockCommitment', { netuid, who: hotkey, revealRound: sealed.revealRound }));
}
