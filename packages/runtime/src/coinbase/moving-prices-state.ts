/** After the coinbase, each emitting subnet's price EMA takes one step toward its (capped) spot price. */

import { FirstEmissionBlock, MovingPrice } from '../subnets/storage.js';
import { currentPrice } from '../swap/pool-state.js';
import type { Ctx } from '../system/context.js';
import { emittingSubnets } from './coinbase-state.js';
import { updateMovingPrice } from './moving-price.js';

export function updateMovingPrices(ctx: Ctx): void {
  const s = ctx.state;
  const p = ctx.params;
  for (const n of emittingSubnets(s)) {
    const next = updateMovingPrice(s.get(MovingPrice, n), currentPrice(s, n), ctx.now, {
      movingAlpha: p.subnetMovingAlpha,
      firstEmissionBlock: s.get(FirstEmissionBlock, n),
      halvingBlocks: p.emaPriceHalvingBlocks,
    });
    s.set(MovingPrice, n, next);
  }
}
