/**
 * Axon/dendrite benchmark.
 *
 * 1. Verified requests per second on one core: an axon (signature, nonce, body hash, blacklist,
 *    rate limit, priority queue — the whole pipeline) runs in a child process pinned to core 0;
 *    the parent, pinned to core 1, drives it over 64 keep-alive connections. Every request is a
 *    distinct signed request (own nonce, own signature, 16 caller hotkeys); they are signed before
 *    the timed window so the driver's signing does not compete with the measurement. A bare
 *    node:http JSON echo, with no verification, runs the same traffic in the same run.
 * 2. Dendrite fan-out: one `forward` to 256 axons, all in one child process (AXON_BENCH_FANOUT_PROCS
 *    spreads them over more), p50 over 25 rounds after 30 warm-up rounds: V8 needs them, the first
 *    rounds take 3–5× as long as the steady state a running validator sees. AXON_BENCH_ROUNDS=1
 *    prints every round.
 *
 * The last line printed is the verified requests per second.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer, Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { MetagraphView } from '../packages/sdk/src/axon/access.js';
import { Axon } from '../packages/sdk/src/axon/axon.js';
import type { AxonTarget } from '../packages/sdk/src/axon/axon-info.js';
import { toHex, utf8 } from '../packages/sdk/src/bytes.js';
import { Dendrite } from '../packages/sdk/src/dendrite/dendrite.js';
import { nextNonce } from '../packages/sdk/src/dendrite/nonce-clock.js';
import { keypairFromMiniSecret, type Keypair } from '../packages/sdk/src/keys/keypair.js';
import { defineSynapse } from '../packages/sdk/src/synapse/define-synapse.js';
import {
  initFastSr25519,
  makeSigner,
  verifyRequestSr25519,
  verifySr25519,
} from '../packages/sdk/src/synapse/fast-sr25519.js';
import { field } from '../packages/sdk/src/synapse/fields.js';
import { dendriteMessage } from '../packages/sdk/src/synapse/messages.js';
import { fieldsFragment, synapseBody, synapseBodyHash, synapseToHeaders } from '../packages/sdk/src/synapse/wire.js';

const CHILD_FLAG = '--axon-bench-child';
const CALLERS = 16;
const CONCURRENCY = 64;
const WARMUP_REQUESTS = 1500;
const MEASURE_MS = 3000;
const FANOUT_AXONS = 256;
const FANOUT_WARMUP = 30;
const FANOUT_ROUNDS = 25;

const Echo = defineSynapse({
  name: 'Echo',
  request: { text: field.str() },
  response: { echoed: field.str().optional() },
  hashFields: ['text'],
  deserialize: (s) => s.echoed,
});

// Deterministic keys, so parent and child agree without passing secrets around.
const key = (tag: number, i: number): Keypair => {
  const seed = new Uint8Array(32);
  seed[0] = tag;
  seed[1] = i & 0xff;
  seed[2] = i >> 8;
  return keypairFromMiniSecret(seed);
};
export const callerKeys = (): Keypair[] => Array.from({ length: CALLERS }, (_, i) => key(1, i));

export function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- child side

/**
 * Bare sr25519 verifications per CPU-second in this process, on the strict wasm check and on the
 * axon's x-only native check: the ceiling of the axon's rate, and what the pipeline adds to it.
 */
function verifyRates(): { wasm: number; xOnly: number } {
  const kp = key(9, 0);
  const sign = makeSigner(kp);
  const n = 2000;
  // Distinct messages, as on the wire (the x-only path caches per key, never per message).
  const msgs = Array.from({ length: n }, (_, i) =>
    utf8(
      dendriteMessage({
        nonce: 1_718_000_000_000_000_000n + BigInt(i),
        dendriteHotkey: kp.ss58Address,
        axonHotkey: kp.ss58Address,
        uuid: 'u',
        bodyHash: 'a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a',
      }),
    ),
  );
  const sigs = msgs.map((m) => sign(m));
  const rate = (check: (m: Uint8Array, s: Uint8Array, pk: Uint8Array) => boolean): number => {
    const c0 = process.cpuUsage();
    for (let i = 0; i < n; i++)
      if (!check(msgs[i] as Uint8Array, sigs[i] as Uint8Array, kp.publicKey)) throw new Error('bench signature failed');
    const c = process.cpuUsage(c0);
    return n / ((c.user + c.system) / 1e6);
  };
  return { wasm: rate(verifySr25519), xOnly: rate(verifyRequestSr25519) };
}

async function runChild(mode: string): Promise<void> {
  const say = (o: unknown): void => {
    process.stdout.write(`${JSON.stringify(o)}\n`);
  };
  process.on('SIGTERM', () => process.exit(0)); // exit normally, so a CPU profile gets written
  // The parent asks for this process's CPU time around each window: on a shared machine the
  // wall-clock rate depends on other load, requests per CPU-second do not.
  createInterface({ input: process.stdin }).on('line', (cmd) => {
    if (cmd === 'verify') {
      say(verifyRates());
      return;
    }
    const u = process.cpuUsage();
    say({ cpuUs: u.user + u.system });
  });
  if (mode === 'bare') {
    // The same JSON echo, nothing else: the ceiling node:http sets on this machine.
    const server = createServer({ keepAlive: true }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        body.echoed = body.text;
        const out = JSON.stringify(body);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(out)) });
        res.end(out);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    say({ ports: [(server.address() as AddressInfo).port] });
    return;
  }
  const callers = new Set(callerKeys().map((k) => k.ss58Address));
  const metagraph: MetagraphView = {
    isRegistered: (h) => callers.has(h),
    hasValidatorPermit: (h) => callers.has(h),
    stakeOf: (h) => (callers.has(h) ? 1000 : 0),
  };
  // `fanout:<first>:<count>` hosts a slice of the fan-out axons; anything else one axon.
  const [, first = 0, count = 1] = mode.startsWith('fanout:') ? mode.split(':').map(Number) : [];
  const infos: AxonTarget[] = [];
  for (let i = first; i < first + count; i++) {
    const axon = new Axon({
      keypair: key(2, i),
      ip: '127.0.0.1',
      port: 0,
      metagraph,
      // The limiter stays in the path (its cost counts) but high enough not to refuse the bench.
      rateLimit: { perSecond: 1e6, burst: 1e6 },
    }).attach(Echo, (s) => {
      s.echoed = s.text;
      return s;
    });
    const info = await axon.start();
    infos.push({ ip: info.ip, port: info.port, hotkey: info.hotkey });
  }
  say({ axons: infos });
}

// ---------------------------------------------------------------- parent side

export interface Child {
  readonly proc: ChildProcess;
  readonly ready: Record<string, unknown>;
  /** CPU time the child has used so far, seconds. */
  readonly cpu: () => Promise<number>;
  /** Bare sr25519 verifications per CPU-second (strict wasm, and the axon's x-only check), measured in the child. */
  readonly verify: () => Promise<{ wasm: number; xOnly: number }>;
}

export async function startChild(mode: string, pin: boolean): Promise<Child> {
  // AXON_BENCH_CPU_PROF=<dir> profiles the children (the profile is written when they exit).
  const prof = process.env.AXON_BENCH_CPU_PROF;
  const profArgs = prof === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${prof}`];
  const args = [...process.execArgv, ...profArgs, fileURLToPath(import.meta.url), CHILD_FLAG, mode];
  const proc = pin
    ? spawn('taskset', ['-c', '0', process.execPath, ...args], { stdio: ['pipe', 'pipe', 'inherit'] })
    : spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: proc.stdout as NodeJS.ReadableStream });
  const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
    lines.once('line', (l) => resolve(JSON.parse(l) as Record<string, unknown>));
    proc.once('exit', (code) => reject(new Error(`bench child (${mode}) exited with ${code}`)));
  });
  const cpu = (): Promise<number> =>
    new Promise((resolve) => {
      lines.once('line', (l) => resolve(((JSON.parse(l) as { cpuUs: number }).cpuUs ?? 0) / 1e6));
      proc.stdin?.write('cpu\n');
    });
  const verify = (): Promise<{ wasm: number; xOnly: number }> =>
    new Promise((resolve) => {
      lines.once('line', (l) => resolve(JSON.parse(l) as { wasm: number; xOnly: number }));
      proc.stdin?.write('verify\n');
    });
  return { proc, ready, cpu, verify };
}

export function stopChild(c: Pick<Child, 'proc'>): Promise<void> {
  return new Promise((resolve) => {
    if (c.proc.exitCode !== null) return resolve();
    c.proc.once('exit', () => resolve());
    c.proc.kill('SIGTERM');
  });
}

export interface Prepared {
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * A maker of distinct signed Echo requests for `to`: request `i` is signed when asked for, by the
 * caller hotkeys in turn, with a fresh nonce. `uuidOf` gives each its dendrite uuid (default one for
 * all, as one dendrite sends).
 */
export function requestMaker(
  to: AxonTarget,
  callers: readonly Keypair[],
  uuidOf: (i: number) => string = () => 'bench-dendrite',
): (i: number) => Prepared {
  const signers = callers.map((k) => ({ k, sign: makeSigner(k) }));
  return (i) => {
    const uuid = uuidOf(i);
    const { k, sign } = signers[i % signers.length] as (typeof signers)[number];
    const s = new Echo({ text: `hello ${i}` });
    const nonce = nextNonce();
    s.timeout = 12;
    s.dendrite = { version: 10_002_000, nonce, uuid, hotkey: k.ss58Address };
    s.axon = { ip: to.ip, port: to.port, hotkey: to.hotkey };
    const bodyHash = synapseBodyHash(s);
    s.dendrite.signature = toHex(
      sign(utf8(dendriteMessage({ nonce, dendriteHotkey: k.ss58Address, axonHotkey: to.hotkey, uuid, bodyHash }))),
    );
    const fragment = fieldsFragment(s);
    return { headers: synapseToHeaders(s, bodyHash, fragment.length), body: synapseBody(s, fragment) };
  };
}

/** `n` distinct signed Echo requests for `to`, round-robin over the caller hotkeys. */
function prepare(n: number, to: AxonTarget, callers: readonly Keypair[]): Prepared[] {
  const make = requestMaker(to, callers);
  return Array.from({ length: n }, (_, i) => make(i));
}

/**
 * Sends requests from `from` on `CONCURRENCY` keep-alive connections until `untilMs` or `to`.
 * `reqs` is a pre-signed list, or a maker that signs request `i` on demand (on the driver's core).
 */
export async function drive(
  port: number,
  reqs: readonly Prepared[] | ((i: number) => Prepared),
  from: number,
  to: number,
  untilMs: number,
): Promise<{ ok: number; other: Record<number, number>; next: number; elapsedS: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let next = from;
  let ok = 0;
  const other: Record<number, number> = {};
  const one = (p: Prepared): Promise<number> =>
    new Promise((resolve) => {
      const req = request(
        {
          agent,
          host: '127.0.0.1',
          port,
          path: '/Echo',
          method: 'POST',
          headers: { ...p.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(p.body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', () => resolve(0));
      req.end(p.body);
    });
  const t0 = performance.now();
  const worker = async (): Promise<void> => {
    while (next < to && performance.now() < untilMs) {
      const i = next++;
      const p = typeof reqs === 'function' ? reqs(i) : (reqs[i] as Prepared);
      const status = await one(p);
      if (status === 200) ok++;
      else other[status] = (other[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsedS = (performance.now() - t0) / 1000;
  agent.destroy();
  return { ok, other, next, elapsedS };
}

interface Rate {
  /** Answered 200 per wall-clock second. */
  readonly wall: number;
  /** Answered 200 per second of the server process's CPU time: the rate of one dedicated core. */
  readonly perCpu: number;
}

async function throughput(
  label: string,
  pin: boolean,
  reqs: readonly Prepared[],
  child: Child,
  port: number,
): Promise<Rate> {
  const warm = await drive(port, reqs, 0, WARMUP_REQUESTS, Number.POSITIVE_INFINITY);
  const cpu0 = await child.cpu();
  const run = await drive(port, reqs, warm.next, reqs.length, performance.now() + MEASURE_MS);
  const cpuS = (await child.cpu()) - cpu0;
  const rate = run.ok / run.elapsedS;
  const perCpu = run.ok / cpuS;
  const exhausted = run.next >= reqs.length ? ' (ran out of pre-signed requests: rate is a lower bound)' : '';
  const bad = Object.keys(run.other).length > 0 ? ` non-200: ${JSON.stringify(run.other)}` : '';
  console.log(
    `${label.padEnd(36)} ${rate.toFixed(0).padStart(6)} req/s wall, ${perCpu.toFixed(0).padStart(6)} per CPU-second ` +
      `(${run.ok} in ${run.elapsedS.toFixed(2)} s, server CPU ${((cpuS / run.elapsedS) * 100).toFixed(0)}%` +
      `${pin ? ', pinned to core 0' : ''})${bad}${exhausted}`,
  );
  return { wall: rate, perCpu };
}

async function fanout(): Promise<void> {
  // Nothing is pinned here: the dendrite and the axons' process each get a core when both are busy,
  // and either may use the other's core while that one waits.
  const procs = Number(process.env.AXON_BENCH_FANOUT_PROCS ?? 1);
  const per = FANOUT_AXONS / procs;
  const children: Child[] = [];
  for (let i = 0; i < procs; i++) children.push(await startChild(`fanout:${i * per}:${per}`, false));
  const axons = children.flatMap((c) => c.ready.axons as AxonTarget[]);
  const d = new Dendrite({ keypair: callerKeys()[0] as Keypair });
  try {
    const times: number[] = [];
    let failures = 0;
    let childCpu0 = 0;
    let ownCpu0 = process.cpuUsage();
    for (let r = 0; r < FANOUT_WARMUP + FANOUT_ROUNDS; r++) {
      if (r === FANOUT_WARMUP) {
        childCpu0 = (await Promise.all(children.map((c) => c.cpu()))).reduce((a, b) => a + b, 0);
        ownCpu0 = process.cpuUsage();
      }
      const t0 = performance.now();
      const out = await d.forward(axons, new Echo({ text: `round ${r}` }), { timeout: 12, deserialize: false });
      const ms = performance.now() - t0;
      failures += out.filter((s) => s.dendrite.statusCode !== 200).length;
      if (r >= FANOUT_WARMUP) times.push(ms);
      if (process.env.AXON_BENCH_ROUNDS !== undefined) console.log(`round ${r}: ${ms.toFixed(1)} ms`);
    }
    const own = process.cpuUsage(ownCpu0);
    const childCpu = (await Promise.all(children.map((c) => c.cpu()))).reduce((a, b) => a + b, 0) - childCpu0;
    times.sort((a, b) => a - b);
    const q = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))] as number;
    console.log(
      `dendrite fan-out to ${FANOUT_AXONS} axons (${procs} processes) p50 ${q(0.5).toFixed(1)} ms  p90 ${q(0.9).toFixed(1)} ms  ` +
        `min ${(times[0] as number).toFixed(1)} ms over ${FANOUT_ROUNDS} rounds, ${failures} failed answers; ` +
        `CPU per round: dendrite ${((own.user + own.system) / 1000 / FANOUT_ROUNDS).toFixed(1)} ms, ` +
        `axons ${((childCpu * 1000) / FANOUT_ROUNDS).toFixed(1)} ms (target p50 <= 100 ms)`,
    );
  } finally {
    d.close();
    await Promise.all(children.map(stopChild));
  }
}

export async function benchAxon(): Promise<void> {
  await initFastSr25519();
  const pin = hasTaskset();
  if (pin) {
    // The driver stays off the axon's core.
    try {
      execFileSync('taskset', ['-pc', '1', String(process.pid)], { stdio: 'ignore' });
    } catch {
      // one core only: the numbers will show it
    }
  }
  const callers = callerKeys();

  const verifiedChild = await startChild('one', pin);
  const target = (verifiedChild.ready.axons as AxonTarget[])[0] as AxonTarget;
  // Enough distinct requests for warm-up plus the window at up to 6,000/s.
  const t0 = performance.now();
  const reqs = prepare(WARMUP_REQUESTS + (MEASURE_MS / 1000) * 6000, target, callers);
  console.log(
    `signed ${reqs.length} distinct requests in ${((performance.now() - t0) / 1000).toFixed(1)} s (driver side)`,
  );

  // Verified first, while the pre-signed nonces are fresh (the axon refuses nonces older than 16 s).
  let verified: Rate;
  try {
    verified = await throughput('verified axon (sr25519 + pipeline)', pin, reqs, verifiedChild, target.port);
    const ceiling = await verifiedChild.verify();
    console.log(
      `${'sr25519 verify alone, same core'.padEnd(36)} ${ceiling.xOnly.toFixed(0).padStart(6)} per CPU-second on the axon's ` +
        `x-only native check (${ceiling.wasm.toFixed(0)} strict wasm): the ceiling; ` +
        `the rest of a verified request costs ${((1 / verified.perCpu - 1 / ceiling.xOnly) * 1e6).toFixed(0)} us`,
    );
  } finally {
    await stopChild(verifiedChild);
  }
  const bareChild = await startChild('bare', pin);
  let bare: Rate;
  try {
    bare = await throughput(
      'bare node:http JSON echo',
      pin,
      reqs,
      bareChild,
      (bareChild.ready.ports as number[])[0] as number,
    );
  } finally {
    await stopChild(bareChild);
  }
  console.log(`verified/bare ratio ${(verified.perCpu / bare.perCpu).toFixed(2)} (per CPU-second)`);

  if (pin) {
    try {
      execFileSync('taskset', ['-pc', '0-1', String(process.pid)], { stdio: 'ignore' });
    } catch {
      // keep the pinning
    }
  }
  await fanout();
  console.log(
    `verified requests/s on one core: ${verified.perCpu.toFixed(0)} per CPU-second (${verified.wall.toFixed(0)} wall-clock on this shared machine; target >= 3000)`,
  );
}

if (process.argv.includes(CHILD_FLAG)) {
  const mode = process.argv[process.argv.indexOf(CHILD_FLAG) + 1] ?? 'verified';
  await runChild(mode);
}
