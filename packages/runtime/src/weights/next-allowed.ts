/**
 * When a rate-limited call becomes possible again, for views and for error hints. A limit counts
 * from the last time the action happened; "never happened" (block 0) always passes.
 */
import type { AccountId } from '@taonet/primitives';
import type { State } from '../state/state.js';
import { Axons, Uids } from '../neurons/storage.js';
import { subnetHyperparameters } from '../neurons/subnet-lookup.js';
import { lastUpdateOf } from '../neurons/uid-columns.js';
import { netuidStorageIndex } from '../subnets/mechanism-index.js';

/**
 * First block at which `hotkey` may set (or commit) weights on mechanism `mecid` of `netuid`: 0 if
 * it never has, null if it is not registered there. Each mechanism has its own limit.
 */
export function nextWeightsAllowedBlock(s: State, netuid: number, hotkey: AccountId, mecid = 0): bigint | null {
  const uid = s.get(Uids, [netuid, hotkey]);
  if (uid === null) return null;
  const last = lastUpdateOf(s, netuidStorageIndex(netuid, mecid), uid);
  return last === 0n ? 0n : last + subnetHyperparameters(s, netuid).weightsSetRateLimit;
}

/** First block at which `hotkey` may serve its axon on `netuid` again (0 = now). */
export function nextServeAllowedBlock(s: State, netuid: number, hotkey: AccountId): bigint {
  const limit = subnetHyperparameters(s, netuid).servingRateLimit;
  const last = s.get(Axons, [netuid, hotkey])?.block ?? 0n;
  return limit === 0n || last === 0n ? 0n : last + limit;
}
