/** After the coinbase, each emitting subnet's price EMA takes one step toward its (capped) spot price. */

import { I96F32 } from '@taonet/primitives';
import type { State } from '../state/state.js';
import { ROOT_NETUID } from '../subnets/root-netuid.js';
import { FirstEmissionBlock, Mechanism, MovingPrice } from '../subnets/storage.js';
import { currentPrice } from '../swap/pool-state.js';
import type { Ctx } from '../system/context.js';
import { emittingSubnets } from './coinbase-state.js';
import { updateMovingPrice } from './moving-price.js';

/**
 * The moving price as the reference's getter reads it (I96F32 raw): 1.0 for root and for stable
 * subnets, whatever is stored, so the EMA step of a stable subnet starts from 1.0 every block.
 */
export function movingAlphaPrice(s: State, netuid: number): bigint {
  if (netuid === ROOT_NETUID || s.get(Mechanism, netuid) === 0) return I96F32.one;
  return s.get(MovingPrice, netuid);
}

export function updateMovingPrices(ctx: Ctx): void {
  const s = ctx.state;
  const p = ctx.params;
  for (const n of emittingSubnets(s)) {
    const next = updateMovingPrice(movingAlphaPrice(s, n), currentPrice(s, n), ctx.now, {
      movingAlpha: p.subnetMovingAlpha,
      firstEmissionBlock: s.get(FirstEmissionBlock, n),
      halvingBlocks: p.emaPriceHalvingBlocks,
    });
    s.set(MovingPrice, n, next);
  }
}
