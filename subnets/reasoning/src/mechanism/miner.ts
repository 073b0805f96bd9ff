/**
 * The interface every simulated miner implements, honest or not. A miner answers a whole round
 * at once (one answer per prompt, in order, '' to abstain) and may look at what miners who
 * committed before it answered: that is the only channel a copier needs, and modelling it
 * explicitly lets the tests show that copying through it does not pay.
 */
import type { Prompt } from './environment.js';
import type { PromptData } from './envs/registry.js';

/** A prompt of this subnet, with its structured data typed. */
export type ReasoningPrompt = Prompt<PromptData>;

/** What a miner can observe of other miners' submissions. */
export interface RoundView {
  /** The answers of `hotkey` in this round, if this miner can see them (earlier committers only). */
  answersOf(hotkey: string): readonly string[] | undefined;
}

/** A miner's behaviour. `learn` is called after each round, once every submission is public. */
export interface MinerPolicy {
  /** Short label for tables ("honest", "copier", …). */
  readonly kind: string;
  answer(prompts: readonly ReasoningPrompt[], view: RoundView): string[];
  learn?(prompts: readonly ReasoningPrompt[], revealed: RoundView): void;
}

/** A view that shows nothing, for miners answering in isolation. */
export const EMPTY_VIEW: RoundView = { answersOf: () => undefined };
