/**
 * Network-wide parameters, fixed at genesis and changeable only by the admin (sudo) account.
 * Defaults are the reference chain's runtime values; presets adjust them for local use.
 */
import { RAO_PER_TAO } from '@taonet/primitives';

/** How the TAO block emission is split across subnets. */
export type EmissionPolicy = 'taoflow' | 'ema-price';

export interface NetworkParams {
  /** TAO per block before halvings (rao). */
  readonly defaultBlockEmission: bigint;
  /** `taoflow` (default: shares follow smoothed net staking inflow) or `ema-price` (the reference chain's current rule). */
  readonly emissionPolicy: EmissionPolicy;
  /** Owner cut of each subnet's alpha emission, u16 proportion. */
  readonly subnetOwnerCut: number;
  /** Weight of root TAO stake in subnet stake, as parts of u64::MAX. */
  readonly taoWeight: bigint;
  readonly maxEpochsPerBlock: number;
  readonly existentialDeposit: bigint;
  /** Minimum stake (rao) for add/remove/move. */
  readonly defaultMinStake: bigint;
  /** Nominator minimum as parts per million of `defaultMinStake`; smaller nominations are cleared on unstake. */
  readonly nominatorMinRequiredStake: bigint;
  /** Pool output reserve below which swaps are refused (rao). */
  readonly minimumReserve: bigint;
  readonly networkMinLockCost: bigint;
  readonly networkLockReductionInterval: bigint;
  /** Blocks between two subnet registrations, network-wide. */
  readonly networkRateLimit: bigint;
  readonly networkImmunityPeriod: bigint;
  readonly subnetLimit: number;
  readonly startCallDelay: bigint;
  /** Whether a new subnet's TAO emission is on from the start (the reference leaves it to root). */
  readonly newSubnetEmissionEnabled: boolean;
  /** Price EMA rate, I96F32 raw (0.000003 → 12885). */
  readonly subnetMovingAlpha: bigint;
  readonly emaPriceHalvingBlocks: bigint;
  /** Weights stake threshold (rao). */
  readonly stakeThreshold: bigint;
  readonly defaultTake: number;
  readonly minDelegateTake: number;
  readonly maxDelegateTake: number;
  readonly txDelegateTakeRateLimit: bigint;
  /** TaoFlow EMA smoothing, parts of i64::MAX. */
  readonly flowEmaSmoothingFactor: bigint;
  readonly flowNormExponent: number;
  readonly netTaoFlowEnabled: boolean;
  /** Root dividends auto-claimed for this many staking coldkeys per block. */
  readonly numRootClaim: number;
  readonly rootClaimableThreshold: bigint;
  /** Transaction fee: flat part and per-byte part (rao), paid by the signer to the block author. */
  readonly baseTxFee: bigint;
  readonly txFeePerByte: bigint;
  /** Root subnet size. */
  readonly rootMaxUids: number;
  /** TAO recycled by a hotkey swap on every subnet, and by one on a single subnet (rao). */
  readonly keySwapCost: bigint;
  readonly keySwapOnSubnetCost: bigint;
  /** Blocks a coldkey waits between hotkey swaps (0 = no limit). */
  readonly txRateLimit: bigint;
  /** Blocks a coldkey waits between hotkey swaps touching the same subnet. */
  readonly hotkeySwapOnSubnetInterval: bigint;
  /** Blocks between announcing a coldkey swap and running it, and before it may be re-announced or cleared. */
  readonly coldkeySwapAnnouncementDelay: bigint;
  readonly coldkeySwapReannouncementDelay: bigint;
}

export const DEFAULT_NETWORK_PARAMS: NetworkParams = {
  defaultBlockEmission: RAO_PER_TAO,
  emissionPolicy: 'taoflow',
  subnetOwnerCut: 11796,
  taoWeight: 971_718_665_099_567_868n,
  maxEpochsPerBlock: 2,
  existentialDeposit: 500n,
  defaultMinStake: 2_000_000n,
  // The reference's storage default is 0; its migration sets 10× the default minimum on live chains.
  nominatorMinRequiredStake: 10_000_000n,
  minimumReserve: 1_000_000n,
  networkMinLockCost: 1000n * RAO_PER_TAO,
  networkLockReductionInterval: 100_800n,
  networkRateLimit: 7200n,
  networkImmunityPeriod: 1_296_000n,
  subnetLimit: 128,
  startCallDelay: 0n,
  newSubnetEmissionEnabled: false,
  subnetMovingAlpha: 12_885n,
  emaPriceHalvingBlocks: 201_600n,
  stakeThreshold: 0n,
  defaultTake: 11796,
  minDelegateTake: 0,
  maxDelegateTake: 11796,
  txDelegateTakeRateLimit: 216_000n,
  flowEmaSmoothingFactor: 29_597_889_189_277n,
  flowNormExponent: 1,
  // The seeds' TaoFlow: shares follow users' net staking inflow. Subtracting the chain's own
  // injections (the reference's later "net" variant) makes shares flip between subnets each block.
  netTaoFlowEnabled: false,
  numRootClaim: 5,
  rootClaimableThreshold: 500_000n,
  baseTxFee: 100_000n,
  txFeePerByte: 1n,
  rootMaxUids: 64,
  keySwapCost: 100_000_000n,
  keySwapOnSubnetCost: 1_000_000n,
  txRateLimit: 1000n,
  hotkeySwapOnSubnetInterval: 7200n,
  coldkeySwapAnnouncementDelay: 36_000n,
  coldkeySwapReannouncementDelay: 7200n,
};

/** A local development network: cheap subnets, no network rate limit, emission on at once. */
export const DEV_NETWORK_PARAMS: NetworkParams = {
  ...DEFAULT_NETWORK_PARAMS,
  maxEpochsPerBlock: 32,
  networkMinLockCost: 10n * RAO_PER_TAO,
  networkLockReductionInterval: 2n,
  networkRateLimit: 0n,
  networkImmunityPeriod: 0n,
  newSubnetEmissionEnabled: true,
  txDelegateTakeRateLimit: 1n,
  // The reference's fast-runtime values.
  txRateLimit: 0n,
  hotkeySwapOnSubnetInterval: 1n,
  coldkeySwapAnnouncementDelay: 50n,
  coldkeySwapReannouncementDelay: 10n,
};
