/** One sweep run: the base document with the point's values set, parsed, and run in fast mode. */
import { runScenario } from '../engine/engine.js';
import { scenarioFromObject } from '../scenario/parse.js';
import { withParam } from './param-path.js';
import type { SweepPoint, SweepRun } from './sweep-types.js';

export function runPoint(doc: unknown, point: SweepPoint): SweepRun {
  let d = doc;
  for (const [path, value] of Object.entries(point)) d = withParam(d, path, value);
  const r = runScenario(scenarioFromObject(d), { mode: 'fast' });
  return { params: point, digest: r.digest, blocks: r.blocks, failures: r.failures.length, totals: r.totals };
}
