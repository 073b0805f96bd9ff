/** Subnet-level views: dynamic (pool and emission) info, hyperparameters, prices. */
import type { AccountId } from '@taonet/primitives';
import { blocksUntilNextAutoEpoch } from '../subnets/epoch-schedule.js';
import { nextEpochBlock, tempoOf } from '../subnets/epoch-schedule-state.js';
import { Burn, Keys } from '../neurons/storage.js';
import { HYPERPARAMETER_SPECS, type SubnetHyperparameters } from '../params/hyperparameters.js';
import { Params } from '../params/storage.js';
import type { State } from '../state/state.js';
import {
  EmissionEnabled,
  FirstEmissionBlock,
  FlowEma,
  Hyperparameters,
  Identity,
  LastEpochBlock,
  MovingPrice,
  NetworkRegisteredAt,
  Netuids,
  PendingOwnerCut,
  PendingRootAlphaDivs,
  PendingServerEmission,
  PendingValidatorEmission,
  SubnetAlphaInEmission,
  SubnetAlphaOutEmission,
  SubnetEmissionShare,
  type SubnetIdentity,
  SubnetLocked,
  SubnetOwner,
  SubnetOwnerHotkey,
  SubnetTaoEmission,
  SubnetTaoFlow,
  SubtokenEnabled,
  TokenSymbol,
} from '../subnets/storage.js';
import { currentLockCost } from '../subnet-lifecycle/register-network.js';
import { currentPrice } from '../swap/pool-state.js';
import {
  SubnetAlphaIn,
  SubnetAlphaOut,
  SubnetProtocolAlpha,
  SubnetTao,
  SubnetVolume,
  SwapQuoteWeight,
} from '../swap/storage.js';

export interface DynamicInfo {
  readonly netuid: number;
  readonly symbol: string;
  readonly name: string;
  readonly identity: SubnetIdentity | null;
  readonly owner: AccountId | null;
  readonly ownerHotkey: AccountId | null;
  readonly registeredAt: bigint;
  readonly started: boolean;
  readonly firstEmissionBlock: bigint;
  readonly emissionEnabled: boolean;
  readonly tempo: number;
  readonly lastEpochBlock: bigint;
  readonly blocksUntilNextEpoch: bigint;
  readonly n: number;
  readonly maxUids: number;
  /** Spot price of one alpha in TAO, U64F64 raw (the SDK turns it into a decimal). */
  readonly price: bigint;
  /** Price EMA, I96F32 raw. */
  readonly movingPrice: bigint;
  readonly taoIn: bigint;
  readonly alphaIn: bigint;
  readonly alphaOut: bigint;
  readonly protocolAlpha: bigint;
  /** Pool quote weight, Perquintill parts. */
  readonly quoteWeight: bigint;
  readonly volume: bigint;
  readonly locked: bigint;
  /** Share of the TAO block emission, U64F64 raw. */
  readonly emissionShare: bigint;
  /** TAO that went into the pool last block (rao). */
  readonly taoEmission: bigint;
  readonly alphaOutEmission: bigint;
  readonly alphaInEmission: bigint;
  readonly pendingServer: bigint;
  readonly pendingValidator: bigint;
  readonly pendingRoot: bigint;
  readonly pendingOwnerCut: bigint;
  /** Net staking inflow this block and its EMA (I64F64 raw): the TaoFlow signal. */
  readonly taoFlow: bigint;
  readonly flowEma: bigint;
  readonly registrationCost: bigint;
}

export function dynamicInfo(s: State, netuid: number, block: bigint): DynamicInfo | null {
  const hp = s.get(Hyperparameters, netuid);
  if (hp === null) return null;
  const identity = s.get(Identity, netuid);
  return {
    netuid,
    symbol: s.get(TokenSymbol, netuid),
    name: identity?.name ?? (netuid === 0 ? 'root' : `subnet ${netuid}`),
    identity,
    owner: s.get(SubnetOwner, netuid),
    ownerHotkey: s.get(SubnetOwnerHotkey, netuid),
    registeredAt: s.get(NetworkRegisteredAt, netuid),
    started: s.get(SubtokenEnabled, netuid),
    firstEmissionBlock: s.get(FirstEmissionBlock, netuid),
    emissionEnabled: s.get(EmissionEnabled, netuid),
    tempo: hp.tempo,
    lastEpochBlock: s.get(LastEpochBlock, netuid),
    blocksUntilNextEpoch: blocksUntilNextAutoEpoch(s.get(LastEpochBlock, netuid), tempoOf(s, netuid), block),
    n: s.get(Keys, netuid).length,
    maxUids: hp.maxAllowedUids,
    price: currentPrice(s, netuid),
    movingPrice: s.get(MovingPrice, netuid),
    taoIn: s.get(SubnetTao, netuid),
    alphaIn: s.get(SubnetAlphaIn, netuid),
    alphaOut: s.get(SubnetAlphaOut, netuid),
    protocolAlpha: s.get(SubnetProtocolAlpha, netuid),
    quoteWeight: s.get(SwapQuoteWeight, netuid),
    volume: s.get(SubnetVolume, netuid),
    locked: s.get(SubnetLocked, netuid),
    emissionShare: s.get(SubnetEmissionShare, netuid),
    taoEmission: s.get(SubnetTaoEmission, netuid),
    alphaOutEmission: s.get(SubnetAlphaOutEmission, netuid),
    alphaInEmission: s.get(SubnetAlphaInEmission, netuid),
    pendingServer: s.get(PendingServerEmission, netuid),
    pendingValidator: s.get(PendingValidatorEmission, netuid),
    pendingRoot: s.get(PendingRootAlphaDivs, netuid),
    pendingOwnerCut: s.get(PendingOwnerCut, netuid),
    taoFlow: s.get(SubnetTaoFlow, netuid),
    flowEma: s.get(FlowEma, netuid),
    registrationCost: s.get(Burn, netuid),
  };
}

export function allDynamicInfo(s: State, block: bigint): DynamicInfo[] {
  return s.value(Netuids).flatMap((n) => dynamicInfo(s, n, block) ?? []);
}

export interface HyperparameterView {
  readonly name: keyof SubnetHyperparameters;
  readonly value: SubnetHyperparameters[keyof SubnetHyperparameters];
  readonly ownerSettable: boolean;
  readonly min?: bigint;
  readonly max?: bigint;
  readonly description: string;
}

export function hyperparameters(s: State, netuid: number): HyperparameterView[] | null {
  const hp = s.get(Hyperparameters, netuid);
  if (hp === null) return null;
  return (Object.keys(HYPERPARAMETER_SPECS) as (keyof SubnetHyperparameters)[]).map((name) => {
    const spec = HYPERPARAMETER_SPECS[name];
    return {
      name,
      value: hp[name],
      ownerSettable: spec.owner,
      ...(spec.min === undefined ? {} : { min: spec.min }),
      ...(spec.max === undefined ? {} : { max: spec.max }),
      description: spec.description,
    };
  });
}

export interface RegistrationPrices {
  /** Neuron registration price per subnet (rao). */
  readonly neuron: Record<number, bigint>;
  /** Price of registering a new subnet now (rao). */
  readonly network: bigint;
}

export function registrationPrices(s: State, block: bigint): RegistrationPrices {
  const neuron: Record<number, bigint> = {};
  for (const n of s.value(Netuids)) if (n !== 0) neuron[n] = s.get(Burn, n);
  return { neuron, network: currentLockCost(s, block, s.value(Params)) };
}

/** Block of the subnet's next epoch (automatic or pending), or null with no subnet or a zero tempo. */
export function nextEpochStart(s: State, netuid: number, block: bigint): bigint | null {
  if (s.get(Hyperparameters, netuid) === null || tempoOf(s, netuid) === 0) return null;
  return nextEpochBlock(s, netuid, block);
}
