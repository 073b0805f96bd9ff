/**
 * The largest stake operation that stays within a limit price. For a single pool this is a
 * simulated swap of far more than the pool could absorb (1000× its reserve), which the limit then
 * cuts short; for a move between two pools it is the closed form in both pools' reserves.
 */
import { fixed, U64F64 } from '@taonet/primitives';
import { isDynamic, limitPriceFromRao, type Pool, PRICE_UNIT_RAO } from './pool.js';
import { spotPrice } from './spot-price.js';
import { swapQuote } from './swap-quote.js';

const U64_MAX = (1n << 64n) - 1n;
const SIM_MULTIPLE = 1000n;
const satU64 = (v: bigint): bigint => (v > U64_MAX ? U64_MAX : v);

/** Most TAO that can be staked before the price passes `limitRao` (fee included). */
export function maxAmountAdd(pool: Pool, limitRao: bigint): bigint {
  if (!isDynamic(pool)) return limitRao >= PRICE_UNIT_RAO ? U64_MAX : 0n;
  const q = swapQuote(pool, 'buy', satU64(pool.tao * SIM_MULTIPLE), { limitPriceRao: limitRao });
  return q.paidIn + q.fee;
}

/** Most alpha that can be unstaked before the price falls below `limitRao` (fee included). */
export function maxAmountRemove(pool: Pool, limitRao: bigint): bigint {
  if (!isDynamic(pool)) return limitRao <= PRICE_UNIT_RAO ? U64_MAX : 0n;
  const q = swapQuote(pool, 'sell', satU64(pool.alpha * SIM_MULTIPLE), { limitPriceRao: limitRao });
  return q.paidIn + q.fee;
}

/**
 * Most origin alpha that can be moved to the destination subnet while the origin-in-destination
 * price stays at or above `limitRao` (1e9 = 1.0).
 */
export function maxAmountMove(origin: Pool, destination: Pool, limitRao: bigint): bigint {
  const originDynamic = isDynamic(origin);
  const destinationDynamic = isDynamic(destination);
  if (!originDynamic && !destinationDynamic) return limitRao > PRICE_UNIT_RAO ? 0n : U64_MAX;
  if (!originDynamic) {
    if (limitRao === 0n) return U64_MAX;
    // The destination price that corresponds to the limit: 1e9/limit, back in rao per alpha.
    const inverse = fixed.safeDiv(U64F64, PRICE_UNIT_RAO << 64n, limitRao << 64n);
    return maxAmountAdd(destination, satU64((inverse * PRICE_UNIT_RAO) >> 64n));
  }
  if (!destinationDynamic) return maxAmountRemove(origin, limitRao);

  const { tao: t1, alpha: a1 } = origin;
  const { tao: t2, alpha: a2 } = destination;
  if (t1 === 0n || a1 === 0n || t2 === 0n || a2 === 0n) return 0n;
  const limit = limitPriceFromRao(limitRao);
  const relative = fixed.safeDiv(U64F64, spotPrice(t1, a1, origin.wQuote), spotPrice(t2, a2, destination.wQuote));
  if (limit > relative) return 0n;
  if (limitRao === 0n) return U64_MAX;
  const sum = (t1 + t2) << 64n;
  const originShare = fixed.safeDiv(U64F64, t1 << 64n, sum);
  const destinationShare = fixed.safeDiv(U64F64, t2 << 64n, sum);
  const gain = fixed.safeDiv(U64F64, fixed.saturatingMul(U64F64, a2 << 64n, originShare), limit);
  const loss = fixed.saturatingMul(U64F64, a1 << 64n, destinationShare);
  return satU64((gain > loss ? gain - loss : 0n) >> 64n);
}
