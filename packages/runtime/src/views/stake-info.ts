/**
 * Stake positions as subtensor's StakeInfo and StakeAvailability report them: one row per
 * (hotkey, subnet) a coldkey holds alpha on, with the hotkey's last-epoch emission on that subnet.
 * Taonet has no stake locks, so nothing is ever locked and all stake is available.
 */
import type { AccountId } from '@taonet/primitives';
import { EpochResults, Uids } from '../neurons/storage.js';
import type { State } from '../state/state.js';
import { stakeOf } from '../staking/stake-pool-state.js';
import { StakingHotkeys } from '../staking/storage.js';
import { Hyperparameters, Netuids } from '../subnets/storage.js';

export interface StakeInfoView {
  readonly hotkey: AccountId;
  readonly coldkey: AccountId;
  readonly netuid: number;
  /** Alpha the coldkey holds through the hotkey (rao). */
  readonly stake: bigint;
  /** Alpha the hotkey earned in the subnet's last epoch (0 when not registered). */
  readonly emission: bigint;
  readonly registered: boolean;
}

/** The hotkey's emission in the last epoch of `netuid` (its uid's column), 0 when it has no uid. */
export function hotkeyEpochEmission(s: State, hotkey: AccountId, netuid: number): bigint {
  const uid = s.get(Uids, [netuid, hotkey]);
  if (uid === null) return 0n;
  return s.get(EpochResults, netuid)?.emission[uid] ?? 0n;
}

/** One position, zero stake included (clients index it unconditionally). */
export function stakeInfoFor(s: State, hotkey: AccountId, coldkey: AccountId, netuid: number): StakeInfoView {
  return {
    hotkey,
    coldkey,
    netuid,
    stake: stakeOf(s, hotkey, coldkey, netuid),
    emission: hotkeyEpochEmission(s, hotkey, netuid),
    registered: s.get(Uids, [netuid, hotkey]) !== null,
  };
}

/** Every non-zero position of a coldkey, by subnet, then in its staking-hotkey order. */
export function stakeInfo(s: State, coldkey: AccountId): StakeInfoView[] {
  const hotkeys = s.get(StakingHotkeys, coldkey);
  const out: StakeInfoView[] = [];
  for (const netuid of s.value(Netuids)) {
    for (const hotkey of hotkeys) {
      const row = stakeInfoFor(s, hotkey, coldkey, netuid);
      if (row.stake !== 0n) out.push(row);
    }
  }
  return out;
}

export interface StakeAvailabilityView {
  readonly total: bigint;
  readonly locked: bigint;
  readonly available: bigint;
}

/**
 * What a coldkey can unstake per subnet. `netuids` null scans every subnet; a list is
 * deduplicated and limited to existing subnets, and an empty or over-long list (more entries than
 * subnets) answers an empty map, as subtensor does. Subnets with no stake are left out.
 */
export function stakeAvailability(
  s: State,
  coldkey: AccountId,
  netuids: readonly number[] | null,
): Map<number, StakeAvailabilityView> {
  const existing = s.value(Netuids);
  let scan: number[];
  if (netuids === null) scan = existing;
  else {
    const wanted = [...new Set(netuids)].sort((a, b) => a - b);
    if (wanted.length === 0 || wanted.length > existing.length) return new Map();
    scan = wanted.filter((n) => s.get(Hyperparameters, n) !== null);
  }
  const hotkeys = s.get(StakingHotkeys, coldkey);
  const out = new Map<number, StakeAvailabilityView>();
  for (const netuid of scan) {
    let total = 0n;
    for (const hk of hotkeys) total += stakeOf(s, hk, coldkey, netuid);
    if (total !== 0n) out.set(netuid, { total, locked: 0n, available: total });
  }
  return out;
}
