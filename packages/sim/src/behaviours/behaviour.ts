/**
 * The one interface every validator behaviour implements. Once per epoch of its subnet the engine
 * shows each validator what a validator could know (true quality only through its own measurements,
 * the chain's public metagraph, the weights the chain shows — with commit-reveal, only revealed
 * ones) and asks for its weights. The engine turns them into real calls: `set_weights`, or
 * `commit_weights` now and `reveal_weights` when the reveal epoch comes.
 */
import type { Rng } from '../rng.js';

export interface ValidatorView {
  /** Epochs of this subnet completed since the simulation started. */
  readonly epoch: number;
  readonly selfUid: number;
  readonly selfName: string;
  /** Subnet size; uids are 0..n-1. */
  readonly n: number;
  /** True quality per uid (0 for non-miners): what perfect measurement would find. */
  readonly quality: readonly number[];
  /** Uids of miners, and the scenario miner each belongs to (sybil copies share a name). */
  readonly minerUids: readonly number[];
  readonly minerOf: ReadonlyMap<number, string>;
  /** Scenario validators on this subnet by name → uid. */
  readonly validatorUids: ReadonlyMap<string, number>;
  /** The chain's metagraph after the last epoch: consensus per uid in [0, 1], stake in rao. */
  readonly consensus: readonly number[];
  readonly stake: readonly bigint[];
  /** Weight rows the chain stores now (normalised to sum 1), by uid; empty row when none. */
  readonly visibleWeights: readonly (readonly [number, number][])[];
  /** This validator's own seeded stream. */
  readonly rng: Rng;
}

export interface ValidatorBehaviour {
  /** Non-negative weight per uid (any scale), or null to set nothing this epoch. */
  weights(view: ValidatorView): readonly number[] | null;
}

export interface BehaviourFactory {
  readonly kind: string;
  readonly description: string;
  /** Builds a behaviour; throws ScenarioError naming `path` for bad options. */
  create(options: Readonly<Record<string, unknown>>, path: string): ValidatorBehaviour;
}
