/** A sweep: a base scenario document, a grid of parameter values, and what each run returns. */
import type { EntityTotal } from '../engine/records.js';

export interface SweepParam {
  readonly path: string;
  readonly values: readonly unknown[];
}

/** One grid point: the parameter values keyed by path. */
export type SweepPoint = Readonly<Record<string, unknown>>;

export interface SweepRun {
  readonly params: SweepPoint;
  readonly digest: string;
  readonly blocks: number;
  readonly failures: number;
  readonly totals: EntityTotal[];
}

export interface SweepResult {
  readonly scenario: string;
  readonly params: readonly SweepParam[];
  readonly workers: number;
  readonly seconds: number;
  readonly runs: SweepRun[];
}
