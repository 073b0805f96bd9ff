/**
 * Changing a subnet hyperparameter. The owner may change the owner-settable ones within their
 * bounds, outside the freeze window just before an epoch, and each at most once per rate-limit
 * period (`owner-setter-limits.ts`: 10 blocks and two tempos by default, the admin sets both); the
 * admin account may change any of them. Every change is an event.
 */
import type { AccountId } from '@taonet/primitives';
import { ensure, fail } from '../errors.js';
import {
  HYPERPARAMETER_SPECS,
  type HyperparameterName,
  type SubnetHyperparameters,
} from '../params/hyperparameters.js';
import { ensureMaxUidsOverAllMechanisms, mechanismCount } from './mechanism-index.js';
import { storageMap } from '../state/storage.js';
import { isAdmin } from '../system/admin-origin.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { ensureAdminWindowOpen, ownerHyperparamRateLimitBlocks } from './owner-setter-limits.js';
import { Hyperparameters, LastEpochBlock, SubnetOwner } from './storage.js';

export const LastHyperparameterChange = storageMap<string, bigint>(
  'subnets.lastHyperparamChange',
  (k) => k,
  () => 0n,
);

export type HyperparameterValue = number | bigint | boolean | string;

/**
 * Bounds that hold for everyone, the admin included: the width of the stored integer, plus the few
 * limits the chain itself relies on (uids fit u16, a reveal needs at least one epoch).
 */
const U64_MAX = (1n << 64n) - 1n;
const HARD_BOUNDS: Partial<Record<HyperparameterName, readonly [bigint, bigint]>> = {
  alphaSigmoidSteepness: [-32768n, 32767n],
  maxAllowedUids: [1n, 4096n],
  maxAllowedValidators: [0n, 4096n],
  revealPeriodEpochs: [1n, 100n],
  burnIncreaseMult: [1n << 64n, U64_MAX << 64n],
};

function hardBounds(name: HyperparameterName, sample: unknown): readonly [bigint, bigint] {
  return HARD_BOUNDS[name] ?? (typeof sample === 'bigint' ? [0n, U64_MAX] : [0n, 65535n]);
}

/**
 * Checks that `value` has the parameter's type and lies within its bounds: the owner's bounds for
 * the owner, the storage type's range for the admin (who may, e.g., set a dev tempo of 10).
 */
export function checkHyperparameterValue(
  name: HyperparameterName,
  value: unknown,
  current: SubnetHyperparameters,
  admin = false,
): void {
  const spec = HYPERPARAMETER_SPECS[name];
  const sample = current[name];
  if (typeof value !== typeof sample) fail('InvalidArgument', `${name} takes a ${typeof sample}, got ${typeof value}`);
  if (name === 'recycleOrBurn' && value !== 'burn' && value !== 'recycle')
    fail('InvalidArgument', "use 'burn' or 'recycle'");
  if (typeof value === 'number' || typeof value === 'bigint') {
    // Checked before BigInt(): BigInt(1.5) throws a RangeError, which would abort the whole block.
    if (typeof value === 'number' && !Number.isSafeInteger(value))
      fail('InvalidArgument', `${name} must be an integer`);
    const v = BigInt(value);
    const [hardLo, hardHi] = hardBounds(name, sample);
    const lo = admin ? hardLo : (spec.min ?? 0n) > hardLo ? (spec.min ?? 0n) : hardLo;
    const hi = admin ? hardHi : spec.max === undefined || spec.max > hardHi ? hardHi : spec.max;
    ensure(v >= lo && v <= hi, 'HyperparameterOutOfBounds', `${name} must be in ${lo}..${hi}`);
  }
}

/** The constraints between hyperparameters that every set of them must keep. */
export function checkHyperparameterSet(next: SubnetHyperparameters): void {
  ensure(next.alphaLow <= next.alphaHigh, 'HyperparameterOutOfBounds', 'alphaLow must not exceed alphaHigh');
  ensure(next.minBurn < next.maxBurn, 'HyperparameterOutOfBounds', 'minBurn must stay below maxBurn');
  ensure(next.maxAllowedValidators <= next.maxAllowedUids, 'HyperparameterOutOfBounds', 'more validators than uids');
}

export function setHyperparameter(ctx: Ctx, who: AccountId, netuid: number, name: string, value: unknown): void {
  const s = ctx.state;
  const current = s.get(Hyperparameters, netuid);
  if (current === null) fail('SubnetNotExists', `no subnet ${netuid}`);
  if (!Object.hasOwn(HYPERPARAMETER_SPECS, name)) fail('InvalidArgument', `unknown hyperparameter '${name}'`);
  const key = name as HyperparameterName;
  const admin = isAdmin(ctx, who);
  const isOwner = s.get(SubnetOwner, netuid) === who;
  ensure(admin || isOwner, 'NotSubnetOwner', `subnet ${netuid} belongs to ${s.get(SubnetOwner, netuid)}`);
  checkHyperparameterValue(key, value, current, admin);
  const next = { ...current, [key]: value } as SubnetHyperparameters;
  checkHyperparameterSet(next);
  if (key === 'maxAllowedUids') ensureMaxUidsOverAllMechanisms(next.maxAllowedUids, mechanismCount(s, netuid));
  if (!admin) {
    ensure(
      HYPERPARAMETER_SPECS[key].owner,
      'HyperparameterNotOwnerSettable',
      `${name} can only be changed by the admin account`,
    );
    ensureAdminWindowOpen(ctx, netuid);
    const last = s.get(LastHyperparameterChange, `${netuid}/${name}`);
    const limit = ownerHyperparamRateLimitBlocks(s, current.tempo);
    ensure(last === 0n || ctx.now - last >= limit, 'TxRateLimitExceeded', `next allowed at block ${last + limit}`);
    s.set(LastHyperparameterChange, `${netuid}/${name}`, ctx.now);
  }
  s.set(Hyperparameters, netuid, next);
  if (key === 'tempo') s.set(LastEpochBlock, netuid, ctx.now);
  ctx.emit(event('HyperparameterSet', { netuid, name, value, by: who }));
}
