import type { SparseMatrix, U16Row } from './sparse-matrix.js';
import type { FixedVector } from './vector.js';

/** The subnet hyperparameters the epoch reads (one subnet mechanism). */
export interface EpochHyperparameters {
  /** Blocks per epoch (u16). Also sets the activity cutoff and the bond-mask fallback. */
  readonly tempo: number;
  /** Activity cutoff as per-mille of tempo (u32): cutoff = max(1, floor(f · tempo / 1000)). */
  readonly activityCutoffFactorMilli: number;
  /** Consensus majority, u16 proportion (65535 = 1.0). */
  readonly kappa: number;
  /** β: interpolation between weights and clipped weights for bonds, u16 proportion. */
  readonly bondsPenalty: number;
  /** Fixed EMA rate as parts per million: α = 1 − bma / 1e6. */
  readonly bondsMovingAverage: bigint;
  /** Yuma3 bonds and dividends instead of classic Yuma. */
  readonly yuma3Enabled: boolean;
  /** Per-cell sigmoid EMA rate (Yuma3 only). */
  readonly liquidAlphaEnabled: boolean;
  /** Liquid alpha bounds, u16 proportions. */
  readonly alphaLow: number;
  readonly alphaHigh: number;
  /** Sigmoid slope ×100 (i16). */
  readonly alphaSigmoidSteepness: number;
  /** k of the top-k validator-permit selection. */
  readonly maxAllowedValidators: number;
  /** Stake (rao) below which a uid counts as unstaked; the subnet owner is exempt. */
  readonly stakeThreshold: bigint;
  /** Apply the commit-reveal column mask. */
  readonly commitRevealEnabled: boolean;
}

/** Everything one epoch run reads, as plain data. */
export interface EpochInput {
  /** Subnet size; uids are 0..n−1. */
  readonly n: number;
  readonly currentBlock: bigint;
  readonly hyperparameters: EpochHyperparameters;
  /** Block of the previous successful epoch, 0 if none. */
  readonly lastMechanismStepBlock: bigint;
  /** Uid of the subnet owner's hotkey when it is registered on the subnet. */
  readonly ownerUid: number | null;
  /**
   * Per-uid stake as an I64F64 raw value (rao · 2^64): alpha plus root TAO × tao weight, as the
   * coinbase combines them. Missing entries count as 0.
   */
  readonly stakeFixed: readonly bigint[];
  /** Block of each uid's last weight update; padded with 0 up to n. */
  readonly lastUpdate: readonly bigint[];
  /** Registration block per uid. */
  readonly blockAtRegistration: readonly bigint[];
  /** Permits written by the previous epoch; missing entries count as forbidden. */
  readonly validatorPermit: readonly boolean[];
  /** Stored weight rows (max-upscaled u16), in storage order. */
  readonly weights: readonly U16Row[];
  /** Stored bond rows (u16), in storage order. */
  readonly bonds: readonly U16Row[];
  /**
   * Block of each uid's earliest live weight commit (null = none); read only with commit-reveal
   * on. A null list means nobody has a commit.
   */
  readonly commitBlock: readonly (bigint | null)[] | null;
  /** Alpha (rao) distributed by this run. */
  readonly raoEmission: bigint;
}

/** Exact intermediates, for debugging and for the conformance vectors. */
export interface EpochIntermediates {
  readonly stake: FixedVector;
  readonly activeStake: FixedVector;
  readonly weights: SparseMatrix;
  readonly consensus: FixedVector;
  readonly validatorTrust: FixedVector;
  readonly incentive: FixedVector;
  readonly dividends: FixedVector;
  /** The bond matrix right before its u16 conversion. */
  readonly emaBonds: SparseMatrix;
  /** Classic Yuma only: the column-normalised bond delta. */
  readonly bondsDelta: SparseMatrix | null;
  readonly normalizedServerEmission: FixedVector;
  readonly normalizedValidatorEmission: FixedVector;
  readonly normalizedCombinedEmission: FixedVector;
}

export interface EpochOutput {
  readonly stakeWeight: Uint16Array;
  readonly active: boolean[];
  readonly newValidatorPermit: boolean[];
  readonly consensus: Uint16Array;
  readonly incentive: Uint16Array;
  readonly dividends: Uint16Array;
  readonly validatorTrust: Uint16Array;
  /** Combined emission per uid (rao): the value stored in `Emission`. */
  readonly emission: bigint[];
  /** Miner (incentive) share per uid, rao. */
  readonly serverEmission: bigint[];
  /** Validator (dividend) share per uid, rao. */
  readonly validatorEmission: bigint[];
  /** Bond row to store per uid: empty for uids without a new permit. */
  readonly bonds: U16Row[];
  /** floor(stake) per uid, before the threshold filter. */
  readonly rawStake: bigint[];
  readonly fixed: EpochIntermediates;
}
