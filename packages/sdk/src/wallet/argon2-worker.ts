/**
 * Argon2 on a worker thread, in WebAssembly (hash-wasm).
 *
 * `$NACL` keyfiles cost Argon2i over 512 MiB, 8 passes: about 20 s in pure JS, about 6 s in wasm.
 * The wasm call runs to completion without yielding, so it gets its own thread: the caller's
 * event loop (a CLI spinner, a validator's axon) keeps running. The worker is plain CommonJS
 * evaluated from a string, so it works the same under tsx, vitest and a bundled CLI.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Argon2 parameters, as libsodium's `crypto_pwhash` maps them: one lane, v1.3, 32-byte output. */
export interface Argon2Job {
  readonly alg: 'argon2i13' | 'argon2id13';
  readonly password: Uint8Array;
  readonly salt: Uint8Array;
  /** Passes. */
  readonly t: number;
  /** Memory in KiB. */
  readonly m: number;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const hw = require(workerData.module);
const run = workerData.alg === 'argon2i13' ? hw.argon2i : hw.argon2id;
run({
  password: workerData.password,
  salt: workerData.salt,
  parallelism: 1,
  iterations: workerData.t,
  memorySize: workerData.m,
  hashLength: 32,
  outputType: 'binary',
}).then(
  (key) => parentPort.postMessage({ key }),
  (e) => parentPort.postMessage({ error: String((e && e.message) || e) }),
);
`;

let modulePath: string | null | undefined;

/** Where hash-wasm's CommonJS build is, or null when it cannot be found. */
function hashWasmPath(): string | null {
  if (modulePath === undefined) {
    try {
      modulePath = createRequire(import.meta.url).resolve('hash-wasm');
    } catch {
      modulePath = null;
    }
  }
  return modulePath;
}

/**
 * The 32-byte Argon2 output computed on a worker thread.
 * @throws Error when the worker cannot run (no hash-wasm, no memory for the wasm instance): the
 *   caller falls back to the pure-JS implementation.
 */
export function argon2OnWorker(job: Argon2Job): Promise<Uint8Array> {
  const module = hashWasmPath();
  if (module === null) return Promise.reject(new Error('hash-wasm is not installed'));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { module, alg: job.alg, password: job.password, salt: job.salt, t: job.t, m: job.m },
    });
    let settled = false;
    worker.once('message', (msg: { key?: Uint8Array; error?: string }) => {
      settled = true;
      void worker.terminate();
      if (msg.key instanceof Uint8Array && msg.key.length === 32) resolve(new Uint8Array(msg.key));
      else reject(new Error(`argon2 worker failed: ${msg.error ?? 'no key'}`));
    });
    worker.once('error', (e) => {
      if (!settled) reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`argon2 worker exited with ${code}`));
    });
  });
}
