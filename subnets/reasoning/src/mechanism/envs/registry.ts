/** The environments this subnet scores, in the fixed order used for score vectors. */
import type { AnyEnvironment, EnvName } from '../environment.js';
import { type LinearPromptData, linearSystem } from './linear-system.js';
import { type ProgramPromptData, programOutput } from './program-output.js';
import { type SatPromptData, sat } from './sat.js';
import { type PathPromptData, shortestPath } from './shortest-path.js';

/** All environments; a miner's score vector has one entry per element, in this order. */
export const ENVIRONMENTS: readonly AnyEnvironment[] = [programOutput, linearSystem, sat, shortestPath];

/** The environment called `name`. */
export function environment(name: EnvName): AnyEnvironment {
  const env = ENVIRONMENTS.find((e) => e.name === name);
  if (env === undefined) throw new RangeError(`unknown environment '${name}'`);
  return env;
}

/** The structured part of any prompt this subnet issues, discriminated by `kind`. */
export type PromptData = ProgramPromptData | LinearPromptData | SatPromptData | PathPromptData;
