/**
 * Typed runtime errors. Every failure a user can cause has a stable name (the reference chain's
 * name where one exists, so people can search for it), an explanation, and where it helps a hint
 * that says what to do next ("weights rate limit: next allowed at block 1234"). A failing call
 * changes nothing: the dispatcher reverts its writes.
 */
export interface RuntimeErrorInfo {
  readonly code: string;
  readonly explanation: string;
  readonly hint?: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

export class RuntimeError extends Error implements RuntimeErrorInfo {
  override readonly name: string = 'RuntimeError';
  readonly explanation: string;
  readonly hint?: string;
  readonly data?: Readonly<Record<string, unknown>>;

  constructor(
    readonly code: string,
    explanation?: string,
    hint?: string,
    data?: Readonly<Record<string, unknown>>,
  ) {
    const text = explanation ?? ERROR_EXPLANATIONS[code] ?? code;
    super(hint === undefined ? `${code}: ${text}` : `${code}: ${text} (${hint})`);
    this.explanation = text;
    if (hint !== undefined) this.hint = hint;
    if (data !== undefined) this.data = data;
  }

  toJSON(): RuntimeErrorInfo {
    return {
      code: this.code,
      explanation: this.explanation,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
      ...(this.data === undefined ? {} : { data: this.data }),
    };
  }
}

/** Throws the named error; the explanation comes from the catalogue unless given. */
export function fail(code: string, hint?: string, data?: Readonly<Record<string, unknown>>): never {
  throw new RuntimeError(code, undefined, hint, data);
}

export function ensure(cond: boolean, code: string, hint?: string | (() => string)): asserts cond {
  if (!cond) fail(code, typeof hint === 'function' ? hint() : hint);
}

/** The catalogue: one line per error a user can hit, in words a user understands. */
export const ERROR_EXPLANATIONS: Readonly<Record<string, string>> = {
  // Transactions and balances
  BadEncKeyLen: 'the announced shield key does not have the ML-KEM-768 length (1184 bytes)',
  Unreachable: 'the block has no Aura slot, or the chain no authorities, so no shield key can rotate',
  RetiredCall: 'this MevShield call is kept only so old blocks decode; it does nothing on this chain',
  ShieldBlobTooLarge: 'an encrypted transaction is at most 8192 bytes',
  NoBeaconConfigured: 'this chain has no drand beacon in its genesis, so it carries no pulses',
  TooManyPulses: 'a block carries at most 10 beacon pulses',
  InvalidRoundNumber: 'a beacon pulse must be the round right after the last stored one (no round may be skipped)',
  PulseFromTheFuture: 'the beacon has not published this round by the block time',
  PulseVerificationError: 'the beacon pulse does not verify under the chain’s beacon public key',
  TimelockedCommitTooLarge: 'a timelocked weight commit is at most 5000 bytes',
  IncorrectCommitRevealVersion: 'the commit-reveal version does not match the chain’s (4)',
  InvalidRevealRound: 'the reveal round’s pulse is already on chain; encrypt to a future round',
  InherentOnly: 'this call is made by the block author in every block, never by a signed transaction',
  BadNonce: 'the transaction nonce does not match the account nonce',
  StaleNonce: 'the transaction nonce was already used',
  FutureNonce: 'the transaction nonce is ahead of the account nonce',
  InsufficientBalance: 'the account does not hold enough free TAO for this transfer',
  InsufficientFeeBalance: 'the account cannot pay the transaction fee',
  ExistentialDeposit: 'the transfer would leave the destination below the existential deposit',
  Expendability: 'the transfer would leave the sender below the existential deposit (it asked to be kept alive)',
  ZeroAmount: 'the amount must be greater than zero',
  BadOrigin: 'this call needs a different signer (the admin account, or the owner)',
  InvalidArgument: 'an argument is malformed or out of range',
  CallDisabled: 'this call is disabled on this chain',
  RequireSudo: 'only the sudo key (the admin account) may make this Sudo call',
  // Staking
  NotEnoughBalanceToStake: 'the coldkey does not hold enough free TAO for this stake',
  NotEnoughStakeToWithdraw: 'the coldkey does not hold that much stake on this hotkey and subnet',
  AmountTooLow: 'the amount is below the minimum stake (0.002 TAO plus the swap fee)',
  InsufficientLiquidity: 'the pool cannot absorb this amount precisely; try a larger or smaller amount',
  SlippageTooHigh: 'the price would move past your limit price; allow a partial fill or raise the tolerance',
  TransferDisallowed: 'stake transfers are disabled on this subnet',
  SameNetuid: 'origin and destination are the same',
  SubtokenDisabled: 'the subnet has not started (its owner must call start_call)',
  HotKeyAccountNotExists: 'the hotkey has never been registered or paired with a coldkey',
  NonAssociatedColdKey: 'the hotkey belongs to another coldkey',
  CannotBurnOrRecycleOnRootSubnet: 'alpha cannot be burned or recycled on the root subnet',
  DelegateTakeTooLow: 'an increase must go above the current take, and a decrease below it but not under the minimum',
  DelegateTakeTooHigh: 'the take is above the maximum (18%)',
  DelegateTxRateLimitExceeded: 'the take was raised too recently',
  // Child hotkeys
  DuplicateChild: 'a child hotkey appears twice in the list',
  InvalidChild: 'a hotkey cannot be its own child',
  TooManyChildren: 'a hotkey can have at most 5 children on a subnet',
  ProportionOverflow: 'the child proportions add up to more than 100% (u64::MAX)',
  ChildParentInconsistency: 'a child is already a parent of this hotkey on this subnet',
  NotEnoughStakeToSetChildkeys: 'the hotkey has less stake than the threshold needed to set children',
  InvalidChildkeyTake: 'the childkey take is outside the allowed range (at most 18%)',
  TxChildkeyTakeRateLimitExceeded: 'the childkey take was changed too recently to raise it again',
  // Key swaps and identities
  NewHotKeyIsSameWithOld: 'the new hotkey is the same as the old one',
  HotKeySetTxRateLimitExceeded: 'this coldkey swapped a hotkey too recently',
  HotKeySwapOnSubnetIntervalNotPassed: 'this coldkey swapped a hotkey on this subnet too recently',
  NewHotKeyNotCleanForRootSwap: 'the new hotkey already has root stake or root claims',
  NotEnoughBalanceToPaySwapHotKey: 'the coldkey cannot pay the hotkey swap cost',
  NotEnoughBalanceToPaySwapColdKey: 'the coldkey cannot pay the coldkey swap cost',
  ColdKeyAlreadyAssociated: 'the new coldkey already has stake or hotkeys',
  NewColdKeyIsHotkey: 'the new coldkey is in use as a hotkey',
  ColdkeySwapAnnouncementNotFound: 'this coldkey has not announced a swap',
  AnnouncedColdkeyHashDoesNotMatch: 'the new coldkey does not match the hash that was announced',
  ColdkeySwapTooEarly: 'the announced coldkey swap is still in its delay',
  ColdkeySwapReannouncedTooEarly: 'the coldkey swap was announced too recently to announce it again',
  ColdkeySwapClearTooEarly: 'the coldkey swap was announced too recently to clear it',
  ColdkeySwapAlreadyDisputed: 'the coldkey swap is already disputed',
  ColdkeySwapAnnounced: 'this coldkey has announced a swap, so it may only make swap calls',
  ColdkeySwapDisputed: 'this coldkey’s swap is disputed, so it may make no calls until the admin resets it',
  // Commitments
  AccountNotAllowedCommit: 'only a hotkey registered on the subnet may commit there',
  TooManyFieldsInCommitmentInfo: 'a commitment has at most 3 fields',
  SpaceLimitExceeded: 'the hotkey has used its commitment space for this epoch',
  // Utility and proxies
  TooManyCalls: 'too many calls in one batch',
  CallFiltered: 'this call is not allowed here (a proxy type or batch_all forbids it)',
  NoSelfProxy: 'an account cannot be its own proxy',
  Duplicate: 'this proxy is already set',
  TooMany: 'the account already has the most proxies allowed (20)',
  NotFound: 'no such proxy is set',
  NotProxy: 'the signer is not a proxy of this account',
  Unannounced: 'this proxy must announce its calls first',
  // Swap
  PriceLimitExceeded: 'the pool price is already past your limit price',
  ReservesTooLow: 'the pool reserves are too low for this swap',
  SwapInputTooLarge: 'the input is larger than 1000× the pool reserve',
  ReservesOutOfBalance: 'the pool weight would leave its allowed range',
  // Keys and subnets
  HotKeyNotRegisteredInSubNet: 'the hotkey is not registered on this subnet',
  HotKeyNotRegisteredInNetwork: 'the hotkey is not registered on this subnet',
  HotKeyAlreadyRegisteredInSubNet: 'the hotkey is already registered on this subnet',
  NotSubnetOwner: 'only the subnet owner may do this',
  SubnetNotExists: 'no subnet has this netuid',
  MechanismDoesNotExist: 'no such mechanism on this subnet',
  // Registration
  SubNetRegistrationDisabled: 'registration is disabled on this subnet',
  RegistrationNotPermittedOnRootSubnet: 'use root_register to join the root subnet',
  NoNeuronIdAvailable: 'the subnet is full and every neuron is immune',
  RegistrationPriceLimitExceeded: 'the registration price is above your limit',
  TooManyRegistrationsThisBlock: 'too many registrations in this block',
  TooManyRegistrationsThisInterval: 'too many registrations in this interval',
  StakeTooLowForRoot: 'the root subnet is full and your root stake is not higher than the lowest member',
  // Network registration
  NetworkTxRateLimitExceeded: 'a subnet was registered too recently (the limit is network-wide)',
  SubnetLimitReached: 'the subnet limit is reached and no subnet can be pruned',
  CannotAffordLockCost: 'the coldkey cannot pay the subnet lock cost',
  InvalidIdentity: 'an identity field is too long',
  FirstEmissionBlockNumberAlreadySet: 'the subnet has already started',
  NeedWaitingMoreBlocksToStarCall: 'start_call is not allowed yet',
  SymbolDoesNotExist: 'the symbol is not in the list of subnet symbols',
  SymbolAlreadyInUse: 'another subnet already uses this symbol',
  // Weights
  CanNotSetRootNetworkWeights: 'weights cannot be set on the root subnet',
  WeightVecNotEqualSize: 'uids and values have different lengths',
  UidsLengthExceedUidsInSubNet: 'more weights than neurons on the subnet',
  NotEnoughStakeToSetWeights: 'the hotkey has less stake than the weights stake threshold',
  IncorrectWeightVersionKey: 'the weights version key is older than the subnet requires; update your validator',
  SettingWeightsTooFast: 'weights were set too recently',
  NeuronNoValidatorPermit: 'the neuron has no validator permit',
  DuplicateUids: 'a uid appears twice',
  UidVecContainInvalidOne: 'a uid does not exist on the subnet',
  WeightVecLengthIsLow: 'fewer weights than the subnet minimum',
  MaxWeightExceeded: 'a single weight is above the subnet maximum',
  CommitRevealEnabled: 'this subnet uses commit-reveal: commit a hash, then reveal it',
  CommitRevealDisabled: 'commit-reveal is off on this subnet: set weights directly',
  CommittingWeightsTooFast: 'weights were committed too recently',
  TooManyUnrevealedCommits: 'too many unrevealed commits (at most 10)',
  NoWeightsCommitFound: 'there is no commit to reveal',
  InvalidRevealCommitHashNotMatch: 'the revealed weights do not match any commit hash',
  ExpiredWeightCommit: 'the commit expired before it was revealed',
  RevealTooEarly: 'the reveal epoch has not started',
  // Serving
  InvalidIpType: 'the ip type must be 4 or 6',
  InvalidIpAddress: 'the ip address is not allowed',
  InvalidPort: 'the port must not be 0',
  ServingRateLimitExceeded: 'the axon was served too recently',
  // Epoch and owner controls
  TempoOutOfBounds: 'the tempo is outside the allowed range',
  AdminActionProhibitedDuringWeightsWindow: 'hyperparameters are frozen close to the epoch',
  HyperparameterOutOfBounds: 'the value is outside the allowed range for this hyperparameter',
  HyperparameterNotOwnerSettable: 'only the admin account may change this hyperparameter',
  TxRateLimitExceeded: 'this change was made too recently',
  // Mechanisms
  InvalidValue: 'the value is outside what the chain accepts here',
  TooManyUIDsPerMechanism: 'the subnet has too many uids for this many mechanisms',
  // Root claim
  InvalidSubnetNumber: 'claim between 1 and 5 subnets at a time',
  InvalidRootClaimThreshold: 'the root claim threshold is out of range',
};
