/**
 * What every reasoning environment provides: a seeded generator of fresh instances and an exact
 * checker. The prompt is all a miner sees; `checkerData` (the planted solution or the optimum)
 * stays with the validator.
 */
import { toHex } from '@taonet/primitives';
import { deriveBytes, type Seed } from './prng.js';

/** Environment names, also the `kind` tag of each prompt's structured data. */
export type EnvName = 'program-output' | 'linear-system' | 'sat' | 'shortest-path';

/** Lowest difficulty; generators clamp into [MIN_DIFFICULTY, MAX_DIFFICULTY]. */
export const MIN_DIFFICULTY = 1;
/** Highest difficulty. */
export const MAX_DIFFICULTY = 10;

/** Integer difficulty in [MIN_DIFFICULTY, MAX_DIFFICULTY]; NaN and fractions are floored/clamped. */
export function clampDifficulty(difficulty: number): number {
  if (!Number.isFinite(difficulty)) return MIN_DIFFICULTY;
  return Math.min(MAX_DIFFICULTY, Math.max(MIN_DIFFICULTY, Math.floor(difficulty)));
}

/** What a miner is asked: human-readable text plus the same task as structured data. */
export interface Prompt<D extends { readonly kind: EnvName } = { readonly kind: EnvName }> {
  /** Instance id (a hash of environment, seed and difficulty); answers are keyed by it. */
  readonly id: string;
  readonly env: EnvName;
  readonly difficulty: number;
  readonly text: string;
  readonly data: D;
}

/** One generated task: the prompt, and what only the validator keeps for checking. */
export interface Instance<D extends { readonly kind: EnvName } = { readonly kind: EnvName }, C = unknown> {
  readonly id: string;
  readonly env: EnvName;
  readonly difficulty: number;
  readonly prompt: Prompt<D>;
  readonly checkerData: C;
}

/**
 * A procedurally generated environment. Methods (not function-valued properties) on purpose:
 * TypeScript then lets concrete environments be used where {@link AnyEnvironment} is expected.
 */
export interface Environment<D extends { readonly kind: EnvName }, C> {
  readonly name: EnvName;
  /** One line for READMEs and dashboards. */
  readonly description: string;
  /** A fresh instance, a pure function of (seed, difficulty). */
  generate(seed: Seed, difficulty: number): Instance<D, C>;
  /** Exact verdict on a miner's answer; never throws, whatever the answer string holds. */
  check(instance: Instance<D, C>, answer: string): boolean;
  /** Canonical spelling of an answer, so whitespace games cannot disguise a copied answer. */
  normalize(answer: string): string;
}

/** An environment with its data types erased, for registries (method parameters are bivariant). */
export type AnyEnvironment = Environment<{ readonly kind: EnvName }, unknown>;

/** The instance id: hex of a hash over (environment, seed, difficulty), first 16 bytes. */
export function instanceId(env: EnvName, seed: Seed, difficulty: number): string {
  return toHex(deriveBytes(`taonet/reasoning/instance/${env}`, seed, difficulty).subarray(0, 16));
}

/** Whitespace-separated tokens of an answer (commas count as whitespace). */
export function answerTokens(answer: string): string[] {
  return answer.split(/[\s,]+/).filter((t) => t.length > 0);
}

/** Answers longer than this are rejected unread, so a checker's work stays bounded. */
export const MAX_ANSWER_LENGTH = 4096;
