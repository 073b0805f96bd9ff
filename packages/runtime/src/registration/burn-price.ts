/**
 * Burn price dynamics: every block the price decays by the half-life factor (from block 2 on) and is
 * clamped; every registration pays the current price and multiplies it by the increase multiplier
 * at once, so many registrations in one block each pay more.
 */
import { U64F64 } from '@taonet/primitives';
import { burnDecayFactorQ32, mulQ32 } from './burn-decay.js';

const U64_MAX = (1n << 64n) - 1n;

export interface BurnParams {
  readonly halfLife: number;
  /** BurnIncreaseMult, U64F64 raw; values below 1.0 count as 1.0. */
  readonly increaseMult: bigint;
  readonly minBurn: bigint;
  readonly maxBurn: bigint;
}

const clamp = (v: bigint, p: BurnParams): bigint => (v < p.minBurn ? p.minBurn : v > p.maxBurn ? p.maxBurn : v);

/** The burn after the per-block update at `block` (the block being initialised). */
export function decayBurn(burn: bigint, block: bigint, p: BurnParams, factor = burnDecayFactorQ32(p.halfLife)): bigint {
  const decayed = p.halfLife > 0 && block > 1n ? mulQ32(burn, factor) : burn;
  return clamp(decayed, p);
}

/** The burn after a registration paid `burn`. */
export function bumpBurn(burn: bigint, p: BurnParams): bigint {
  const mult = p.increaseMult > U64F64.one ? p.increaseMult : U64F64.one;
  const v = (burn * mult) >> 64n;
  return clamp(v > U64_MAX ? U64_MAX : v, p);
}

export type BurnOp = 'block' | 'register';

/** Applies `ops` in order; `burns` is the price after each op, `paid` what each registration paid. */
export function burnSequence(
  initialBurn: bigint,
  initialBlock: bigint,
  p: BurnParams,
  ops: readonly BurnOp[],
): { readonly burns: bigint[]; readonly paid: bigint[] } {
  const factor = burnDecayFactorQ32(p.halfLife);
  let burn = initialBurn;
  let block = initialBlock;
  const burns: bigint[] = [];
  const paid: bigint[] = [];
  for (const op of ops) {
    if (op === 'block') {
      block += 1n;
      burn = decayBurn(burn, block, p, factor);
    } else {
      paid.push(burn);
      burn = bumpBurn(burn, p);
    }
    burns.push(burn);
  }
  return { burns, paid };
}
