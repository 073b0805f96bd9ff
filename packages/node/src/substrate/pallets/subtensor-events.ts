/**
 * SubtensorModule's events: subtensor's variants in subtensor's order (the index is the position),
 * with their field types. Tuple-style variants stay unnamed: btcli reads some positionally.
 */
import { fields, type ScaleType, T, unnamed, type VariantDef } from '../scale-type.js';
import {
  AccountId32,
  AlphaBalance,
  Bytes,
  DispatchError,
  DispatchResult,
  H160,
  H256,
  NetUid,
  NetUidStorageIndex,
  option,
  TaoBalance,
  U64F64,
} from '../types.js';
import { TAONET_EVENT_VARIANT } from '../event-records.js';
import { RootClaimType } from './subtensor-types.js';

const TOKENS: Readonly<Record<string, ScaleType>> = {
  A: AccountId32,
  N: NetUid,
  NSI: NetUidStorageIndex,
  Tao: TaoBalance,
  Alpha: AlphaBalance,
  u8: T.u8,
  u16: T.u16,
  u32: T.u32,
  u64: T.u64,
  i16: T.i16,
  bool: T.bool,
  H256,
  H160,
  Bytes,
  U64F64,
  DispatchResult,
  DispatchError,
  RootClaimType,
  OptionU32: option(T.u32),
  Children: T.vec(T.tuple(T.u64, AccountId32)),
  VecAlpha: T.vec(AlphaBalance),
  VecCompactNetUid: T.vec(T.compact(NetUid)),
  VecH256: T.vec(H256),
};

type Shape = readonly string[] | { readonly named: readonly (readonly [string, string])[] };

const EVENTS: readonly (readonly [string, Shape])[] = [
  ['NetworkAdded', ['N', 'u16']],
  ['NetworkRemoved', ['N']],
  ['StakeAdded', ['A', 'A', 'Tao', 'Alpha', 'N', 'u64']],
  ['StakeRemoved', ['A', 'A', 'Tao', 'Alpha', 'N', 'u64']],
  ['StakeMoved', ['A', 'A', 'N', 'A', 'N', 'Tao']],
  ['WeightsSet', ['NSI', 'u16']],
  ['NeuronRegistered', ['N', 'u16', 'A']],
  ['BulkNeuronsRegistered', ['u16', 'u16']],
  ['BulkBalancesSet', ['u16', 'u16']],
  ['MaxAllowedUidsSet', ['N', 'u16']],
  ['MaxWeightLimitSet', ['N', 'u16']],
  ['DifficultySet', ['N', 'u64']],
  ['AdjustmentIntervalSet', ['N', 'u16']],
  ['RegistrationPerIntervalSet', ['N', 'u16']],
  ['MaxRegistrationsPerBlockSet', ['N', 'u16']],
  ['ActivityCutoffSet', ['N', 'u16']],
  ['RhoSet', ['N', 'u16']],
  ['AlphaSigmoidSteepnessSet', ['N', 'i16']],
  ['KappaSet', ['N', 'u16']],
  ['MinAllowedWeightSet', ['N', 'u16']],
  ['ValidatorPruneLenSet', ['N', 'u64']],
  ['ScalingLawPowerSet', ['N', 'u16']],
  ['WeightsSetRateLimitSet', ['N', 'u64']],
  ['ImmunityPeriodSet', ['N', 'u16']],
  ['BondsMovingAverageSet', ['N', 'u64']],
  ['BondsPenaltySet', ['N', 'u16']],
  ['BondsResetOnSet', ['N', 'bool']],
  ['MaxAllowedValidatorsSet', ['N', 'u16']],
  ['AxonServed', ['N', 'A']],
  ['PrometheusServed', ['N', 'A']],
  ['DelegateAdded', ['A', 'A', 'u16']],
  ['DefaultTakeSet', ['u16']],
  ['WeightsVersionKeySet', ['N', 'u64']],
  ['MinDifficultySet', ['N', 'u64']],
  ['MaxDifficultySet', ['N', 'u64']],
  ['ServingRateLimitSet', ['N', 'u64']],
  ['BurnSet', ['N', 'Tao']],
  ['MaxBurnSet', ['N', 'Tao']],
  ['MinBurnSet', ['N', 'Tao']],
  ['MaxEpochsPerBlockSet', ['u8']],
  ['TxRateLimitSet', ['u64']],
  ['TxDelegateTakeRateLimitSet', ['u64']],
  ['TxChildKeyTakeRateLimitSet', ['u64']],
  ['AdminFreezeWindowSet', ['u16']],
  ['OwnerHyperparamRateLimitSet', ['u16']],
  ['MinChildKeyTakeSet', ['u16']],
  ['MinChildKeyTakePerSubnetSet', ['N', 'u16']],
  ['MaxChildKeyTakeSet', ['u16']],
  ['ChildKeyTakeSet', ['A', 'u16']],
  ['Sudid', ['DispatchResult']],
  ['RegistrationAllowed', ['N', 'bool']],
  ['PowRegistrationAllowed', ['N', 'bool']],
  ['TempoSet', ['N', 'u16']],
  ['RAORecycledForRegistrationSet', ['N', 'Tao']],
  ['StakeThresholdSet', ['u64']],
  ['AdjustmentAlphaSet', ['N', 'u64']],
  ['Faucet', ['A', 'u64']],
  ['SubnetOwnerCutSet', ['u16']],
  ['NetworkRateLimitSet', ['u64']],
  ['NetworkImmunityPeriodSet', ['u64']],
  ['StartCallDelaySet', ['u64']],
  ['NetworkMinLockCostSet', ['Tao']],
  ['SubnetLimitSet', ['u16']],
  ['NetworkLockCostReductionIntervalSet', ['u64']],
  ['TakeDecreased', ['A', 'A', 'u16']],
  ['TakeIncreased', ['A', 'A', 'u16']],
  [
    'HotkeySwapped',
    {
      named: [
        ['coldkey', 'A'],
        ['old_hotkey', 'A'],
        ['new_hotkey', 'A'],
      ],
    },
  ],
  ['MaxDelegateTakeSet', ['u16']],
  ['MinDelegateTakeSet', ['u16']],
  [
    'ColdkeySwapAnnounced',
    {
      named: [
        ['who', 'A'],
        ['new_coldkey_hash', 'H256'],
      ],
    },
  ],
  ['ColdkeySwapReset', { named: [['who', 'A']] }],
  [
    'ColdkeySwapped',
    {
      named: [
        ['old_coldkey', 'A'],
        ['new_coldkey', 'A'],
      ],
    },
  ],
  ['ColdkeySwapDisputed', { named: [['coldkey', 'A']] }],
  [
    'AllBalanceUnstakedAndTransferredToNewColdkey',
    {
      named: [
        ['current_coldkey', 'A'],
        ['new_coldkey', 'A'],
        ['total_balance', 'Tao'],
      ],
    },
  ],
  ['ArbitrationPeriodExtended', { named: [['coldkey', 'A']] }],
  ['SetChildrenScheduled', ['A', 'N', 'u64', 'Children']],
  ['SetChildren', ['A', 'N', 'Children']],
  ['ChainIdentitySet', ['A']],
  ['SubnetIdentitySet', ['N']],
  ['SubnetIdentityRemoved', ['N']],
  [
    'DissolveNetworkScheduled',
    {
      named: [
        ['account', 'A'],
        ['netuid', 'N'],
        ['execution_block', 'u32'],
      ],
    },
  ],
  ['ColdkeySwapAnnouncementDelaySet', ['u32']],
  ['ColdkeySwapReannouncementDelaySet', ['u32']],
  ['DissolveNetworkScheduleDurationSet', ['u32']],
  ['CRV3WeightsCommitted', ['A', 'NSI', 'H256']],
  ['WeightsCommitted', ['A', 'NSI', 'H256']],
  ['WeightsRevealed', ['A', 'NSI', 'H256']],
  ['WeightsBatchRevealed', ['A', 'N', 'VecH256']],
  ['BatchWeightsCompleted', ['VecCompactNetUid', 'A']],
  ['BatchCompletedWithErrors', []],
  ['BatchWeightItemFailed', ['N', 'DispatchError']],
  ['StakeTransferred', ['A', 'A', 'A', 'N', 'N', 'Tao']],
  ['StakeSwapped', ['A', 'A', 'N', 'N', 'Tao']],
  ['TransferToggle', ['N', 'bool']],
  ['SubnetOwnerHotkeySet', ['N', 'A']],
  ['FirstEmissionBlockNumberSet', ['N', 'u64']],
  ['AlphaRecycled', ['A', 'A', 'Alpha', 'N']],
  ['AlphaBurned', ['A', 'A', 'Alpha', 'N']],
  [
    'EvmKeyAssociated',
    {
      named: [
        ['netuid', 'N'],
        ['hotkey', 'A'],
        ['evm_key', 'H160'],
        ['block_associated', 'u64'],
      ],
    },
  ],
  ['CRV3WeightsRevealed', ['N', 'A']],
  ['CommitRevealPeriodsSet', ['N', 'u64']],
  ['CommitRevealEnabled', ['N', 'bool']],
  [
    'HotkeySwappedOnSubnet',
    {
      named: [
        ['coldkey', 'A'],
        ['old_hotkey', 'A'],
        ['new_hotkey', 'A'],
        ['netuid', 'N'],
      ],
    },
  ],
  [
    'SubnetLeaseCreated',
    {
      named: [
        ['beneficiary', 'A'],
        ['lease_id', 'u32'],
        ['netuid', 'N'],
        ['end_block', 'OptionU32'],
      ],
    },
  ],
  [
    'SubnetLeaseTerminated',
    {
      named: [
        ['beneficiary', 'A'],
        ['netuid', 'N'],
      ],
    },
  ],
  [
    'SymbolUpdated',
    {
      named: [
        ['netuid', 'N'],
        ['symbol', 'Bytes'],
      ],
    },
  ],
  ['CommitRevealVersionSet', ['u16']],
  ['TimelockedWeightsCommitted', ['A', 'NSI', 'H256', 'u64']],
  ['TimelockedWeightsRevealed', ['NSI', 'A']],
  [
    'AutoStakeAdded',
    {
      named: [
        ['netuid', 'N'],
        ['destination', 'A'],
        ['hotkey', 'A'],
        ['owner', 'A'],
        ['incentive', 'Alpha'],
      ],
    },
  ],
  [
    'IncentiveAlphaEmittedToMiners',
    {
      named: [
        ['netuid', 'NSI'],
        ['emissions', 'VecAlpha'],
      ],
    },
  ],
  ['MinAllowedUidsSet', ['N', 'u16']],
  [
    'AutoStakeDestinationSet',
    {
      named: [
        ['coldkey', 'A'],
        ['netuid', 'N'],
        ['hotkey', 'A'],
      ],
    },
  ],
  ['MinNonImmuneUidsSet', ['N', 'u16']],
  ['RootClaimed', { named: [['coldkey', 'A']] }],
  [
    'RootClaimTypeSet',
    {
      named: [
        ['coldkey', 'A'],
        ['root_claim_type', 'RootClaimType'],
      ],
    },
  ],
  ['VotingPowerTrackingEnabled', { named: [['netuid', 'N']] }],
  [
    'VotingPowerTrackingDisableScheduled',
    {
      named: [
        ['netuid', 'N'],
        ['disable_at_block', 'u64'],
      ],
    },
  ],
  ['VotingPowerTrackingDisabled', { named: [['netuid', 'N']] }],
  [
    'VotingPowerEmaAlphaSet',
    {
      named: [
        ['netuid', 'N'],
        ['alpha', 'u64'],
      ],
    },
  ],
  [
    'SubnetLeaseDividendsDistributed',
    {
      named: [
        ['lease_id', 'u32'],
        ['contributor', 'A'],
        ['alpha', 'Alpha'],
      ],
    },
  ],
  [
    'AddStakeBurn',
    {
      named: [
        ['netuid', 'N'],
        ['hotkey', 'A'],
        ['amount', 'Tao'],
        ['alpha', 'Alpha'],
      ],
    },
  ],
  ['ColdkeySwapCleared', { named: [['who', 'A']] }],
  [
    'TransactionFeePaidWithAlpha',
    {
      named: [
        ['who', 'A'],
        ['netuid', 'N'],
        ['alpha_fee', 'Alpha'],
        ['tao_amount', 'Tao'],
      ],
    },
  ],
  [
    'BurnHalfLifeSet',
    {
      named: [
        ['netuid', 'N'],
        ['burn_half_life', 'u16'],
      ],
    },
  ],
  [
    'BurnIncreaseMultSet',
    {
      named: [
        ['netuid', 'N'],
        ['burn_increase_mult', 'U64F64'],
      ],
    },
  ],
  [
    'AutoParentDelegationEnabledSet',
    {
      named: [
        ['hotkey', 'A'],
        ['enabled', 'bool'],
      ],
    },
  ],
  [
    'StakeLocked',
    {
      named: [
        ['coldkey', 'A'],
        ['hotkey', 'A'],
        ['netuid', 'N'],
        ['amount', 'Alpha'],
      ],
    },
  ],
  [
    'StakeUnlocked',
    {
      named: [
        ['coldkey', 'A'],
        ['hotkey', 'A'],
        ['netuid', 'N'],
        ['amount', 'Alpha'],
      ],
    },
  ],
  [
    'LockMoved',
    {
      named: [
        ['coldkey', 'A'],
        ['origin_hotkey', 'A'],
        ['destination_hotkey', 'A'],
        ['netuid', 'N'],
      ],
    },
  ],
  [
    'ActivityCutoffFactorMilliSet',
    {
      named: [
        ['netuid', 'N'],
        ['factor_milli', 'u32'],
      ],
    },
  ],
  [
    'EpochTriggered',
    {
      named: [
        ['netuid', 'N'],
        ['by', 'A'],
        ['fires_at', 'u64'],
      ],
    },
  ],
  [
    'EpochDeferred',
    {
      named: [
        ['netuid', 'N'],
        ['from_block', 'u64'],
        ['to_block', 'u64'],
      ],
    },
  ],
  [
    'EpochSkipped',
    {
      named: [
        ['netuid', 'N'],
        ['block', 'u64'],
      ],
    },
  ],
  [
    'SubnetOwnerChanged',
    {
      named: [
        ['netuid', 'N'],
        ['old_coldkey', 'A'],
        ['new_coldkey', 'A'],
      ],
    },
  ],
  [
    'PerpetualLockUpdated',
    {
      named: [
        ['coldkey', 'A'],
        ['netuid', 'N'],
        ['enabled', 'bool'],
      ],
    },
  ],
  [
    'RejectLockedAlphaUpdated',
    {
      named: [
        ['coldkey', 'A'],
        ['enabled', 'bool'],
      ],
    },
  ],
];

function tok(t: string): ScaleType {
  const s = TOKENS[t];
  if (s === undefined) throw new Error(`unknown event field token ${t}`);
  return s;
}

const SUBTENSOR_ORDER: readonly VariantDef[] = EVENTS.map(([name, shape], index) => ({
  name,
  index,
  fields: Array.isArray(shape)
    ? unnamed(...(shape as readonly string[]).map(tok))
    : fields(
        Object.fromEntries(
          (shape as { named: readonly (readonly [string, string])[] }).named.map(([n, t]) => [n, tok(t)]),
        ),
      ),
}));

/**
 * subtensor's events, then Taonet's catch-all for events subtensor has no equivalent for
 * (event-records.ts): its name and its data as JSON text.
 */
export const SUBTENSOR_EVENTS: readonly VariantDef[] = [
  ...SUBTENSOR_ORDER,
  {
    name: TAONET_EVENT_VARIANT,
    index: SUBTENSOR_ORDER.length,
    fields: fields({ name: Bytes, data: Bytes }),
    docs: ['A Taonet event without a subtensor equivalent: its name, and its data as JSON.'],
  },
];
