/**
 * The per-block registration price update (§8.2), run in the block step before any extrinsic: each
 * subnet's burn decays towards its floor, so a price pushed up by a burst of registrations comes
 * back down with a fixed half-life, and the per-block registration counter starts again at zero.
 */
import { decayBurn } from '../registration/burn-price.js';
import { Hyperparameters, Netuids } from '../subnets/storage.js';
import type { Ctx } from '../system/context.js';
import { burnParamsOf, cachedDecayFactor } from './burn-params.js';
import { Burn, RegistrationsThisBlock } from './storage.js';

export function updateRegistrationPrices(ctx: Ctx): void {
  const s = ctx.state;
  for (const netuid of s.value(Netuids)) {
    const hp = s.get(Hyperparameters, netuid);
    // A subnet without hyperparameters has no price to keep (the root subnet admits by stake).
    if (hp !== null) {
      const burn = decayBurn(s.get(Burn, netuid), ctx.now, burnParamsOf(hp), cachedDecayFactor(hp.burnHalfLife));
      s.set(Burn, netuid, burn);
    }
    s.remove(RegistrationsThisBlock, netuid);
  }
}
