/** Account-level views: balances, stake positions (alpha, with its TAO value apart), rate limits. */
import { type AccountId, fixed, U64F64 } from '@taonet/primitives';
import { freeBalance, nonceOf } from '../balances/ledger.js';
import { Uids } from '../neurons/storage.js';
import { owedRoot } from '../root/root-claim.js';
import type { State } from '../state/state.js';
import { stakeOf } from '../staking/stake-pool-state.js';
import { StakingHotkeys } from '../staking/storage.js';
import { takeOf } from '../staking/take.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import { Netuids, TokenSymbol } from '../subnets/storage.js';
import { currentPrice } from '../swap/pool-state.js';
import { nextServeAllowedBlock, nextWeightsAllowedBlock } from '../weights/next-allowed.js';

export interface StakePosition {
  readonly hotkey: AccountId;
  readonly netuid: number;
  readonly symbol: string;
  /** Alpha of that subnet (rao). Never added to TAO without a price. */
  readonly alpha: bigint;
  /** Spot price used for the value, U64F64 raw. */
  readonly price: bigint;
  /** What the alpha is worth at spot price, before slippage and fees (rao of TAO). */
  readonly taoValue: bigint;
  /** Root dividends claimable through this hotkey on this subnet (alpha rao). */
  readonly rootClaimable: bigint;
  readonly take: number;
}

export interface AccountInfo {
  readonly account: AccountId;
  readonly free: bigint;
  readonly nonce: bigint;
  readonly stakes: StakePosition[];
  /** Σ taoValue of all positions (rao of TAO, spot). */
  readonly stakedTaoValue: bigint;
}

export function stakePositions(s: State, coldkey: AccountId): StakePosition[] {
  const out: StakePosition[] = [];
  for (const hotkey of s.get(StakingHotkeys, coldkey)) {
    for (const netuid of s.value(Netuids)) {
      const alpha = stakeOf(s, hotkey, coldkey, netuid);
      const claimable = netuid === ROOT_NETUID ? 0n : owedRoot(s, hotkey, coldkey, netuid);
      if (alpha === 0n && claimable === 0n) continue;
      const price = currentPrice(s, netuid);
      out.push({
        hotkey,
        netuid,
        symbol: s.get(TokenSymbol, netuid),
        alpha,
        price,
        taoValue: fixed.floorToInt(U64F64, price * alpha),
        rootClaimable: claimable,
        take: takeOf(s, hotkey),
      });
    }
  }
  return out;
}

export function accountInfo(s: State, who: AccountId): AccountInfo {
  const stakes = stakePositions(s, who);
  return {
    account: who,
    free: freeBalance(s, who),
    nonce: nonceOf(s, who),
    stakes,
    stakedTaoValue: stakes.reduce((a, p) => a + p.taoValue, 0n),
  };
}

export interface NextAllowed {
  readonly netuid: number;
  readonly hotkey: AccountId;
  readonly registered: boolean;
  /** First block at which set_weights / commit_weights is allowed (null: not registered). */
  readonly weights: bigint | null;
  /** First block at which serve_axon is allowed. */
  readonly serve: bigint;
}

/** Rate-limit blocks of a hotkey on a subnet; `weights` is for mechanism `mecid` (each has its own limit). */
export function nextAllowed(s: State, netuid: number, hotkey: AccountId, mecid = 0): NextAllowed {
  return {
    netuid,
    hotkey,
    registered: s.get(Uids, [netuid, hotkey]) !== null,
    weights: nextWeightsAllowedBlock(s, netuid, hotkey, mecid),
    serve: nextServeAllowedBlock(s, netuid, hotkey),
  };
}
