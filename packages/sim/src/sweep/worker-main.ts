/**
 * The sweep worker thread: runs grid points it is sent, one at a time, and posts each result (or
 * its error) back. Only built-in behaviours exist here; a behaviour registered in the main thread
 * does not reach the workers.
 */
import { parentPort } from 'node:worker_threads';
import { runPoint } from './run-point.js';
import type { SweepPoint } from './sweep-types.js';

interface Job {
  readonly index: number;
  readonly doc: unknown;
  readonly point: SweepPoint;
}

parentPort?.on('message', (job: Job) => {
  try {
    parentPort?.postMessage({ index: job.index, run: runPoint(job.doc, job.point) });
  } catch (e) {
    const err = e as Error & { path?: string; explanation?: string; hint?: string };
    parentPort?.postMessage({
      index: job.index,
      error: { name: err.name, message: err.message, path: err.path, explanation: err.explanation, hint: err.hint },
    });
  }
});
parentPort?.postMessage({ ready: true });
