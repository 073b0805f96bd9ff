/**
 * `npm run bench -- compat`: Taonet next to the real Python clients, side by side in one run.
 *
 * Axon: bittensor 10.5's `bt.Axon` (compat/python/bench/py_axon_server.py, in the classic line's venv)
 * and Taonet's `Axon` (the axon benchmark's child) serve the same Echo synapse to the same load:
 * 64 keep-alive connections, 16 signed callers, every request distinct (own nonce, own dendrite
 * uuid, own signature), signed just before each server's run within a time budget (a nonce stays
 * fresh for only 16 s, and signing is slow on a loaded machine). Each server runs alone in its
 * process, pinned to core 0 where taskset exists, the driver on core 1. The figure is answers with status 200, i.e. verified (signature, nonce, body hash,
 * blacklist) and served, per second of the server process's CPU time.
 *
 * Metagraph: a manual-seal dev node with one subnet of 256 UIDs (the admin raises its max UIDs and
 * holds the registration price flat, then one coldkey registers 255 hotkeys beside the owner's).
 * bittensor 10.5's `bt.Subtensor.metagraph(netuid)` (lite, its default, and full; a runtime-API
 * read decoded in Python: compat/python/bench/py_metagraph_sync.py) next to Taonet's SDK
 * `Metagraph.sync()` (taonet_metagraph, columnar JSON), each the median of several syncs after a
 * warm-up, over one WebSocket kept open.
 *
 * Start-up: `taonet localnet up` (what `npm start` runs once dependencies are installed) from
 * nothing, then README.md's "Your Python subnet on Taonet" walk-through on it (btcli makes the
 * wallets, the subnet and the miner's registration; the Python miner and validator start) until
 * the validator's first `set_weights` the chain accepts
 * (compat/python/bench/py_validator_first_weights.py).
 *
 * The last line printed is the axon figure of both.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { Metagraph } from '../packages/sdk/src/metagraph/metagraph.js';
import { Subtensor } from '../packages/sdk/src/client/subtensor.js';
import { hex, type Key, key, NodeProcess } from '../packages/node/test/e2e/harness.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AxonTarget } from '../packages/sdk/src/axon/axon-info.js';
import { initFastSr25519 } from '../packages/sdk/src/synapse/fast-sr25519.js';
import { callerKeys, drive, hasTaskset, type Prepared, requestMaker, startChild, stopChild } from './axon.bench.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PYTHON = join(ROOT, '.venv-compat', 'classic', 'bin', 'python');
const PY_SERVER = join(ROOT, 'compat', 'python', 'bench', 'py_axon_server.py');
const PY_METAGRAPH = join(ROOT, 'compat', 'python', 'bench', 'py_metagraph_sync.py');
const PY_FIRST_WEIGHTS = join(ROOT, 'compat', 'python', 'bench', 'py_validator_first_weights.py');
const METAGRAPH_UIDS = 256;
const METAGRAPH_RUNS = 7;
const WARM_MS = 1500;
const MEASURE_MS = 3000;
const SIGN_BUDGET_MS = 7000;
const SIGN_MAX = 30_000;

interface Server {
  readonly proc: ChildProcess;
  readonly target: AxonTarget;
  /** CPU time the server process has used so far (all threads), seconds. */
  readonly cpu: () => Promise<number>;
}

interface Rate {
  readonly wall: number;
  readonly perCpu: number;
}

/** The classic venv, installed by the Python suite's runner if missing or stale. */
function ensureClassicVenv(): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'compat', 'python', 'run.mjs'), '--install-only', 'classic'], {
    stdio: 'inherit',
  });
  if (r.status !== 0 || !existsSync(PYTHON)) throw new Error('could not set up the classic Python venv');
}

async function startPythonAxon(pin: boolean, callers: readonly string[]): Promise<Server> {
  const args = [PY_SERVER, JSON.stringify(callers)];
  const proc = pin
    ? spawn('taskset', ['-c', '0', PYTHON, ...args], { stdio: ['pipe', 'pipe', 'inherit'] })
    : spawn(PYTHON, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: proc.stdout as NodeJS.ReadableStream });
  const ready = await new Promise<{ axons: AxonTarget[] }>((resolve, reject) => {
    lines.once('line', (l) => resolve(JSON.parse(l) as { axons: AxonTarget[] }));
    proc.once('exit', (code) => reject(new Error(`Python axon exited with ${code}`)));
  });
  const cpu = (): Promise<number> =>
    new Promise((resolve) => {
      lines.once('line', (l) => resolve((JSON.parse(l) as { cpuUs: number }).cpuUs / 1e6));
      proc.stdin?.write('cpu\n');
    });
  return { proc, target: ready.axons[0] as AxonTarget, cpu };
}

async function startTaonetAxon(pin: boolean): Promise<Server> {
  const c = await startChild('one', pin);
  return { proc: c.proc, target: (c.ready.axons as AxonTarget[])[0] as AxonTarget, cpu: c.cpu };
}

/**
 * Signs requests for at most `SIGN_BUDGET_MS` (or `SIGN_MAX` of them): the first is sent a few
 * seconds later and the last within `SIGN_BUDGET_MS + WARM_MS + MEASURE_MS`, well inside the 16 s a
 * nonce stays fresh (4 s + the 12 s timeout), however slow signing is on a loaded machine.
 */
function presign(make: (i: number) => Prepared): { reqs: Prepared[]; seconds: number } {
  const t0 = performance.now();
  const reqs: Prepared[] = [];
  while (reqs.length < SIGN_MAX && performance.now() - t0 < SIGN_BUDGET_MS) reqs.push(make(reqs.length));
  return { reqs, seconds: (performance.now() - t0) / 1000 };
}

async function measure(label: string, server: Server, make: (i: number) => Prepared, pin: boolean): Promise<Rate> {
  const { reqs, seconds } = presign(make);
  const warm = await drive(server.target.port, reqs, 0, reqs.length, performance.now() + WARM_MS);
  const cpu0 = await server.cpu();
  const run = await drive(server.target.port, reqs, warm.next, reqs.length, performance.now() + MEASURE_MS);
  const cpuS = (await server.cpu()) - cpu0;
  const rate = { wall: run.ok / run.elapsedS, perCpu: run.ok / cpuS };
  const bad = Object.keys(run.other).length > 0 ? ` non-200: ${JSON.stringify(run.other)}` : '';
  const exhausted =
    run.next >= reqs.length
      ? ` (all ${reqs.length} requests signed in ${seconds.toFixed(1)} s were sent: the server was not saturated)`
      : '';
  console.log(
    `  ${label.padEnd(32)} ${rate.perCpu.toFixed(0).padStart(6)} verified answers per CPU-second, ` +
      `${rate.wall.toFixed(0).padStart(6)}/s wall (${run.ok} in ${run.elapsedS.toFixed(2)} s, server CPU ` +
      `${((cpuS / run.elapsedS) * 100).toFixed(0)}%${pin ? ', pinned to core 0' : ''})${bad}${exhausted}`,
  );
  return rate;
}

async function axonSideBySide(): Promise<{ python: Rate; taonet: Rate }> {
  await initFastSr25519();
  ensureClassicVenv();
  const pin = hasTaskset();
  if (pin) {
    try {
      execFileSync('taskset', ['-pc', '1', String(process.pid)], { stdio: 'ignore' });
    } catch {
      // one core only: the numbers will show it
    }
  }
  const callers = callerKeys();
  // Python keeps one nonce per (hotkey, uuid) and refuses any request older than its last: with 64
  // connections in flight, arrival order is not signing order, so each request has its own uuid.
  const uuidOf = (i: number): string => `bench-${i}`;
  console.log('axon: Echo synapse, 64 keep-alive connections, 16 signed callers, every request distinct');

  const py = await startPythonAxon(
    pin,
    callers.map((k) => k.ss58Address),
  );
  let python: Rate;
  try {
    python = await measure('Python bt.Axon (bittensor 10.5.0)', py, requestMaker(py.target, callers, uuidOf), pin);
  } finally {
    await stopChild(py);
  }
  const ts = await startTaonetAxon(pin);
  let taonet: Rate;
  try {
    taonet = await measure('Taonet Axon', ts, requestMaker(ts.target, callers, uuidOf), pin);
  } finally {
    await stopChild(ts);
  }
  return { python, taonet };
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/** Seals blocks until every hash is in one; throws on a failed extrinsic. */
async function includeAll(node: NodeProcess, hashes: readonly string[], what: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await node.seal(1);
    const status = await Promise.all(
      hashes.map((h) =>
        node.rpc<{ status: string; result?: { ok: boolean; error?: unknown } } | null>('taonet_extrinsicStatus', [h]),
      ),
    );
    const failed = status.find((s) => s?.status === 'inBlock' && s.result?.ok === false);
    if (failed !== undefined) throw new Error(`${what} failed: ${JSON.stringify(failed?.result?.error)}`);
    if (status.every((s) => s?.status === 'inBlock')) return;
  }
  throw new Error(`${what}: not all included after 20 blocks`);
}

/** A dev node with one subnet of `METAGRAPH_UIDS` neurons; returns the node and the netuid. */
async function nodeWithFullSubnet(): Promise<{ node: NodeProcess; netuid: number }> {
  const node = await NodeProcess.start({ manualSeal: true });
  const alice = key('Alice');
  const hot = (i: number): Key => key(`//bench-metagraph//${i}`);
  const run = async (method: string, args: Record<string, unknown>): Promise<void> => {
    const r = await node.exec(alice, method, args);
    if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  };
  await run('register_network', { hotkey: hot(0).id, identity: null });
  const subnets = await node.rpc<{ netuid: number }[]>('taonet_allDynamicInfo');
  const netuid = Math.max(...subnets.map((x) => x.netuid));
  await run('start_call', { netuid });
  // Alice is the dev chain's admin: room for 256 UIDs, and a registration price that stays flat.
  await run('set_hyperparameter', { netuid, name: 'maxAllowedUids', value: METAGRAPH_UIDS });
  await run('set_hyperparameter', { netuid, name: 'burnIncreaseMult', value: 1n << 64n });
  // The pool keeps at most 64 future nonces per account: register in rounds of 60.
  for (let first = 1; first < METAGRAPH_UIDS; first += 60) {
    let nonce = await node.nextNonce(alice);
    const head = await node.head();
    const hashes: string[] = [];
    for (let i = first; i < Math.min(first + 60, METAGRAPH_UIDS); i++) {
      const tx = await node.sign(
        alice,
        'burned_register',
        { netuid, hotkey: hot(i).id },
        { nonce, birth: head.number, birthHash: head.hash, period: 256 },
      );
      nonce += 1n;
      hashes.push(await node.rpc<string>('author_submitExtrinsic', [hex(tx.bytes)]));
    }
    await includeAll(node, hashes, 'burned_register');
  }
  return { node, netuid };
}

async function metagraphSideBySide(): Promise<{ python: number; pythonFull: number; taonet: number }> {
  const { node, netuid } = await nodeWithFullSubnet();
  try {
    const st = await Subtensor.connect(node.wsUrl);
    const times: number[] = [];
    let n = 0;
    try {
      const mg = new Metagraph(st, netuid);
      await mg.sync({ force: true });
      for (let i = 0; i < METAGRAPH_RUNS; i++) {
        const t0 = performance.now();
        await mg.sync({ force: true });
        times.push((performance.now() - t0) / 1000);
      }
      n = mg.n;
    } finally {
      st.close();
    }
    const r = spawnSync(PYTHON, [PY_METAGRAPH, node.wsUrl, String(netuid), String(METAGRAPH_RUNS)], {
      encoding: 'utf8',
      env: { ...process.env, NO_CACHE: '1' },
    });
    if (r.status !== 0) throw new Error(`py_metagraph_sync.py exited ${r.status}: ${r.stderr.slice(-2000)}`);
    const py = JSON.parse(r.stdout.trim().split('\n').pop() as string) as { n: number; lite: number[]; full: number[] };
    if (py.n !== n || n !== METAGRAPH_UIDS)
      throw new Error(`UIDs: Python ${py.n}, Taonet ${n}, want ${METAGRAPH_UIDS}`);
    const ms = (x: number): string => `${(x * 1000).toFixed(1)} ms`;
    const python = median(py.lite);
    const pythonFull = median(py.full);
    const taonet = median(times);
    console.log(`metagraph(netuid) sync, ${n} UIDs, median of ${METAGRAPH_RUNS} after a warm-up:`);
    console.log(`  ${'classic SDK metagraph(netuid) (lite)'.padEnd(40)} ${ms(python).padStart(10)}`);
    console.log(`  ${'classic SDK metagraph(netuid, lite=False)'.padEnd(40)} ${ms(pythonFull).padStart(10)}`);
    console.log(`  ${'Taonet SDK Metagraph.sync()'.padEnd(40)} ${ms(taonet).padStart(10)}`);
    return { python, pythonFull, taonet };
  } finally {
    await node.kill();
  }
}

function startupToFirstWeights(): { ready: number; firstWeights: number } {
  const r = spawnSync(PYTHON, [PY_FIRST_WEIGHTS], { encoding: 'utf8', env: { ...process.env, NO_CACHE: '1' } });
  if (r.status !== 0) throw new Error(`py_validator_first_weights.py exited ${r.status}: ${r.stderr.slice(-3000)}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop() as string) as {
    readySeconds: number;
    firstWeightsSeconds: number;
  };
  console.log(
    `npm start (taonet localnet up) ready, first epoch paid: ${out.readySeconds.toFixed(1)} s; ` +
      `the README's Python subnet on it, validator's first accepted weights: ${out.firstWeightsSeconds.toFixed(1)} s`,
  );
  return { ready: out.readySeconds, firstWeights: out.firstWeightsSeconds };
}

export async function benchCompat(): Promise<void> {
  console.log('compat: Taonet next to the Python clients, in one run');
  const { python, taonet } = await axonSideBySide();
  const mg = await metagraphSideBySide();
  const start = startupToFirstWeights();
  console.log(
    `metagraph(netuid) sync, ${METAGRAPH_UIDS} UIDs: classic SDK ${(mg.python * 1000).toFixed(1)} ms ` +
      `(full ${(mg.pythonFull * 1000).toFixed(1)} ms), Taonet SDK ${(mg.taonet * 1000).toFixed(1)} ms`,
  );
  console.log(`npm start to a Python validator's first accepted weights: ${start.firstWeights.toFixed(1)} s`);
  console.log(
    `axon verified answers per CPU-second: Taonet ${taonet.perCpu.toFixed(0)}, Python ${python.perCpu.toFixed(0)} ` +
      `(${(taonet.perCpu / python.perCpu).toFixed(1)}x)`,
  );
}
