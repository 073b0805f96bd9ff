/**
 * The epoch's matrix stages (weights through bonds and dividends, steps 5–9) as one unit with two
 * implementations: the BigInt reference and the fast Number kernel, which must agree bit for bit.
 * Everything before and after them works on per-uid vectors and is shared.
 */
import type { SparseMatrix, U16Row } from './sparse-matrix.js';
import type { EpochInput } from './types.js';
import type { FixedVector } from './vector.js';

export interface StageInput {
  readonly input: EpochInput;
  readonly n: number;
  /** The subnet owner's uid when it is below n. */
  readonly owner: number | null;
  /** Per uid, padded to n. */
  readonly lastUpdate: readonly bigint[];
  readonly blockAtRegistration: readonly bigint[];
  /** Rows without last epoch's permit (a missing entry counts as forbidden). */
  readonly forbid: readonly boolean[];
  readonly activeStake: FixedVector;
  /** Bonds to uids registered at or after this block are dropped. */
  readonly lastTempo: bigint;
  /** Only these uids store a bond row. */
  readonly newValidatorPermit: readonly boolean[];
}

export interface StageOutput {
  readonly weights: SparseMatrix;
  readonly consensus: FixedVector;
  readonly validatorTrust: FixedVector;
  readonly incentive: FixedVector;
  readonly dividends: FixedVector;
  readonly emaBonds: SparseMatrix;
  readonly bondsDelta: SparseMatrix | null;
  /** The u16 bond row stored per uid (empty without a new permit). */
  readonly bondRows: U16Row[];
}
