/** The registration-price settings of a subnet, in the shape the burn-price math takes. */
import type { SubnetHyperparameters } from '../params/hyperparameters.js';
import { burnDecayFactorQ32 } from '../registration/burn-decay.js';
import type { BurnParams } from '../registration/burn-price.js';

export function burnParamsOf(hp: SubnetHyperparameters): BurnParams {
  return { halfLife: hp.burnHalfLife, increaseMult: hp.burnIncreaseMult, minBurn: hp.minBurn, maxBurn: hp.maxBurn };
}

const FACTORS = new Map<number, bigint>();

/**
 * The per-block decay factor for a half-life. Finding it is a 32-step binary search of powers, and
 * every subnet needs it every block, so it is remembered; it depends on the half-life alone.
 */
export function cachedDecayFactor(halfLife: number): bigint {
  let f = FACTORS.get(halfLife);
  if (f === undefined) {
    f = burnDecayFactorQ32(halfLife);
    FACTORS.set(halfLife, f);
  }
  return f;
}
