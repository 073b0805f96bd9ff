import type { RecordField } from '../scenario/types.js';

/** What a run records: per entity and epoch, per subnet and epoch, per block (full mode), and the totals. */
export type EntityRole = 'owner' | 'validator' | 'miner';

export interface EntityEpoch {
  readonly subnet: string;
  readonly epoch: number;
  readonly block: number;
  /** Validator or miner name from the scenario; `owner` for the subnet owner's hotkey. */
  readonly entity: string;
  readonly role: EntityRole;
  readonly behaviour: string;
  readonly uids: number;
  /** Normalised dividends, summed over the entity's uids (each uid's share of the epoch in [0, 1]). */
  readonly dividends: number;
  readonly incentive: number;
  /** Mean consensus over the entity's uids, in [0, 1]. */
  readonly consensus: number;
  /** Alpha (rao) the epoch gave the entity's uids. */
  readonly emission: bigint;
  /** Alpha (rao) staked on the entity's hotkeys after the epoch. */
  readonly stake: bigint;
  /** Sum of the entity's bond row (validators), each bond in [0, 1]. */
  readonly bonds: number;
}

export interface SubnetEpoch {
  readonly subnet: string;
  readonly netuid: number;
  readonly epoch: number;
  readonly block: number;
  /** Spot price, TAO per alpha. */
  readonly price: number;
  readonly taoIn: bigint;
  readonly alphaIn: bigint;
  /** Share of the block's TAO emission, in [0, 1]. */
  readonly emissionShare: number;
  /** Alpha the epoch distributed. */
  readonly epochEmission: bigint;
}

export interface BlockSample {
  readonly block: number;
  readonly subnet: string;
  readonly price: number;
  readonly taoIn: bigint;
}

export interface Failure {
  readonly block: number;
  readonly signer: string;
  readonly method: string;
  readonly code: string;
  readonly explanation: string;
}

export interface StakerFinal {
  readonly staker: string;
  readonly free: bigint;
  readonly positions: {
    readonly subnet: string;
    readonly netuid: number;
    readonly alpha: bigint;
    readonly taoValue: bigint;
  }[];
}

export interface EntityTotal {
  readonly subnet: string;
  readonly entity: string;
  readonly role: EntityRole;
  readonly behaviour: string;
  readonly dividends: number;
  readonly incentive: number;
  readonly emission: bigint;
  readonly finalStake: bigint;
}

export interface SimResult {
  readonly scenario: string;
  readonly mode: 'fast' | 'full';
  /** The scenario's `record`: which figures the reports show. */
  readonly recorded: readonly RecordField[];
  readonly seed: number;
  readonly epochs: number;
  readonly blocks: number;
  /** Of `blocks`, how many fast mode handed the runtime as quiet runs (`applyQuietBlocks`); 0 in full mode. */
  readonly quietBlocks: number;
  /** stateDigest of the final state. */
  readonly digest: string;
  readonly entities: EntityEpoch[];
  readonly subnets: SubnetEpoch[];
  readonly perBlock: BlockSample[];
  readonly failures: Failure[];
  /** Each staker's positions and free balance at the end (alpha and TAO in rao). */
  readonly stakers: StakerFinal[];
  readonly totals: EntityTotal[];
}

export function totalsOf(rows: readonly EntityEpoch[]): EntityTotal[] {
  const by = new Map<string, EntityTotal>();
  for (const r of rows) {
    const k = `${r.subnet}\u0000${r.entity}`;
    const t = by.get(k);
    by.set(k, {
      subnet: r.subnet,
      entity: r.entity,
      role: r.role,
      behaviour: r.behaviour,
      dividends: (t?.dividends ?? 0) + r.dividends,
      incentive: (t?.incentive ?? 0) + r.incentive,
      emission: (t?.emission ?? 0n) + r.emission,
      finalStake: r.stake,
    });
  }
  return [...by.values()];
}
