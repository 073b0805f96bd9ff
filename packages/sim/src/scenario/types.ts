/**
 * A scenario: the world to build on a fresh dev chain (subnets with their hyperparameters,
 * validators with stake and a behaviour, miners with a true quality, stakers with flows, owner
 * buybacks), how many epochs to run, and what to record. Amounts are TAO as decimal numbers in the
 * file and rao (bigint) here.
 */
export type RecordField = 'dividends' | 'incentive' | 'emission' | 'stake' | 'bonds' | 'consensus' | 'subnet';

export const RECORD_FIELDS: readonly RecordField[] = [
  'dividends',
  'incentive',
  'emission',
  'stake',
  'bonds',
  'consensus',
  'subnet',
];

/** A behaviour by name plus its own options (checked by the behaviour's factory). */
export interface BehaviourSpec {
  readonly kind: string;
  readonly options: Readonly<Record<string, unknown>>;
}

export interface ValidatorSpec {
  readonly name: string;
  /** TAO staked on the validator's hotkey by its own coldkey at the start. */
  readonly stake: bigint;
  readonly behaviour: BehaviourSpec;
}

export interface MinerSpec {
  readonly name: string;
  /** The quality an ideal validator would measure, in [0, 1]. */
  readonly quality: number;
  /** UIDs this miner registers (more than 1: sybil copies answering alike). */
  readonly count: number;
}

export interface SubnetSpec {
  readonly name: string;
  /** Hyperparameter overrides for this subnet (names as in the runtime). */
  readonly hyperparameters: Readonly<Record<string, number | bigint | boolean | string>>;
  readonly validators: readonly ValidatorSpec[];
  readonly miners: readonly MinerSpec[];
  /** TAO the owner stakes into its own subnet every epoch (a buyback of its alpha), 0 for none. */
  readonly ownerBuyback: bigint;
}

export interface FlowSpec {
  readonly epoch: number;
  readonly action: 'stake' | 'unstake' | 'move';
  /** Subnet name (for move: the source). */
  readonly subnet: string;
  readonly to?: string;
  /** TAO for stake; for unstake and move, the share of the position in [0, 1]. */
  readonly amount: number;
}

export interface StakerSpec {
  readonly name: string;
  /** Free TAO at genesis. */
  readonly balance: bigint;
  /** Validator whose hotkey receives this staker's stake (`subnet/validator`). */
  readonly delegate: string;
  readonly flows: readonly FlowSpec[];
  /** A whale policy that moves the whole position every `every` epochs, or none. */
  readonly policy: { readonly kind: 'chase-emission' | 'chase-price'; readonly every: number } | null;
}

export interface Scenario {
  readonly name: string;
  readonly seed: number;
  readonly epochs: number;
  /** Network parameter overrides (names as in the runtime). */
  readonly network: Readonly<Record<string, number | bigint | boolean | string>>;
  /** Hyperparameters every subnet starts from (on top of the dev preset). */
  readonly hyperparameters: Readonly<Record<string, number | bigint | boolean | string>>;
  readonly subnets: readonly SubnetSpec[];
  readonly stakers: readonly StakerSpec[];
  readonly record: readonly RecordField[];
}
