/** Subnet registry, ownership, hyperparameters, epoch scheduling and emission accumulators. */
import type { AccountId } from '@taonet/primitives';
import type { SubnetHyperparameters } from '../params/hyperparameters.js';
import { byNetuid, storageMap, storageValue } from '../state/storage.js';

export interface SubnetIdentity {
  readonly name: string;
  readonly github: string;
  readonly contact: string;
  readonly url: string;
  readonly discord: string;
  readonly description: string;
  readonly logoUrl: string;
  readonly additional: string;
}

/** Netuids in use (root included), ascending. */
export const Netuids = storageValue<number[]>('subnets.netuids', () => []);
export const SubnetOwner = storageMap<number, AccountId | null>('subnets.owner', byNetuid, () => null);
export const SubnetOwnerHotkey = storageMap<number, AccountId | null>('subnets.ownerHotkey', byNetuid, () => null);
export const Hyperparameters = storageMap<number, SubnetHyperparameters | null>(
  'subnets.hyperparameters',
  byNetuid,
  () => null,
);
export const Identity = storageMap<number, SubnetIdentity | null>('subnets.identity', byNetuid, () => null);
export const TokenSymbol = storageMap<number, string>('subnets.symbol', byNetuid, () => 'τ');
/** 0 = stable (price fixed at 1, the root subnet), 1 = dynamic (AMM). */
export const Mechanism = storageMap<number, number>('subnets.mechanism', byNetuid, () => 1);
export const NetworkRegisteredAt = storageMap<number, bigint>('subnets.registeredAt', byNetuid, () => 0n);
/** Block from which the subnet emits (set by start_call); 0 = not started. */
export const FirstEmissionBlock = storageMap<number, bigint>('subnets.firstEmissionBlock', byNetuid, () => 0n);
export const SubtokenEnabled = storageMap<number, boolean>('subnets.subtokenEnabled', byNetuid, () => false);
export const EmissionEnabled = storageMap<number, boolean>('subnets.emissionEnabled', byNetuid, () => false);
/** TAO locked by the subnet's registration (informational; it seeded the pool). */
export const SubnetLocked = storageMap<number, bigint>('subnets.locked', byNetuid, () => 0n);
export const NetworkLastLockCost = storageValue<bigint>('subnets.lastLockCost', () => 0n);
export const NetworkLastRegistered = storageValue<bigint>('subnets.lastRegistered', () => 0n);

// Epoch scheduling.
export const LastEpochBlock = storageMap<number, bigint>('subnets.lastEpochBlock', byNetuid, () => 0n);
export const PendingEpochAt = storageMap<number, bigint>('subnets.pendingEpochAt', byNetuid, () => 0n);
export const BlocksSinceLastStep = storageMap<number, bigint>('subnets.blocksSinceLastStep', byNetuid, () => 0n);
export const SubnetEpochIndex = storageMap<number, bigint>('subnets.epochIndex', byNetuid, () => 0n);

/**
 * Limits on subnet owners' setters, in state (subtensor's `AdminFreezeWindow` and
 * `OwnerHyperparamRateLimit`) so the admin can lift them, e.g. on a dev chain whose tempo is no
 * longer than the window. The defaults are subtensor's and are never stored.
 */
export const DEFAULT_ADMIN_FREEZE_WINDOW = 10;
export const DEFAULT_OWNER_HYPERPARAM_RATE_LIMIT = 2;
/** Blocks before an epoch in which owners may not change their subnet (u16). */
export const AdminFreezeWindow = storageValue<number>('subnets.adminFreezeWindow', () => DEFAULT_ADMIN_FREEZE_WINDOW);
/** Tempos between two owner changes of the same hyperparameter (u16). */
export const OwnerHyperparamRateLimit = storageValue<number>(
  'subnets.ownerHyperparamRateLimit',
  () => DEFAULT_OWNER_HYPERPARAM_RATE_LIMIT,
);
export const LastMechanismStepBlock = storageMap<number, bigint>('subnets.lastMechanismStepBlock', byNetuid, () => 0n);

// Alpha waiting for the next epoch.
export const PendingServerEmission = storageMap<number, bigint>('subnets.pendingServer', byNetuid, () => 0n);
export const PendingValidatorEmission = storageMap<number, bigint>('subnets.pendingValidator', byNetuid, () => 0n);
export const PendingRootAlphaDivs = storageMap<number, bigint>('subnets.pendingRoot', byNetuid, () => 0n);
export const PendingOwnerCut = storageMap<number, bigint>('subnets.pendingOwnerCut', byNetuid, () => 0n);

// Emission bookkeeping (last block's values, for views).
export const SubnetTaoInEmission = storageMap<number, bigint>('subnets.taoInEmission', byNetuid, () => 0n);
export const SubnetAlphaInEmission = storageMap<number, bigint>('subnets.alphaInEmission', byNetuid, () => 0n);
export const SubnetAlphaOutEmission = storageMap<number, bigint>('subnets.alphaOutEmission', byNetuid, () => 0n);
export const SubnetExcessTao = storageMap<number, bigint>('subnets.excessTao', byNetuid, () => 0n);
/** TAO per block this subnet received in the last block (rao). */
export const SubnetTaoEmission = storageMap<number, bigint>('subnets.taoEmission', byNetuid, () => 0n);
/** Share of the TAO block emission, U64F64 raw. */
export const SubnetEmissionShare = storageMap<number, bigint>('subnets.emissionShare', byNetuid, () => 0n);
/** Fraction of last epoch's miner incentive withheld from owner hotkeys, U96F32 raw. */
export const MinerBurned = storageMap<number, bigint>('subnets.minerBurned', byNetuid, () => 0n);
/** Price EMA, I96F32 raw. */
export const MovingPrice = storageMap<number, bigint>('subnets.movingPrice', byNetuid, () => 0n);

// TaoFlow: per-block net staking inflow (rao, signed) and its EMAs (I64F64 raw).
export const SubnetTaoFlow = storageMap<number, bigint>('subnets.taoFlow', byNetuid, () => 0n);
export const SubnetProtocolFlow = storageMap<number, bigint>('subnets.protocolFlow', byNetuid, () => 0n);
export const FlowEma = storageMap<number, bigint>('subnets.flowEma', byNetuid, () => 0n);
export const ProtocolFlowEma = storageMap<number, bigint>('subnets.protocolFlowEma', byNetuid, () => 0n);

// Mechanisms (sub-subnets): each runs its own epoch on the subnet's neurons.
/** Mechanisms per subnet (subtensor's MechanismCountCurrent; 1 = the subnet alone). */
export const MechanismCountCurrent = storageMap<number, number>('subnets.mechanismCount', byNetuid, () => 1);
/**
 * The owner's split of the subnet's emission between mechanisms, u16 parts summing to 65535
 * (subtensor's MechanismEmissionSplit); null = even.
 */
export const MechanismEmissionSplit = storageMap<number, number[] | null>(
  'subnets.mechanismEmissionSplit',
  byNetuid,
  () => null,
);
/** Highest mechanism count an owner may set, network-wide (subtensor's MaxMechanismCount). */
export const MaxMechanismCount = storageValue<number>('subnets.maxMechanismCount', () => 2);
/** Block of the owner's last mechanism-count change per subnet, for its rate limit. */
export const LastMechanismCountUpdate = storageMap<number, bigint>(
  'subnets.lastMechanismCountUpdate',
  byNetuid,
  () => 0n,
);
/** Block of the owner's last emission-split change per subnet, for its rate limit. */
export const LastMechanismEmissionUpdate = storageMap<number, bigint>(
  'subnets.lastMechanismEmissionUpdate',
  byNetuid,
  () => 0n,
);
