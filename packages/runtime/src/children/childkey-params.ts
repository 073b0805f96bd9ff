/**
 * sudo_set_childkey_param: the admin changes one network-wide child hotkey parameter (the
 * reference's admin calls for the min/max childkey take, its rate limit, CKBurn and the pending
 * cooldown), or a subnet's minimum childkey take when a netuid is given.
 */
import { ensure, fail } from '../errors.js';
import { MinChildkeyTakePerSubnet, ChildKeyParamsItem, type ChildKeyParams } from './storage.js';
import { childKeyParams } from './state-graph.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { Hyperparameters } from '../subnets/storage.js';

const U64_MAX = (1n << 64n) - 1n;

/** Each parameter's type and upper bound. */
const BOUNDS: Readonly<Record<keyof ChildKeyParams, { kind: 'number' | 'bigint'; max: bigint }>> = {
  pendingCooldown: { kind: 'bigint', max: U64_MAX },
  setChildrenRateLimit: { kind: 'bigint', max: U64_MAX },
  minChildkeyTake: { kind: 'number', max: 65535n },
  maxChildkeyTake: { kind: 'number', max: 65535n },
  childkeyTakeRateLimit: { kind: 'bigint', max: U64_MAX },
  ckBurn: { kind: 'bigint', max: U64_MAX },
};

export function setChildkeyParam(ctx: Ctx, name: string, value: number | bigint, netuid: number | null): void {
  const s = ctx.state;
  if (!Object.hasOwn(BOUNDS, name)) {
    fail('InvalidArgument', `unknown child hotkey parameter '${name}'; one of ${Object.keys(BOUNDS).join(', ')}`);
  }
  const b = BOUNDS[name as keyof ChildKeyParams];
  ensure(typeof value === b.kind, 'InvalidArgument', `${name} takes a ${b.kind}`);
  ensure(
    (typeof value === 'bigint' || Number.isSafeInteger(value)) && BigInt(value) >= 0n && BigInt(value) <= b.max,
    'InvalidArgument',
    `${name} must be an integer from 0 to ${b.max}`,
  );
  if (netuid !== null) {
    ensure(name === 'minChildkeyTake', 'InvalidArgument', 'only minChildkeyTake can be set per subnet');
    if (s.get(Hyperparameters, netuid) === null) fail('SubnetNotExists', `no subnet ${netuid}`);
    s.set(MinChildkeyTakePerSubnet, netuid, Number(value));
  } else {
    s.put(ChildKeyParamsItem, { ...childKeyParams(s), [name]: value });
  }
  ctx.emit(event('ChildKeyParamSet', { name, value, netuid }));
}
