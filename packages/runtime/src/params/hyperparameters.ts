/**
 * Per-subnet hyperparameters: their defaults for a new subnet, their bounds, who may set them,
 * and one line each on what they do (shown by the CLI and the explorer).
 */
import { RAO_PER_TAO } from '@taonet/primitives';

export interface SubnetHyperparameters {
  readonly tempo: number;
  readonly activityCutoffFactorMilli: number;
  readonly kappa: number;
  readonly bondsPenalty: number;
  readonly bondsMovingAverage: bigint;
  readonly yuma3Enabled: boolean;
  readonly liquidAlphaEnabled: boolean;
  readonly alphaLow: number;
  readonly alphaHigh: number;
  readonly alphaSigmoidSteepness: number;
  readonly maxAllowedValidators: number;
  readonly maxAllowedUids: number;
  readonly minAllowedWeights: number;
  readonly maxWeightsLimit: number;
  readonly immunityPeriod: bigint;
  readonly weightsSetRateLimit: bigint;
  readonly weightsVersionKey: bigint;
  readonly commitRevealEnabled: boolean;
  readonly revealPeriodEpochs: number;
  readonly servingRateLimit: bigint;
  readonly registrationAllowed: boolean;
  readonly minBurn: bigint;
  readonly maxBurn: bigint;
  readonly burnHalfLife: number;
  /** Registration price multiplier after each registration, U64F64 raw (1.26 → 23242897532874035200). */
  readonly burnIncreaseMult: bigint;
  readonly feeRate: number;
  readonly transferEnabled: boolean;
  readonly ownerCutEnabled: boolean;
  readonly recycleOrBurn: 'burn' | 'recycle';
  readonly minNonImmuneUids: number;
}

export type HyperparameterName = keyof SubnetHyperparameters;

/** 1.26 in U64F64 as the reference builds it: from_num of the f64 literal 1.26 (nearest). */
const MULT_1_26 = 23_242_897_532_874_035_200n;

export const DEFAULT_HYPERPARAMETERS: SubnetHyperparameters = {
  tempo: 360,
  activityCutoffFactorMilli: 13889,
  kappa: 32767,
  bondsPenalty: 65535,
  bondsMovingAverage: 900_000n,
  yuma3Enabled: true,
  liquidAlphaEnabled: false,
  alphaLow: 45875,
  alphaHigh: 58982,
  alphaSigmoidSteepness: 1000,
  maxAllowedValidators: 64,
  maxAllowedUids: 256,
  minAllowedWeights: 1,
  maxWeightsLimit: 65535,
  immunityPeriod: 5000n,
  weightsSetRateLimit: 100n,
  weightsVersionKey: 0n,
  commitRevealEnabled: true,
  revealPeriodEpochs: 1,
  servingRateLimit: 50n,
  registrationAllowed: true,
  minBurn: 500_000n,
  maxBurn: 100n * RAO_PER_TAO,
  burnHalfLife: 360,
  burnIncreaseMult: MULT_1_26,
  feeRate: 33,
  transferEnabled: true,
  ownerCutEnabled: true,
  recycleOrBurn: 'burn',
  minNonImmuneUids: 10,
};

/** The dev preset: short tempo, no rate limits, cheap registration, weights set directly. */
export const DEV_HYPERPARAMETERS: SubnetHyperparameters = {
  ...DEFAULT_HYPERPARAMETERS,
  tempo: 10,
  immunityPeriod: 20n,
  weightsSetRateLimit: 0n,
  servingRateLimit: 0n,
  commitRevealEnabled: false,
  minBurn: 1_000n,
  burnHalfLife: 10,
  maxBurn: RAO_PER_TAO,
};

export interface HyperparameterSpec {
  /** Who may set it: the subnet owner (within bounds) or only the admin account. */
  readonly owner: boolean;
  readonly min?: bigint;
  readonly max?: bigint;
  readonly description: string;
}

const U16 = 65535n;

export const HYPERPARAMETER_SPECS: Readonly<Record<HyperparameterName, HyperparameterSpec>> = {
  tempo: { owner: true, min: 360n, max: 50_400n, description: 'blocks between two epochs' },
  activityCutoffFactorMilli: {
    owner: true,
    min: 1000n,
    max: 50_000n,
    description: 'weights older than this many thousandths of a tempo stop counting',
  },
  kappa: { owner: false, max: U16, description: 'share of stake that must support a weight for it to be consensus' },
  bondsPenalty: {
    owner: true,
    max: U16,
    description: 'how much weight above consensus is cut from bonds (65535 = all)',
  },
  bondsMovingAverage: {
    owner: true,
    max: 975_000n,
    description: 'bond EMA memory in millionths: higher means bonds move more slowly',
  },
  yuma3Enabled: { owner: true, description: 'Yuma3 bonds (per-pair, capped) instead of classic bonds' },
  liquidAlphaEnabled: { owner: true, description: 'per-pair bond EMA rate from a sigmoid (Yuma3 only)' },
  alphaLow: { owner: true, min: 1638n, max: U16, description: 'lowest liquid-alpha bond rate' },
  alphaHigh: { owner: true, min: 1638n, max: U16, description: 'highest liquid-alpha bond rate' },
  alphaSigmoidSteepness: { owner: true, min: 0n, max: 32767n, description: 'liquid-alpha sigmoid slope ×100' },
  maxAllowedValidators: { owner: false, min: 1n, max: 4096n, description: 'number of validator permits' },
  maxAllowedUids: { owner: false, min: 2n, max: 4096n, description: 'maximum number of neurons' },
  minAllowedWeights: { owner: true, max: 4096n, description: 'fewest weights a validator may set' },
  maxWeightsLimit: { owner: true, max: U16, description: 'largest single normalised weight (65535 = no limit)' },
  immunityPeriod: { owner: true, max: 7200n * 30n, description: 'blocks a new neuron cannot be replaced' },
  weightsSetRateLimit: { owner: false, max: 7200n, description: 'blocks between two weight updates of a neuron' },
  weightsVersionKey: { owner: true, description: 'minimum validator version key accepted by set_weights' },
  commitRevealEnabled: { owner: true, description: 'weights are committed as a hash and revealed an epoch later' },
  revealPeriodEpochs: { owner: true, min: 1n, max: 100n, description: 'epochs between commit and reveal' },
  servingRateLimit: { owner: true, max: 7200n, description: 'blocks between two serve_axon calls' },
  registrationAllowed: { owner: true, description: 'whether neurons may register' },
  minBurn: { owner: true, max: RAO_PER_TAO - 1n, description: 'floor of the registration price (rao)' },
  maxBurn: { owner: true, min: RAO_PER_TAO / 10n + 1n, description: 'ceiling of the registration price (rao)' },
  burnHalfLife: { owner: true, min: 1n, max: 36_100n, description: 'blocks for the registration price to halve' },
  burnIncreaseMult: {
    owner: true,
    min: 1n << 64n,
    max: 3n << 64n,
    description: 'registration price multiplier after each registration (U64F64)',
  },
  feeRate: { owner: false, max: 10_000n, description: 'swap fee in 65535ths of the input' },
  transferEnabled: { owner: true, description: 'whether stake may be transferred between coldkeys' },
  ownerCutEnabled: { owner: false, description: 'whether the owner cut is taken from emission' },
  recycleOrBurn: { owner: true, description: "what happens to owner-hotkey incentive: 'burn' or 'recycle'" },
  minNonImmuneUids: {
    owner: false,
    max: 4096n,
    description: 'non-immune neurons kept before immune ones can be replaced',
  },
};
