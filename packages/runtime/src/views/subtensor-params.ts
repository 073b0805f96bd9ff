/**
 * A subnet's parameters under subtensor's names, as its runtime APIs (Metagraph, SubnetInfo,
 * SubnetHyperparams v1–v3) report them. Where Taonet has no such concept the value is the one
 * subtensor gives on a fresh chain; `SUBTENSOR_FRESH_CHAIN_VALUES` is the one place listing them.
 */
import { effectiveMinChildkeyTake } from '../children/state-graph.js';
import { activityCutoff } from '../epoch/activity.js';
import { Burn, Keys } from '../neurons/storage.js';
import type { State } from '../state/state.js';
import { Hyperparameters, SubtokenEnabled } from '../subnets/storage.js';

/**
 * Values for subtensor parameters Taonet does not have: no PoW registration (so no difficulty
 * adjustment), no registration interval targets, no rho, no bond resets, no user liquidity, no
 * owner-cut auto-lock. PoW registration is reported off because Taonet refuses it, not absent.
 *
 * The runtime APIs (packages/node/src/substrate/apis/) likewise answer what subtensor answers on a
 * fresh chain for the other concepts Taonet lacks: rank and trust 0 (empty per-uid lists in the
 * metagraph), pruning score u16::MAX (empty list), Prometheus endpoints zero, coldkey identities
 * None, TAO dividends, tao_emission, drain and pending root emission 0, stake locks None (nothing
 * locked, all available), commitments and network_connect empty, beta baskets empty; the per-subnet
 * `emission` fields are 0 there too (emission is per pool now). Storage items for these exist in
 * the metadata and are never present.
 */
export const SUBTENSOR_FRESH_CHAIN_VALUES = {
  rho: 10,
  difficulty: 10_000_000n,
  minDifficulty: 10_000_000n,
  maxDifficulty: ((1n << 64n) - 1n) / 4n,
  powRegistrationAllowed: false,
  adjustmentAlpha: 0n,
  adjustmentInterval: 100,
  targetRegsPerInterval: 2,
  maxRegsPerBlock: 1,
  bondsResetEnabled: false,
  userLiquidityEnabled: false,
  ownerCutAutoLockEnabled: false,
  scalingLawPower: 50,
  networkModality: 0,
} as const;

export interface SubtensorParams {
  readonly netuid: number;
  readonly rho: number;
  readonly kappa: number;
  readonly immunityPeriod: number;
  readonly minAllowedWeights: number;
  readonly maxWeightsLimit: number;
  readonly tempo: number;
  readonly minDifficulty: bigint;
  readonly maxDifficulty: bigint;
  readonly weightsVersion: bigint;
  readonly weightsRateLimit: bigint;
  readonly adjustmentInterval: number;
  /** In blocks: factor × tempo / 1000, at least 1. */
  readonly activityCutoff: bigint;
  readonly activityCutoffFactorMilli: number;
  readonly registrationAllowed: boolean;
  readonly powRegistrationAllowed: boolean;
  readonly targetRegsPerInterval: number;
  readonly minBurn: bigint;
  readonly maxBurn: bigint;
  readonly burn: bigint;
  readonly burnHalfLife: number;
  /** U64F64 raw. */
  readonly burnIncreaseMult: bigint;
  readonly bondsMovingAvg: bigint;
  readonly maxRegsPerBlock: number;
  readonly servingRateLimit: bigint;
  readonly maxValidators: number;
  readonly adjustmentAlpha: bigint;
  readonly difficulty: bigint;
  /** Commit-reveal period, in epochs. */
  readonly commitRevealPeriod: bigint;
  readonly commitRevealWeightsEnabled: boolean;
  readonly alphaHigh: number;
  readonly alphaLow: number;
  readonly liquidAlphaEnabled: boolean;
  /** I32F32 raw. */
  readonly alphaSigmoidSteepness: bigint;
  readonly yumaVersion: number;
  readonly subnetIsActive: boolean;
  readonly transfersEnabled: boolean;
  readonly bondsResetEnabled: boolean;
  readonly userLiquidityEnabled: boolean;
  readonly ownerCutEnabled: boolean;
  readonly ownerCutAutoLockEnabled: boolean;
  readonly minChildkeyTake: number;
  readonly maxAllowedUids: number;
  readonly subnetworkN: number;
}

export function subtensorParams(s: State, netuid: number): SubtensorParams | null {
  const hp = s.get(Hyperparameters, netuid);
  if (hp === null) return null;
  const F = SUBTENSOR_FRESH_CHAIN_VALUES;
  return {
    netuid,
    rho: F.rho,
    kappa: hp.kappa,
    immunityPeriod: Number(hp.immunityPeriod),
    minAllowedWeights: hp.minAllowedWeights,
    maxWeightsLimit: hp.maxWeightsLimit,
    tempo: hp.tempo,
    minDifficulty: F.minDifficulty,
    maxDifficulty: F.maxDifficulty,
    weightsVersion: hp.weightsVersionKey,
    weightsRateLimit: hp.weightsSetRateLimit,
    adjustmentInterval: F.adjustmentInterval,
    activityCutoff: activityCutoff(hp.tempo, hp.activityCutoffFactorMilli),
    activityCutoffFactorMilli: hp.activityCutoffFactorMilli,
    registrationAllowed: hp.registrationAllowed,
    powRegistrationAllowed: F.powRegistrationAllowed,
    targetRegsPerInterval: F.targetRegsPerInterval,
    minBurn: hp.minBurn,
    maxBurn: hp.maxBurn,
    burn: s.get(Burn, netuid),
    burnHalfLife: hp.burnHalfLife,
    burnIncreaseMult: hp.burnIncreaseMult,
    bondsMovingAvg: hp.bondsMovingAverage,
    maxRegsPerBlock: F.maxRegsPerBlock,
    servingRateLimit: hp.servingRateLimit,
    maxValidators: hp.maxAllowedValidators,
    adjustmentAlpha: F.adjustmentAlpha,
    difficulty: F.difficulty,
    commitRevealPeriod: BigInt(hp.revealPeriodEpochs),
    commitRevealWeightsEnabled: hp.commitRevealEnabled,
    alphaHigh: hp.alphaHigh,
    alphaLow: hp.alphaLow,
    liquidAlphaEnabled: hp.liquidAlphaEnabled,
    alphaSigmoidSteepness: BigInt(hp.alphaSigmoidSteepness) << 32n,
    yumaVersion: hp.yuma3Enabled ? 3 : 2,
    subnetIsActive: s.get(SubtokenEnabled, netuid),
    transfersEnabled: hp.transferEnabled,
    bondsResetEnabled: F.bondsResetEnabled,
    userLiquidityEnabled: F.userLiquidityEnabled,
    ownerCutEnabled: hp.ownerCutEnabled,
    ownerCutAutoLockEnabled: F.ownerCutAutoLockEnabled,
    minChildkeyTake: effectiveMinChildkeyTake(s, netuid),
    maxAllowedUids: hp.maxAllowedUids,
    subnetworkN: s.get(Keys, netuid).length,
  };
}
