/** The table of vector `fn` names this implementation answers. */
import type { Json, JsonObject } from './codec.js';
import { childrenHandlers } from './handlers/children.js';
import { drandHandlers } from './handlers/drand.js';
import { economicsHandlers } from './handlers/economics.js';
import { epochHandlers } from './handlers/epoch.js';
import { mechanismHandlers } from './handlers/mechanisms.js';
import { sdkHandlers } from './handlers/sdk.js';
import { yumaMathHandlers } from './handlers/yuma-math.js';

/** Computes the actual output of one case from its input (the expected value is only read by
 * sequence harnesses that carry state forward). */
export type Handler = (input: JsonObject, expected: Json) => Json;

export const HANDLERS: Readonly<Record<string, Handler>> = {
  ...yumaMathHandlers,
  ...epochHandlers,
  ...sdkHandlers,
  ...economicsHandlers,
  ...childrenHandlers,
  ...mechanismHandlers,
  ...drandHandlers,
};

export function handlerFor(fn: string): Handler | undefined {
  return Object.hasOwn(HANDLERS, fn) ? HANDLERS[fn] : undefined;
}
