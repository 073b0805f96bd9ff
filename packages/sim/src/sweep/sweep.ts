/**
 * Runs a sweep: every point of the parameter grid (the cartesian product, in order), spread over
 * worker threads — one per core by default — each result keyed by its parameter values. Points are
 * independent chains, so the results do not depend on the number of workers (a test checks it).
 *
 * Workers load the TypeScript sources through tsx, as the CLI does: the worker is a small script
 * evaluated from a string that registers tsx and imports `worker-main.ts`.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ScenarioError, SimulationError } from '../errors.js';
import { scenarioFromObject } from '../scenario/parse.js';
import { withParam } from './param-path.js';
import type { SweepParam, SweepPoint, SweepResult, SweepRun } from './sweep-types.js';

export interface SweepOptions {
  /** Worker threads (default: available cores). */
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export function gridPoints(params: readonly SweepParam[]): SweepPoint[] {
  let points: Record<string, unknown>[] = [{}];
  for (const p of params) points = points.flatMap((pt) => p.values.map((v) => ({ ...pt, [p.path]: v })));
  return points;
}

const BOOT = `
const { workerData } = require('node:worker_threads');
(async () => {
  const { register } = await import(workerData.tsx);
  register();
  await import(workerData.main);
})().catch((e) => { console.error(e); process.exit(1); });
`;

function rebuildError(e: {
  name?: string;
  message?: string;
  path?: string;
  explanation?: string;
  hint?: string;
}): Error {
  if (e.name === 'ScenarioError') return new ScenarioError(e.path ?? '$', e.explanation ?? '', e.hint);
  if (e.name === 'SimulationError') return new SimulationError(e.path ?? '$', e.explanation ?? '', e.hint);
  return new Error(e.message ?? 'sweep worker failed');
}

export async function runSweep(
  name: string,
  doc: unknown,
  params: readonly SweepParam[],
  opts: SweepOptions = {},
): Promise<SweepResult> {
  const points = gridPoints(params);
  // Every point must be a valid scenario before any worker starts.
  for (const pt of points) {
    let d = doc;
    for (const [path, value] of Object.entries(pt)) d = withParam(d, path, value);
    scenarioFromObject(d);
  }
  const n = Math.max(1, Math.min(opts.workers ?? availableParallelism(), points.length));
  const require = createRequire(import.meta.url);
  const workerData = {
    // The ESM entry: tsx's CommonJS one registers its hooks relative to a path an eval'd worker lacks.
    tsx: pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href,
    main: new URL('./worker-main.ts', import.meta.url).href,
  };
  const started = performance.now();
  const runs: (SweepRun | undefined)[] = new Array(points.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: n }, () => new Worker(BOOT, { eval: true, workerData }));
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (w: Worker): void => {
        if (next >= points.length) return;
        const index = next++;
        w.postMessage({ index, doc, point: points[index] });
      };
      for (const w of workers) {
        w.on('message', (msg: { ready?: boolean; index?: number; run?: SweepRun; error?: Record<string, string> }) => {
          if (msg.ready === true) return feed(w);
          if (msg.error !== undefined) return reject(rebuildError(msg.error));
          runs[msg.index as number] = msg.run;
          done++;
          opts.onProgress?.(done, points.length);
          if (done === points.length) resolve();
          else feed(w);
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (done < points.length && code !== 0) reject(new Error(`sweep worker exited with ${code}`));
        });
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return {
    scenario: name,
    params,
    workers: n,
    seconds: (performance.now() - started) / 1000,
    runs: runs as SweepRun[],
  };
}
