/**
 * Root dividends. Each epoch credits a per-hotkey rate (alpha per unit of root stake); a coldkey
 * claims `rate × its root stake − what it already claimed`. Stake changes adjust that debt so a
 * late staker cannot claim dividends earned before it arrived. Claims happen on request
 * (claim_root) and automatically for a few coldkeys each block, drawn from the parent hash.
 */
import { type AccountId, fixed, fromHex, I96F32 } from '@taonet/primitives';
import { ensure, RuntimeError } from '../errors.js';
import type { State } from '../state/state.js';
import { increaseStake, stakeOf } from '../staking/stake-pool-state.js';
import { StakingHotkeys, TotalHotkeyAlpha } from '../staking/storage.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import { Netuids } from '../subnets/storage.js';
import { buyAlpha, sellAlpha } from '../swap/pool-state.js';
import { DEFAULT_MIN_PRICE_RAO } from '../swap/pool.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { RootClaimable, RootClaimed, RootClaimType, RootStakingColdkeys } from './storage.js';

export { adjustRootDebt } from './root-debt.js';

/** Credits root alpha dividends `amount` of subnet `netuid` to the stakers of root on `hotkey`. */
export function increaseRootClaimable(s: State, hotkey: AccountId, netuid: number, amount: bigint): boolean {
  const rootStake = s.get(TotalHotkeyAlpha, [hotkey, ROOT_NETUID]);
  if (rootStake === 0n || amount > rootStake) return false;
  const rate = fixed.safeDiv(I96F32, amount << 32n, rootStake << 32n);
  s.update(RootClaimable, [hotkey, netuid], (r) => r + rate);
  return true;
}

/** Alpha of subnet `netuid` the coldkey can claim through `hotkey`. */
export function owedRoot(s: State, hotkey: AccountId, coldkey: AccountId, netuid: number): bigint {
  const rate = s.get(RootClaimable, [hotkey, netuid]);
  if (rate === 0n) return 0n;
  const entitled = (rate * stakeOf(s, hotkey, coldkey, ROOT_NETUID)) >> 32n;
  const claimed = s.get(RootClaimed, [netuid, hotkey, coldkey]);
  return entitled > claimed ? entitled - claimed : 0n;
}

function claimOne(ctx: Ctx, hotkey: AccountId, coldkey: AccountId, netuid: number, ignoreMin: boolean): bigint {
  const s = ctx.state;
  const owed = owedRoot(s, hotkey, coldkey, netuid);
  if (owed === 0n || (!ignoreMin && owed < ctx.params.rootClaimableThreshold)) return 0n;
  if (s.get(RootClaimType, coldkey) === 'keep') {
    increaseStake(s, hotkey, coldkey, netuid, owed);
  } else {
    // Sell the alpha fee-free at any price and stake the TAO on root. A failed sale is skipped.
    s.checkpoint();
    try {
      const sold = sellAlpha(ctx, netuid, owed, {
        limitPriceRao: DEFAULT_MIN_PRICE_RAO,
        dropFees: true,
        flow: 'protocol',
      });
      // The alpha sold was never in anyone's stake: it came out of alpha-out pending dividends.
      const bought = buyAlpha(ctx, ROOT_NETUID, sold.paidOut, { dropFees: true, flow: 'none' });
      increaseStake(s, hotkey, coldkey, ROOT_NETUID, bought.paidOut);
      s.commit();
    } catch (e) {
      s.revert();
      // A refused swap (a RuntimeError) skips this claim; anything else is a bug and aborts the block.
      if (!(e instanceof RuntimeError)) throw e;
      return 0n;
    }
  }
  s.update(RootClaimed, [netuid, hotkey, coldkey], (c) => c + owed);
  ctx.emit(event('RootClaimed', { coldkey, hotkey, netuid, alpha: owed }));
  return owed;
}

/** Claims root dividends of `coldkey` on the given subnets (all when null). */
export function claimRoot(ctx: Ctx, coldkey: AccountId, netuids: readonly number[] | null, ignoreMin: boolean): bigint {
  const s = ctx.state;
  const subnets = netuids ?? s.value(Netuids).filter((n) => n !== ROOT_NETUID);
  let total = 0n;
  for (const hotkey of s.get(StakingHotkeys, coldkey)) {
    if (stakeOf(s, hotkey, coldkey, ROOT_NETUID) === 0n) continue;
    for (const n of subnets) total += claimOne(ctx, hotkey, coldkey, n, ignoreMin);
  }
  return total;
}

export function claimRootCall(ctx: Ctx, coldkey: AccountId, netuids: readonly number[]): void {
  ensure(netuids.length >= 1 && netuids.length <= 5, 'InvalidSubnetNumber', `got ${netuids.length} subnets`);
  claimRoot(ctx, coldkey, netuids, false);
}

/**
 * Auto-claims for up to `numRootClaim` coldkeys chosen from the parent hash: big-endian u64 words
 * of the hash step through the list of root-staking coldkeys.
 */
export function autoClaimRoot(ctx: Ctx): void {
  const s = ctx.state;
  const list = s.value(RootStakingColdkeys);
  if (list.length === 0) return;
  const hash = fromHex(ctx.block.parentHash);
  const word = (off: number): bigint => {
    let v = 0n;
    for (let i = 0; i < 8; i++) v = (v << 8n) | BigInt(hash[(off + i) % hash.length] ?? 0);
    return v;
  };
  const n = BigInt(list.length);
  const chosen = new Set<number>();
  let last = word(0);
  for (let i = 0; i < ctx.params.numRootClaim; i++) {
    last = (last + word((8 * i) % 32)) % n;
    chosen.add(Number(last));
  }
  for (const idx of [...chosen].sort((a, b) => a - b)) claimRoot(ctx, list[idx] as AccountId, null, false);
}
