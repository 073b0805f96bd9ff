/**
 * Validators as delegates, in subtensor's DelegateInfo terms: take, nominators with their alpha
 * per subnet, where the hotkey is registered and holds a validator permit, and what a day of its
 * recent emission is worth. Every hotkey with an owner is a delegate (Taonet has no opt-in).
 */
import { type AccountId, fixed, RAO_PER_TAO, U64F64 } from '@taonet/primitives';
import { EpochResults, Owner, Uids } from '../neurons/storage.js';
import type { State } from '../state/state.js';
import { stakeOf } from '../staking/stake-pool-state.js';
import { StakingHotkeys } from '../staking/storage.js';
import { takeOf } from '../staking/take.js';
import { Hyperparameters, Netuids } from '../subnets/storage.js';
import { currentPrice } from '../swap/pool-state.js';
import { hotkeyEpochEmission } from './stake-info.js';

/** subtensor's convention for a day: 7200 blocks of 12 s, whatever the block time. */
export const BLOCKS_PER_DAY = 7200n;
const U16_MAX = 65535n;

export interface NominatorView {
  readonly coldkey: AccountId;
  /** Alpha per subnet, non-zero entries only. */
  readonly stakes: readonly { readonly netuid: number; readonly alpha: bigint }[];
}

export interface DelegateView {
  readonly hotkey: AccountId;
  readonly owner: AccountId;
  /** u16 proportion. */
  readonly take: number;
  readonly nominators: readonly NominatorView[];
  readonly registrations: readonly number[];
  readonly validatorPermits: readonly number[];
  /** TAO (rao) a nominator earns per day per 1000 TAO staked, after the take. */
  readonly returnPer1000: bigint;
  /** TAO value (rao, spot) of a day of the hotkey's last-epoch emissions on every subnet. */
  readonly totalDailyReturn: bigint;
}

/** coldkey → hotkeys it stakes on, turned around: hotkey → its nominating coldkeys. */
function nominatorIndex(s: State): Map<AccountId, AccountId[]> {
  const idx = new Map<AccountId, AccountId[]>();
  for (const [ck, hks] of s.entries(StakingHotkeys)) {
    for (const hk of hks) {
      const list = idx.get(hk);
      if (list === undefined) idx.set(hk, [ck as AccountId]);
      else list.push(ck as AccountId);
    }
  }
  return idx;
}

const taoValue = (s: State, netuid: number, alpha: bigint): bigint =>
  fixed.floorToInt(U64F64, currentPrice(s, netuid) * alpha);

function build(s: State, hotkey: AccountId, owner: AccountId, coldkeys: readonly AccountId[]): DelegateView {
  const netuids = s.value(Netuids);
  const take = takeOf(s, hotkey);
  let staked = 0n;
  const nominators: NominatorView[] = [];
  for (const ck of coldkeys) {
    const stakes = netuids.flatMap((netuid) => {
      const alpha = stakeOf(s, hotkey, ck, netuid);
      return alpha === 0n ? [] : [{ netuid, alpha }];
    });
    for (const p of stakes) staked += taoValue(s, p.netuid, p.alpha);
    if (stakes.length > 0) nominators.push({ coldkey: ck, stakes });
  }
  const registrations: number[] = [];
  const validatorPermits: number[] = [];
  let daily = 0n;
  for (const netuid of netuids) {
    const uid = s.get(Uids, [netuid, hotkey]);
    if (uid === null) continue;
    registrations.push(netuid);
    if (s.get(EpochResults, netuid)?.validatorPermit[uid] === true) validatorPermits.push(netuid);
    const tempo = BigInt(s.get(Hyperparameters, netuid)?.tempo ?? 0);
    daily += taoValue(s, netuid, hotkeyEpochEmission(s, hotkey, netuid) * (BLOCKS_PER_DAY / (tempo + 1n)));
  }
  const returnPer1000 =
    staked === 0n ? 0n : (daily * (U16_MAX - BigInt(take)) * 1000n * RAO_PER_TAO) / (U16_MAX * staked);
  return {
    hotkey,
    owner,
    take,
    nominators,
    registrations,
    validatorPermits,
    returnPer1000,
    totalDailyReturn: daily,
  };
}

/** One delegate, or null for a hotkey nobody owns. */
export function delegateInfo(s: State, hotkey: AccountId): DelegateView | null {
  const owner = s.get(Owner, hotkey);
  if (owner === null) return null;
  return build(s, hotkey, owner, nominatorIndex(s).get(hotkey) ?? []);
}

/** Every delegate, in the order of the hotkey-owner map. */
export function delegates(s: State): DelegateView[] {
  const idx = nominatorIndex(s);
  return s
    .entries(Owner)
    .flatMap(([hk, owner]) =>
      owner === null ? [] : [build(s, hk as AccountId, owner, idx.get(hk as AccountId) ?? [])],
    );
}

/** The delegates a coldkey stakes on, one row per (hotkey, subnet) with its alpha there. */
export function delegated(
  s: State,
  coldkey: AccountId,
): { readonly delegate: DelegateView; readonly netuid: number; readonly alpha: bigint }[] {
  const out: { delegate: DelegateView; netuid: number; alpha: bigint }[] = [];
  const idx = nominatorIndex(s);
  for (const hk of s.get(StakingHotkeys, coldkey)) {
    const owner = s.get(Owner, hk);
    if (owner === null) continue;
    const d = build(s, hk, owner, idx.get(hk) ?? []);
    for (const n of d.nominators.find((x) => x.coldkey === coldkey)?.stakes ?? [])
      out.push({ delegate: d, netuid: n.netuid, alpha: n.alpha });
  }
  return out;
}
