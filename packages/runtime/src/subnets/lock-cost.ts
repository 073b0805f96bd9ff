/**
 * The price of registering a subnet: double what the last registration paid, decaying linearly back
 * to that amount over the reduction interval, never below the minimum. The interval shrinks with
 * each emission halving (it is scaled by block emission / 1 TAO), so the decay speeds up as
 * emission slows.
 */
import { fixed, I64F64 } from '@taonet/primitives';
import { blockEmissionForIssuance, DEFAULT_BLOCK_EMISSION } from '../coinbase/block-emission.js';

/** `floor(interval × block_emission / 1e9)`, in I64F64. */
export function lockReductionInterval(interval: bigint, totalIssuance: bigint): bigint {
  const emission = blockEmissionForIssuance(totalIssuance);
  const ratio = fixed.safeDiv(I64F64, emission << 64n, DEFAULT_BLOCK_EMISSION << 64n);
  const v = fixed.saturatingMul(I64F64, interval << 64n, ratio);
  return v < 0n ? 0n : v >> 64n;
}

export interface LockCostState {
  /** What the previous registration actually paid. */
  readonly lastLock: bigint;
  readonly minLock: bigint;
  /** Block of the previous registration, 0 if there was none. */
  readonly lastLockBlock: bigint;
}

export interface LockCostQuote {
  readonly lockCost: bigint;
  readonly effectiveInterval: bigint;
}

/** The lock cost at `block` given an already-scaled reduction interval. */
export function lockCostAt(s: LockCostState, block: bigint, effectiveInterval: bigint): bigint {
  const multiplier = s.lastLockBlock === 0n ? 1n : 2n;
  const perBlock = effectiveInterval === 0n ? 0n : s.lastLock / effectiveInterval;
  const elapsed = block > s.lastLockBlock ? block - s.lastLockBlock : 0n;
  const start = s.lastLock * multiplier;
  const decay = perBlock * elapsed;
  const cost = start > decay ? start - decay : 0n;
  return cost > s.minLock ? cost : s.minLock;
}

export function networkLockCost(
  s: LockCostState,
  block: bigint,
  reductionInterval: bigint,
  totalIssuance: bigint,
): LockCostQuote {
  const effectiveInterval = lockReductionInterval(reductionInterval, totalIssuance);
  return { lockCost: lockCostAt(s, block, effectiveInterval), effectiveInterval };
}

export interface LockCostStep {
  readonly block: bigint;
  /** Whether a subnet is registered at this block, paying the quoted cost. */
  readonly register: boolean;
}

/** Quotes at each step; a registration resets the last lock and its block for the steps after it. */
export function networkLockCostSequence(
  initial: LockCostState,
  reductionInterval: bigint,
  totalIssuance: bigint,
  steps: readonly LockCostStep[],
): { readonly lockCosts: bigint[]; readonly effectiveInterval: bigint } {
  const effectiveInterval = lockReductionInterval(reductionInterval, totalIssuance);
  let s = initial;
  const lockCosts = steps.map((step) => {
    const cost = lockCostAt(s, step.block, effectiveInterval);
    if (step.register) s = { ...s, lastLock: cost, lastLockBlock: step.block };
    return cost;
  });
  return { lockCosts, effectiveInterval };
}
