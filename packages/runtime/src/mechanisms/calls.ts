/**
 * Mechanism calls (subtensor's admin-utils names): the subnet owner or the admin sets the count and
 * the emission split; the admin sets the network-wide maximum count.
 */
import { ensure } from '../errors.js';
import { type Args, int, netuid, u16List } from '../system/args.js';
import { defineCall } from '../system/call.js';
import { event } from '../system/events.js';
import { MAX_MECHANISM_COUNT_PER_SUBNET, mechanismCount } from '../subnets/mechanism-index.js';
import {
  LastMechanismCountUpdate,
  LastMechanismEmissionUpdate,
  MaxMechanismCount,
  MechanismEmissionSplit,
} from '../subnets/storage.js';
import { checkEmissionSplit } from './emission-split.js';
import { checkMechanismCount, updateMechanismCount } from './mechanism-count.js';
import {
  authorizeMechanismChange,
  MECHANISM_COUNT_SET_RATE_LIMIT,
  MECHANISM_EMISSION_RATE_LIMIT,
} from './owner-change.js';

/** `maybeSplit`: a list of u16 parts, or null/absent to go back to the even split. */
function maybeSplit(a: Args): number[] | null {
  return a.maybeSplit === undefined || a.maybeSplit === null ? null : u16List(a, 'maybeSplit', 256);
}

export const mechanismCalls = [
  defineCall({
    name: 'sudo_set_mechanism_count',
    signer: 'coldkey',
    pays: true,
    root: true,
    description:
      'Set how many mechanisms (incentive mechanisms with their own weights) the subnet runs (owner or admin).',
    parse: (a) => ({ netuid: netuid(a), mechanismCount: int(a, 'mechanismCount', 0, 255) }),
    run(ctx, who, a) {
      const s = ctx.state;
      authorizeMechanismChange(ctx, who, a.netuid, {
        last: LastMechanismCountUpdate,
        blocks: MECHANISM_COUNT_SET_RATE_LIMIT,
      });
      checkMechanismCount(s, a.netuid, a.mechanismCount);
      if (updateMechanismCount(s, a.netuid, a.mechanismCount)) {
        ctx.emit(event('MechanismCountSet', { netuid: a.netuid, count: a.mechanismCount }));
      }
    },
  }),
  defineCall({
    name: 'sudo_set_mechanism_emission_split',
    signer: 'coldkey',
    pays: true,
    root: true,
    description:
      "Split the subnet's emission between its mechanisms: u16 parts summing to 65535, or null for even (owner or admin).",
    parse: (a) => ({ netuid: netuid(a), maybeSplit: maybeSplit(a) }),
    run(ctx, who, a) {
      const s = ctx.state;
      authorizeMechanismChange(ctx, who, a.netuid, {
        last: LastMechanismEmissionUpdate,
        blocks: MECHANISM_EMISSION_RATE_LIMIT,
      });
      if (a.maybeSplit === null) s.remove(MechanismEmissionSplit, a.netuid);
      else {
        checkEmissionSplit(a.maybeSplit, mechanismCount(s, a.netuid));
        s.set(MechanismEmissionSplit, a.netuid, a.maybeSplit);
      }
      ctx.emit(event('MechanismEmissionSplitSet', { netuid: a.netuid, split: a.maybeSplit }));
    },
  }),
  defineCall({
    name: 'sudo_set_max_mechanism_count',
    signer: 'admin',
    pays: false,
    description: `Set the most mechanisms any subnet may run, 1..${MAX_MECHANISM_COUNT_PER_SUBNET} (admin only).`,
    parse: (a) => ({ maxMechanismCount: int(a, 'maxMechanismCount', 0, 255) }),
    run(ctx, _who, a) {
      const max = a.maxMechanismCount;
      ensure(max > 0, 'InvalidValue', 'the maximum must be at least 1');
      ensure(max <= MAX_MECHANISM_COUNT_PER_SUBNET, 'InvalidValue', `at most ${MAX_MECHANISM_COUNT_PER_SUBNET}`);
      ctx.state.put(MaxMechanismCount, max);
      ctx.emit(event('MaxMechanismCountSet', { max }));
    },
  }),
];
