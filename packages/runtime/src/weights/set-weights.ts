/**
 * `set_weights` (§10.1). The checks run in the reference's order because the first failing check
 * names the error a validator sees, and validators script against those names. Values are stored
 * max-upscaled (largest = 65535), in the order submitted: the epoch reads them in storage order.
 */
import type { AccountId } from '@taonet/primitives';
import { checkVecMaxLimited, vecU16MaxUpscaleToU16 } from '../epoch/max-upscale.js';
import { ensure } from '../errors.js';
import { EpochResults, Keys, Uids } from '../neurons/storage.js';
import { subnetHyperparameters } from '../neurons/subnet-lookup.js';
import { ensureMechanismExists, netuidStorageIndex } from '../subnets/mechanism-index.js';
import { setLastUpdate } from '../neurons/uid-columns.js';
import { stakeForWeights } from '../children/epoch-stake.js';
import type { State } from '../state/state.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import { SubnetOwnerHotkey } from '../subnets/storage.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { nextWeightsAllowedBlock } from './next-allowed.js';
import { Weights } from './storage.js';

export interface SetWeightsArgs {
  readonly netuid: number;
  /** Mechanism the weights are for (0 = the subnet's first). */
  readonly mecid?: number;
  readonly uids: readonly number[];
  readonly values: readonly number[];
  readonly versionKey: bigint;
}

/** A single weight on oneself is always allowed: it is how a miner without a permit stays active. */
function isSelfWeight(uid: number, uids: readonly number[], values: readonly number[]): boolean {
  return values.length === 1 && uids[0] === uid;
}

function ownerUid(s: State, netuid: number): number | null {
  const hotkey = s.get(SubnetOwnerHotkey, netuid);
  return hotkey === null ? null : s.get(Uids, [netuid, hotkey]);
}

function hasDuplicates(uids: readonly number[]): boolean {
  return new Set(uids).size !== uids.length;
}

/**
 * The full validation and the write, shared by `set_weights` and `reveal_weights`. The rate limit
 * and the LastUpdate refresh apply only when commit-reveal is off: with it on, the commit is what
 * is rate-limited and what counts as activity.
 */
export function applyWeights(
  ctx: Ctx,
  hotkey: AccountId,
  { netuid, mecid = 0, uids, values, versionKey }: SetWeightsArgs,
): void {
  const s = ctx.state;
  ensure(netuid !== ROOT_NETUID, 'CanNotSetRootNetworkWeights');
  ensure(uids.length === values.length, 'WeightVecNotEqualSize', () => `${uids.length} uids, ${values.length} values`);
  ensureMechanismExists(s, netuid, mecid);
  const index = netuidStorageIndex(netuid, mecid);
  const n = s.get(Keys, netuid).length;
  ensure(uids.length <= n, 'UidsLengthExceedUidsInSubNet', () => `${uids.length} weights, ${n} neurons`);
  const uid = s.get(Uids, [netuid, hotkey]);
  ensure(uid !== null, 'HotKeyNotRegisteredInSubNet', () => `netuid ${netuid}`);
  const hp = subnetHyperparameters(s, netuid);
  const isOwner = ownerUid(s, netuid) === uid;
  const threshold = ctx.params.stakeThreshold;
  ensure(isOwner || stakeForWeights(s, hotkey, netuid) >= threshold, 'NotEnoughStakeToSetWeights', () => {
    return `stake ${stakeForWeights(s, hotkey, netuid)}, threshold ${threshold}`;
  });
  const required = hp.weightsVersionKey;
  ensure(required === 0n || versionKey >= required, 'IncorrectWeightVersionKey', () => {
    return `the subnet requires version key ${required} or higher, got ${versionKey}`;
  });
  if (!hp.commitRevealEnabled) {
    const next = nextWeightsAllowedBlock(s, netuid, hotkey, mecid) ?? 0n;
    ensure(ctx.now >= next, 'SettingWeightsTooFast', () => `next allowed at block ${next}`);
  }
  const self = isSelfWeight(uid, uids, values);
  const permit = s.get(EpochResults, netuid)?.validatorPermit[uid] ?? false;
  ensure(self || isOwner || permit, 'NeuronNoValidatorPermit');
  ensure(!hasDuplicates(uids), 'DuplicateUids');
  const invalid = uids.find((u) => u >= n);
  ensure(invalid === undefined, 'UidVecContainInvalidOne', () => `uid ${invalid} does not exist (${n} neurons)`);
  const minLen = Math.min(hp.minAllowedWeights, n);
  ensure(self || values.length >= minLen, 'WeightVecLengthIsLow', () => `${values.length} weights, minimum ${minLen}`);
  const upscaled = vecU16MaxUpscaleToU16(values);
  ensure(
    self || hp.maxWeightsLimit === 65535 || checkVecMaxLimited(upscaled, hp.maxWeightsLimit),
    'MaxWeightExceeded',
    () => `no normalised weight may exceed ${hp.maxWeightsLimit}/65535`,
  );
  s.set(Weights, [index, uid], { cols: Uint16Array.from(uids), vals: Uint16Array.from(upscaled) });
  if (!hp.commitRevealEnabled) setLastUpdate(s, index, uid, ctx.now);
  ctx.emit(event('WeightsSet', mecid === 0 ? { netuid, uid } : { netuid, mecid, uid }));
}

/** The `set_weights` call: refused outright while the subnet uses commit-reveal. */
export function setWeights(ctx: Ctx, hotkey: AccountId, args: SetWeightsArgs): void {
  ensure(!subnetHyperparameters(ctx.state, args.netuid).commitRevealEnabled, 'CommitRevealEnabled');
  applyWeights(ctx, hotkey, args);
}
