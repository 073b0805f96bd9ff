/**
 * Which uid a registration on a full subnet takes over (§8.3). The lowest earner goes first, so a
 * neuron that does no useful work loses its slot; immunity gives newcomers time to start earning,
 * and a floor of non-immune neurons keeps a flood of registrations from evicting each other at once.
 */
import type { AccountId } from '@taonet/primitives';
import type { State } from '../state/state.js';
import { SubnetOwner, SubnetOwnerHotkey } from '../subnets/storage.js';
import { BlockAtRegistration, EpochResults, Keys, OwnedHotkeys, Uids } from './storage.js';
import { subnetHyperparameters } from './subnet-lookup.js';

/** ImmuneOwnerUidsLimit: the reference default (there is no per-subnet setting here yet). */
const IMMUNE_OWNER_UIDS_LIMIT = 1;

/**
 * Owner hotkeys that are never pruned: the owner coldkey's registered hotkeys, oldest first, cut to
 * the limit, with the subnet owner hotkey taking precedence over all of them.
 */
export function immortalOwnerHotkeys(s: State, netuid: number): AccountId[] {
  const blocks = s.get(BlockAtRegistration, netuid);
  const owner = s.get(SubnetOwner, netuid);
  const triples: { block: bigint; uid: number; hotkey: AccountId }[] = [];
  for (const hotkey of owner === null ? [] : s.get(OwnedHotkeys, owner)) {
    const uid = s.get(Uids, [netuid, hotkey]);
    if (uid !== null) triples.push({ block: blocks[uid] ?? 0n, uid, hotkey });
  }
  triples.sort((a, b) => (a.block !== b.block ? (a.block < b.block ? -1 : 1) : a.uid - b.uid));
  const immortal = triples.slice(0, IMMUNE_OWNER_UIDS_LIMIT).map((t) => t.hotkey);
  const ownerHotkey = s.get(SubnetOwnerHotkey, netuid);
  if (ownerHotkey !== null && s.get(Uids, [netuid, ownerHotkey]) !== null && !immortal.includes(ownerHotkey)) {
    immortal.unshift(ownerHotkey);
    immortal.length = Math.min(immortal.length, IMMUNE_OWNER_UIDS_LIMIT);
  }
  return immortal;
}

export function isImmune(registeredAt: bigint, now: bigint, immunityPeriod: bigint): boolean {
  const age = now > registeredAt ? now - registeredAt : 0n;
  return age < immunityPeriod;
}

interface Candidate {
  readonly emission: bigint;
  readonly block: bigint;
  readonly uid: number;
}

/** Lower emission, then earlier registration, then lower uid. */
function beats(a: Candidate, b: Candidate): boolean {
  if (a.emission !== b.emission) return a.emission < b.emission;
  if (a.block !== b.block) return a.block < b.block;
  return a.uid < b.uid;
}

/** The uid to replace at block `now`, or null when every uid is protected. */
export function neuronToPrune(s: State, netuid: number, now: bigint): number | null {
  const keys = s.get(Keys, netuid);
  if (keys.length === 0) return null;
  const hp = subnetHyperparameters(s, netuid);
  const immortal = immortalOwnerHotkeys(s, netuid);
  const emission = s.get(EpochResults, netuid)?.emission ?? [];
  const blocks = s.get(BlockAtRegistration, netuid);
  let bestFree: Candidate | null = null;
  let bestImmune: Candidate | null = null;
  let freeCount = 0;
  for (let uid = 0; uid < keys.length; uid++) {
    if (immortal.includes(keys[uid] as AccountId)) continue;
    const c: Candidate = { emission: emission[uid] ?? 0n, block: blocks[uid] ?? 0n, uid };
    if (isImmune(c.block, now, hp.immunityPeriod)) {
      if (bestImmune === null || beats(c, bestImmune)) bestImmune = c;
    } else {
      freeCount++;
      if (bestFree === null || beats(c, bestFree)) bestFree = c;
    }
  }
  if (bestFree !== null && freeCount > hp.minNonImmuneUids) return bestFree.uid;
  return bestImmune?.uid ?? null;
}
