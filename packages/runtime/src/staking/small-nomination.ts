/**
 * Small nominations: after an unstake, a nominator (a coldkey that does not own the hotkey) left
 * with a positive stake worth less than the nominator minimum is unstaked in full, as the
 * reference does, so dust positions do not pile up in the share pools. The minimum is
 * `nominatorMinRequiredStake` parts per million of the default minimum stake, in TAO, turned into
 * alpha at the spot price.
 */
import { type AccountId, fixed, U64F64 } from '@taonet/primitives';
import { credit } from '../balances/ledger.js';
import { RuntimeError } from '../errors.js';
import { Owner } from '../neurons/storage.js';
import type { State } from '../state/state.js';
import { currentPrice, sellAlpha } from '../swap/pool-state.js';
import { DEFAULT_MIN_PRICE_RAO } from '../swap/pool.js';
import type { Ctx } from '../system/context.js';
import { event } from '../system/events.js';
import { decreaseStake, increaseStake, stakeOf } from './stake-pool-state.js';

const U64_MAX = (1n << 64n) - 1n;

/** The nominator minimum in TAO (rao). */
export function nominatorMinStake(defaultMinStake: bigint, factorPerMillion: bigint): bigint {
  const v = (defaultMinStake * factorPerMillion) / 1_000_000n;
  return v > U64_MAX ? U64_MAX : v;
}

/** The nominator minimum in the subnet's alpha at the current price (0 when the price is 0). */
export function nominatorMinAlpha(s: State, netuid: number, minTao: bigint): bigint {
  const alpha = fixed.safeDiv(U64F64, fixed.fromInt(U64F64, minTao), currentPrice(s, netuid));
  return fixed.toIntSaturating(U64F64, alpha, 0n, U64_MAX);
}

export function clearSmallNominationIfRequired(ctx: Ctx, hotkey: AccountId, coldkey: AccountId, netuid: number): void {
  const s = ctx.state;
  if (s.get(Owner, hotkey) === coldkey) return;
  const alpha = stakeOf(s, hotkey, coldkey, netuid);
  const p = ctx.params;
  const minAlpha = nominatorMinAlpha(s, netuid, nominatorMinStake(p.defaultMinStake, p.nominatorMinRequiredStake));
  if (alpha === 0n || alpha >= minAlpha) return;
  decreaseStake(s, hotkey, coldkey, netuid, alpha);
  s.checkpoint();
  try {
    const q = sellAlpha(ctx, netuid, alpha, { limitPriceRao: DEFAULT_MIN_PRICE_RAO, flow: 'user' });
    if (q.unsold > 0n) increaseStake(s, hotkey, coldkey, netuid, q.unsold);
    credit(s, coldkey, q.paidOut);
    s.commit();
    ctx.emit(event('StakeRemoved', { coldkey, hotkey, netuid, alpha: q.paidIn + q.fee, tao: q.paidOut, fee: q.fee }));
  } catch (e) {
    // The reference drops the dust when the pool refuses the sale; it stays counted in alpha out.
    s.revert();
    if (!(e instanceof RuntimeError)) throw e;
  }
  ctx.emit(event('SmallNominationCleared', { coldkey, hotkey, netuid, alpha }));
}
