/**
 * An axon under a flood (issue 18). Three processes: the axon (default options, an Echo synapse, a
 * static metagraph: one permitted validator V with high stake, 256 permitted low-stake callers,
 * everyone else unregistered) pinned to core 0; the flood generator pinned to core 1, sending from
 * 32 loopback addresses (127.0.0.2–33) as a small botnet would; and this process (also core 1),
 * which measures capacity and plays V: a real Dendrite from 127.0.0.1 calling 40 times a second.
 *
 * 1. Capacity: verified requests per CPU-second of the axon, from the 256 callers over 64 keep-alive
 *    connections (pre-signed, as in the `axon` bench).
 * 2. V before, during and after a mixed flood at 10× capacity: unsigned requests, forged signatures
 *    claiming low-stake keys and V, signed requests from unregistered keys, replays, oversize bodies,
 *    4 MiB uploads (declared and chunked) that stall, slowloris sockets and 2,000 idle connections.
 * 3. Each attack alone, V measured during it: cheap refusals (no cryptography) at 10×, forged
 *    signatures claiming V at 2×, and hundreds of stalled 4 MiB uploads.
 * The axon reports its RSS (with its V8 heap and external memory), event-loop lag, longest GC pause
 * and CPU share every 250 ms; a CPU share well below 100% under a flood means the machine did not
 * give the axon its core, and its latency figures then say more about the machine than the axon.
 *
 * AXON_FLOOD_SHORT=1 shortens every phase (a smoke run of well under a minute; AXON_FLOOD_MIXED_MS
 * lengthens its mixed phase). AXON_FLOOD_AXON_ARGS passes node flags to the axon process (e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/p`). The axon runs with every default limit. The flood is open
 * loop: it sends at its rate whatever the axon answers, pipelining on its connections and
 * reconnecting when the axon drops them. The last line is the key figure.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { MetagraphView } from '../packages/sdk/src/axon/access.js';
import { Axon, type AxonLoad } from '../packages/sdk/src/axon/axon.js';
import type { AxonTarget } from '../packages/sdk/src/axon/axon-info.js';
import { toHex, utf8 } from '../packages/sdk/src/bytes.js';
import { Dendrite } from '../packages/sdk/src/dendrite/dendrite.js';
import { nextNonce } from '../packages/sdk/src/dendrite/nonce-clock.js';
import { type Keypair, keypairFromMiniSecret } from '../packages/sdk/src/keys/keypair.js';
import { defineSynapse } from '../packages/sdk/src/synapse/define-synapse.js';
import { initFastSr25519, makeSigner } from '../packages/sdk/src/synapse/fast-sr25519.js';
import { field } from '../packages/sdk/src/synapse/fields.js';
import { dendriteMessage } from '../packages/sdk/src/synapse/messages.js';
import { fieldsFragment, synapseBody, synapseBodyHash, synapseToHeaders } from '../packages/sdk/src/synapse/wire.js';

const CHILD_FLAG = '--axon-flood-child';
const SHORT = process.env.AXON_FLOOD_SHORT === '1';
const MS = SHORT
  ? { capacity: 700, before: 1000, mixed: Number(process.env.AXON_FLOOD_MIXED_MS ?? 2000), after: 1000, attack: 1500 }
  : { capacity: 3000, before: 5000, mixed: 60_000, after: 5000, attack: 12_000 };
const CALLERS = 256;
const CAP_CONNECTIONS = 64;
const V_PER_SECOND = 40;
const FLOOD_IPS = Array.from({ length: 32 }, (_, i) => `127.0.0.${i + 2}`);
const FLOOD_CONNECTIONS = 512;
const IDLE_CONNECTIONS = SHORT ? 200 : 2000;
const SLOWLORIS = SHORT ? 20 : 200;
const MIXED_UPLOADS = SHORT ? 20 : 150;
const ISOLATED_UPLOADS = SHORT ? 40 : 300;
const UPLOAD_BYTES = 4 * 1024 * 1024 - 4096;

const Echo = defineSynapse({
  name: 'Echo',
  request: { text: field.str() },
  response: { echoed: field.str().optional() },
  hashFields: ['text'],
  deserialize: (s) => s.echoed,
});

const key = (tag: number, i: number): Keypair => {
  const seed = new Uint8Array(32);
  seed[0] = tag;
  seed[1] = i & 0xff;
  seed[2] = i >> 8;
  return keypairFromMiniSecret(seed);
};
const axonKey = (): Keypair => key(20, 0);
const validatorKey = (): Keypair => key(21, 0);
const callerKeys = (): Keypair[] => Array.from({ length: CALLERS }, (_, i) => key(22, i));
const strangerKeys = (n: number): Keypair[] => Array.from({ length: n }, (_, i) => key(23, i));

const say = (o: unknown): void => {
  process.stdout.write(`${JSON.stringify(o)}\n`);
};

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

interface Built {
  readonly head: string;
  readonly body: string;
}

/** One Echo request for `to`, claiming `claim`; signed by `signer` or, without one, with random bytes. */
function build(
  to: AxonTarget,
  claim: string,
  text: string,
  signer: ((m: Uint8Array) => Uint8Array) | null,
  opts: { unsigned?: boolean; chunked?: boolean; bodyHash?: string; timeoutS?: number } = {},
): Built {
  const s = new Echo({ text });
  const nonce = nextNonce();
  s.timeout = opts.timeoutS ?? 12;
  s.dendrite = { version: 10_002_000, nonce, uuid: 'flood', hotkey: claim };
  s.axon = { ip: to.ip, port: to.port, hotkey: to.hotkey };
  const bodyHash = opts.bodyHash ?? synapseBodyHash(s);
  if (opts.unsigned !== true)
    s.dendrite.signature = toHex(
      signer === null
        ? randomBytes(64)
        : signer(
            utf8(dendriteMessage({ nonce, dendriteHotkey: claim, axonHotkey: to.hotkey, uuid: 'flood', bodyHash })),
          ),
    );
  const fragment = fieldsFragment(s);
  const body = synapseBody(s, fragment);
  const headers: Record<string, string> = {
    ...synapseToHeaders(s, bodyHash, fragment.length),
    host: `${to.ip}:${to.port}`,
    'content-type': 'application/json',
  };
  if (opts.chunked === true) headers['transfer-encoding'] = 'chunked';
  else headers['content-length'] = String(Buffer.byteLength(body));
  const head = `POST /Echo HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n`;
  return { head, body };
}

// ---------------------------------------------------------------- the axon process

/** RSS, and what the V8 heap and buffers outside it hold of it (to tell sockets from garbage). */
function memory(): { rss: number; heap: number; external: number } {
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapTotal, external: m.external };
}

async function runAxon(): Promise<void> {
  const v = validatorKey().ss58Address;
  const callers = new Set(callerKeys().map((k) => k.ss58Address));
  const metagraph: MetagraphView = {
    isRegistered: (h) => h === v || callers.has(h),
    hasValidatorPermit: (h) => h === v || callers.has(h),
    stakeOf: (h) => (h === v ? 1_000_000 : callers.has(h) ? 10 : 0),
  };
  const axon = new Axon({ keypair: axonKey(), ip: '127.0.0.1', port: 0, metagraph }).attach(Echo, (s) => {
    s.echoed = s.text;
    return s;
  });
  const info = await axon.start();
  const lag = monitorEventLoopDelay({ resolution: 10 });
  // The longest garbage-collection pause in each sample, to tell GC from work in the loop lag.
  let gcMax = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMax = Math.max(gcMax, e.duration);
  }).observe({ entryTypes: ['gc'] });
  lag.enable();
  say({ t: 'ready', target: { ip: info.ip, port: info.port, hotkey: info.hotkey } });
  let cpu0 = process.cpuUsage();
  let wall0 = performance.now();
  let answers0 = 0;
  setInterval(() => {
    const load: AxonLoad = axon.load;
    const c = process.cpuUsage(cpu0);
    const now = performance.now();
    const answers = Object.values(axon.stats).reduce((a, b) => a + b, 0);
    const cpuUs = c.user + c.system;
    say({
      t: 'sample',
      ...memory(),
      lagP99: lag.percentile(99) / 1e6,
      gcMax,
      cpuShare: cpuUs / 1000 / (now - wall0),
      cpuUs,
      answers: answers - answers0,
      load,
    });
    cpu0 = process.cpuUsage();
    wall0 = now;
    answers0 = answers;
    lag.reset();
    gcMax = 0;
  }, 250).unref();
  createInterface({ input: process.stdin }).on('line', (cmd) => {
    if (cmd === 'cpu') {
      const u = process.cpuUsage();
      say({ t: 'cpu', cpuUs: u.user + u.system });
    } else if (cmd === 'stats') say({ t: 'stats', stats: axon.stats, load: axon.load });
  });
  process.on('SIGTERM', () => process.exit(0));
}

// ---------------------------------------------------------------- the flood process

type Kind = 'unsigned' | 'forgedLow' | 'forgedV' | 'unregistered' | 'replay' | 'oversize';
const MIXES: Record<string, Partial<Record<Kind, number>>> = {
  mixed: { unsigned: 28, forgedLow: 20, forgedV: 20, unregistered: 20, replay: 10, oversize: 2 },
  refusals: { unsigned: 45, unregistered: 45, replay: 8, oversize: 2 },
  forgedV: { forgedV: 100 },
};

interface FloodConn {
  sock: Socket | null;
  readonly ip: string;
  outstanding: number;
}

async function runFlood(): Promise<void> {
  await initFastSr25519();
  const rl = createInterface({ input: process.stdin });
  const lines = rl[Symbol.asyncIterator]();
  const first = JSON.parse((await lines.next()).value as string) as { target: AxonTarget };
  const to = first.target;
  const v = validatorKey().ss58Address;
  const callers = callerKeys();
  const callerSigners = callers.map((k) => makeSigner(k));
  const strangers = strangerKeys(64);
  const statuses: Record<string, number> = {};
  let sent = 0;
  let reconnects = 0;

  // Pre-built requests; the forged ones are rebuilt every second so their nonces stay fresh (a
  // stale nonce would be refused before the failure limiter, which is not what they test).
  const unsigned = Buffer.from(Object.values(build(to, v, 'hi', null, { unsigned: true })).join(''));
  const unregistered = strangers.flatMap((k) => {
    const sign = makeSigner(k);
    return Array.from({ length: 4 }, (_, i) =>
      Buffer.from(Object.values(build(to, k.ss58Address, `u${i}`, sign)).join('')),
    );
  });
  const oversize = Buffer.from(
    `POST /Echo HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${5 * 1024 * 1024}\r\n\r\n${'x'.repeat(1024)}`,
  );
  const forgedLow: Buffer[] = [];
  const forgedV: Buffer[] = [];
  const refreshForged = (): void => {
    forgedLow.length = 0;
    forgedV.length = 0;
    for (let i = 0; i < 128; i++) {
      forgedLow.push(
        Buffer.from(Object.values(build(to, (callers[i % CALLERS] as Keypair).ss58Address, `f${i}`, null)).join('')),
      );
      forgedV.push(Buffer.from(Object.values(build(to, v, `fv${i}`, null)).join('')));
    }
  };
  refreshForged();
  // Replays: genuine requests, sent once for real, then again and again.
  const replay = callers
    .slice(0, 32)
    .map((k, i) => Buffer.from(Object.values(build(to, k.ss58Address, `r${i}`, callerSigners[i] as never)).join('')));

  const countStatuses = (text: string): void => {
    for (let at = text.indexOf('HTTP/1.1 '); at >= 0; at = text.indexOf('HTTP/1.1 ', at + 9)) {
      const code = text.slice(at + 9, at + 12);
      statuses[code] = (statuses[code] ?? 0) + 1;
    }
  };

  const open = (c: FloodConn): void => {
    reconnects++;
    const s = connect({ host: to.ip, port: to.port, localAddress: c.ip });
    c.sock = s;
    c.outstanding = 0;
    s.setNoDelay(true);
    s.on('data', (d: Buffer) => {
      const text = d.toString('latin1');
      const before = c.outstanding;
      countStatuses(text);
      let n = 0;
      for (let at = text.indexOf('HTTP/1.1 '); at >= 0; at = text.indexOf('HTTP/1.1 ', at + 9)) n++;
      c.outstanding = Math.max(0, before - n);
    });
    s.on('error', () => {});
    s.on('close', () => {
      if (c.sock === s) c.sock = null;
    });
  };

  const pool: FloodConn[] = Array.from({ length: FLOOD_CONNECTIONS }, (_, i) => ({
    sock: null,
    ip: FLOOD_IPS[i % FLOOD_IPS.length] as string,
    outstanding: 0,
  }));
  for (const r of replay) {
    const c = pool[0] as FloodConn;
    if (c.sock === null) open(c);
    c.sock?.write(r);
  }

  // Background attackers: idle sockets, slowloris, stalled uploads. Each reopens when dropped.
  let background: (() => void) | null = null;
  const startBackground = (idle: number, slow: number, uploads: number): (() => void) => {
    let stopped = false;
    const socks = new Set<Socket>();
    const keep = (ip: string, onOpen: (s: Socket) => void): void => {
      if (stopped) return;
      const s = connect({ host: to.ip, port: to.port, localAddress: ip });
      socks.add(s);
      s.on('error', () => {});
      s.on('data', (d: Buffer) => countStatuses(d.toString('latin1')));
      s.once('connect', () => onOpen(s));
      s.once('close', () => {
        socks.delete(s);
        // Reopen after a pause: an attacker keeps its sockets, but not in a busy loop.
        if (!stopped) setTimeout(() => keep(ip, onOpen), 200);
      });
    };
    for (let i = 0; i < idle; i++) keep(FLOOD_IPS[i % FLOOD_IPS.length] as string, () => {});
    const slowHead = build(to, v, 'slow', null).head;
    for (let i = 0; i < slow; i++)
      keep(FLOOD_IPS[(i + 7) % FLOOD_IPS.length] as string, (s) => {
        let at = 0;
        const drip = setInterval(() => {
          if (s.destroyed || at >= slowHead.length - 4) clearInterval(drip);
          else s.write(slowHead[at++] as string);
        }, 500);
      });
    const uploadText = 'u'.repeat(UPLOAD_BYTES - 600);
    const probe = new Echo({ text: uploadText });
    const uploadHash = synapseBodyHash(probe);
    const chunk = Buffer.alloc(64 * 1024, 'u');
    for (let i = 0; i < uploads; i++) {
      const who = i % CALLERS;
      keep(FLOOD_IPS[(i + 13) % FLOOD_IPS.length] as string, (s) => {
        const chunked = i % 2 === 1;
        const req = build(to, (callers[who] as Keypair).ss58Address, uploadText, callerSigners[who] as never, {
          chunked,
          bodyHash: uploadHash,
        });
        s.write(req.head);
        // Send most of the body, then stall: the last 64 KiB never come.
        let sentBytes = 0;
        const pump = (): void => {
          while (!s.destroyed && sentBytes < UPLOAD_BYTES - 128 * 1024) {
            sentBytes += chunk.length;
            const ok = chunked
              ? s.write(`${chunk.length.toString(16)}\r\n`) && s.write(chunk) && s.write('\r\n')
              : s.write(chunk);
            if (!ok) {
              s.once('drain', pump);
              return;
            }
          }
        };
        pump();
      });
    }
    return () => {
      stopped = true;
      for (const s of socks) s.destroy();
    };
  };

  let timer: NodeJS.Timeout | null = null;
  let refresher: NodeJS.Timeout | null = null;
  const startRequests = (mix: Partial<Record<Kind, number>>, rate: number): void => {
    const kinds = Object.entries(mix) as [Kind, number][];
    const total = kinds.reduce((a, [, w]) => a + w, 0);
    const pick = (): Kind => {
      let r = Math.random() * total;
      for (const [k, w] of kinds) {
        r -= w;
        if (r < 0) return k;
      }
      return (kinds[0] as [Kind, number])[0];
    };
    let next = 0;
    let last = performance.now();
    let owed = 0;
    timer = setInterval(() => {
      const now = performance.now();
      owed += ((now - last) / 1000) * rate;
      last = now;
      let opened = 0;
      // An owed request goes out on the next connection that can take it (reopening dropped ones
      // on the way); only when none can is the rest kept owed, so the axon closing connections
      // makes the flood reconnect rather than silently send less.
      for (; owed >= 1; owed--) {
        let c: FloodConn | null = null;
        for (let tries = 0; tries < pool.length && c === null; tries++) {
          const x = pool[next++ % pool.length] as FloodConn;
          if (x.sock === null) {
            if (opened++ < 64) open(x);
          } else if (!x.sock.connecting && x.outstanding <= 64) c = x;
        }
        if (c === null || c.sock === null) break;
        const k = pick();
        const buf =
          k === 'unsigned'
            ? unsigned
            : k === 'forgedLow'
              ? forgedLow[sent % forgedLow.length]
              : k === 'forgedV'
                ? forgedV[sent % forgedV.length]
                : k === 'unregistered'
                  ? unregistered[sent % unregistered.length]
                  : k === 'replay'
                    ? replay[sent % replay.length]
                    : oversize;
        c.sock.write(buf as Buffer);
        c.outstanding++;
        sent++;
      }
      if (owed > rate) owed = rate; // do not bank more than a second of backlog
    }, 5);
    refresher = setInterval(refreshForged, 1000);
  };

  for (;;) {
    const line = await lines.next();
    if (line.done === true) break;
    const cmd = JSON.parse(line.value as string) as { cmd: string; mode?: string; rate?: number };
    if (cmd.cmd === 'start') {
      sent = 0;
      reconnects = 0;
      for (const k of Object.keys(statuses)) delete statuses[k];
      const mode = cmd.mode as string;
      const mix = MIXES[mode];
      if (mix !== undefined) startRequests(mix, cmd.rate ?? 0);
      if (mode === 'mixed') background = startBackground(IDLE_CONNECTIONS, SLOWLORIS, MIXED_UPLOADS);
      if (mode === 'uploads') background = startBackground(0, 0, ISOLATED_UPLOADS);
      say({ t: 'started' });
    } else if (cmd.cmd === 'stop') {
      if (timer !== null) clearInterval(timer);
      if (refresher !== null) clearInterval(refresher);
      timer = null;
      background?.();
      background = null;
      for (const c of pool) {
        c.sock?.destroy();
        c.sock = null;
      }
      say({ t: 'stopped', sent, reconnects, statuses });
    }
  }
}

// ---------------------------------------------------------------- the measuring process

interface Child {
  readonly proc: ChildProcess;
  send(o: unknown): void;
  /** The next message of type `t`. */
  next<T>(t: string): Promise<T>;
  onSample?: (s: Sample) => void;
}

interface Sample {
  readonly rss: number;
  /** V8 heap reserved (heapTotal) and memory held outside it (external, buffers included). */
  readonly heap: number;
  readonly external: number;
  readonly lagP99: number;
  /** The longest GC pause in the sample, ms. */
  readonly gcMax: number;
  /** The axon's CPU time over the sample's wall time: below 1, the machine did not give it a whole core. */
  readonly cpuShare: number;
  readonly cpuUs: number;
  readonly answers: number;
  readonly load: AxonLoad;
}

function startChild(role: string, core: number | null): Child {
  // AXON_FLOOD_AXON_ARGS: extra node flags for the axon child (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`).
  const extra = role === 'axon' ? (process.env.AXON_FLOOD_AXON_ARGS ?? '').split(' ').filter((a) => a !== '') : [];
  const args = [...process.execArgv, ...extra, fileURLToPath(import.meta.url), CHILD_FLAG, role];
  const proc =
    core === null
      ? spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] })
      : spawn('taskset', ['-c', String(core), process.execPath, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting = new Map<string, ((o: unknown) => void)[]>();
  const child: Child = {
    proc,
    send: (o) => proc.stdin?.write(`${typeof o === 'string' ? o : JSON.stringify(o)}\n`),
    next: <T>(t: string) =>
      new Promise<T>((resolve, reject) => {
        const list = waiting.get(t) ?? [];
        list.push(resolve as (o: unknown) => void);
        waiting.set(t, list);
        proc.once('exit', (code) => reject(new Error(`flood bench child ${role} exited with ${code}`)));
      }),
  };
  createInterface({ input: proc.stdout as NodeJS.ReadableStream }).on('line', (l) => {
    const o = JSON.parse(l) as { t: string };
    if (o.t === 'sample') child.onSample?.(o as unknown as Sample);
    const w = waiting.get(o.t)?.shift();
    w?.(o);
  });
  return child;
}

function stopChild(c: Child): Promise<void> {
  return new Promise((resolve) => {
    if (c.proc.exitCode !== null) return resolve();
    c.proc.once('exit', () => resolve());
    c.proc.kill('SIGTERM');
  });
}

async function capacity(target: AxonTarget, axon: Child): Promise<{ perCpu: number; wall: number }> {
  const signers = callerKeys().map((k) => ({ k, sign: makeSigner(k) }));
  const n = Math.ceil((MS.capacity / 1000) * 7000) + 1500;
  const reqs: Built[] = [];
  for (let i = 0; i < n; i++) {
    const { k, sign } = signers[i % signers.length] as (typeof signers)[number];
    // A 60 s timeout keeps the nonces acceptable however long signing them takes here.
    reqs.push(build(target, k.ss58Address, `hello ${i}`, sign, { timeoutS: 60 }));
  }
  const agent = new Agent({ keepAlive: true, maxSockets: CAP_CONNECTIONS });
  let next = 0;
  let ok = 0;
  const one = (p: Built): Promise<number> =>
    new Promise((resolve) => {
      const headers: Record<string, string> = {};
      for (const line of p.head.split('\r\n').slice(1)) {
        const at = line.indexOf(': ');
        if (at > 0) headers[line.slice(0, at)] = line.slice(at + 2);
      }
      const r = request(
        { agent, host: target.ip, port: target.port, path: '/Echo', method: 'POST', headers },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      r.on('error', () => resolve(0));
      r.end(p.body);
    });
  const drive = async (stop: number, untilMs: number): Promise<void> => {
    await Promise.all(
      Array.from({ length: CAP_CONNECTIONS }, async () => {
        while (next < stop && performance.now() < untilMs) if ((await one(reqs[next++] as Built)) === 200) ok++;
      }),
    );
  };
  await drive(1500, Number.POSITIVE_INFINITY);
  ok = 0;
  const cpu0 = (await cpuOf(axon)) / 1e6;
  const t0 = performance.now();
  await drive(reqs.length, t0 + MS.capacity);
  const wallS = (performance.now() - t0) / 1000;
  const cpuS = (await cpuOf(axon)) / 1e6 - cpu0;
  agent.destroy();
  return { perCpu: ok / cpuS, wall: ok / wallS };
}

async function cpuOf(c: Child): Promise<number> {
  const p = c.next<{ cpuUs: number }>('cpu');
  c.send('cpu');
  return (await p).cpuUs;
}

interface VResult {
  readonly sent: number;
  readonly ok: number;
  readonly p50: number;
  readonly p99: number;
  readonly other: Record<number, number>;
}

/** V calls the axon `V_PER_SECOND` times a second for `ms`. */
async function runV(d: Dendrite, target: AxonTarget, ms: number): Promise<VResult> {
  const times: number[] = [];
  const other: Record<number, number> = {};
  const calls: Promise<void>[] = [];
  const t0 = performance.now();
  let i = 0;
  while (performance.now() - t0 < ms) {
    const start = performance.now();
    calls.push(
      d.call(target, new Echo({ text: `v${i++}` }), { timeout: 12 }).then((s) => {
        const code = s.dendrite.statusCode ?? 0;
        if (code === 200) times.push(performance.now() - start);
        else other[code] = (other[code] ?? 0) + 1;
      }),
    );
    const due = t0 + (i * 1000) / V_PER_SECOND;
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
  }
  await Promise.all(calls);
  const sorted = [...times].sort((a, b) => a - b);
  const q = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
  return { sent: i, ok: times.length, p50: q(0.5), p99: q(0.99), other };
}

export async function benchAxonFlood(): Promise<void> {
  await initFastSr25519();
  const pin = hasTaskset();
  if (pin) {
    try {
      execFileSync('taskset', ['-pc', '1', String(process.pid)], { stdio: 'ignore' });
    } catch {
      // one core: the figures will show it
    }
  }
  const axon = startChild('axon', pin ? 0 : null);
  const flood = startChild('flood', pin ? 1 : null);
  const samples: { at: number; phase: string; s: Sample }[] = [];
  let phase = 'setup';
  const t00 = performance.now();
  axon.onSample = (s) => samples.push({ at: performance.now() - t00, phase, s });
  const d = new Dendrite({ keypair: validatorKey() });
  try {
    const { target } = await axon.next<{ target: AxonTarget }>('ready');
    flood.send({ target });
    console.log(
      `axon-flood${SHORT ? ' (short mode)' : ''}: axon pinned to core ${pin ? 0 : '-'}, flood and V on core ${pin ? 1 : '-'}; ` +
        `flood from ${FLOOD_IPS.length} addresses, V from 127.0.0.1 at ${V_PER_SECOND}/s`,
    );
    phase = 'capacity';
    const cap = await capacity(target, axon);
    console.log(
      `capacity: ${cap.perCpu.toFixed(0)} verified requests per axon CPU-second (${cap.wall.toFixed(0)}/s wall-clock), 256 callers, 64 connections`,
    );
    if (!(cap.wall > 0)) throw new Error('the capacity phase served nothing: no flood rate to derive');
    const rate = Math.round(cap.wall * 10);
    const measure = async (name: string, ms: number, mode?: string, floodRate = 0): Promise<VResult> => {
      phase = name;
      let floodOut: { sent: number; reconnects: number; statuses: Record<string, number> } | undefined;
      if (mode !== undefined) {
        const started = flood.next('started');
        flood.send({ cmd: 'start', mode, rate: floodRate });
        await started;
      }
      const v = await runV(d, target, ms);
      if (mode !== undefined) {
        const stopped = flood.next<{ sent: number; reconnects: number; statuses: Record<string, number> }>('stopped');
        flood.send({ cmd: 'stop' });
        floodOut = await stopped;
      }
      const rss = samples.filter((x) => x.phase === name);
      const maxRss = Math.max(...rss.map((x) => x.s.rss)) / 2 ** 20;
      const lag = rss.map((x) => x.s.lagP99).sort((a, b) => a - b);
      const lagP99 = lag[Math.min(lag.length - 1, Math.floor(lag.length * 0.99))] ?? 0;
      const gcMax = Math.max(0, ...rss.map((x) => x.s.gcMax ?? 0));
      const cpuUs = rss.reduce((a, x) => a + x.s.cpuUs, 0);
      const answered = rss.reduce((a, x) => a + x.s.answers, 0);
      const share = rss.reduce((a, x) => a + x.s.cpuShare, 0) / Math.max(1, rss.length);
      const other = Object.keys(v.other).length > 0 ? ` other ${JSON.stringify(v.other)}` : '';
      const f =
        floodOut === undefined
          ? ''
          : `; flood ${(floodOut.sent / (ms / 1000)).toFixed(0)}/s sent, ${floodOut.reconnects} connects, answers ${JSON.stringify(floodOut.statuses)}`;
      console.log(
        `${name.padEnd(26)} V ${((100 * v.ok) / Math.max(1, v.sent)).toFixed(1).padStart(5)}% of ${String(v.sent).padStart(4)}  ` +
          `p50 ${v.p50.toFixed(1).padStart(6)} ms  p99 ${v.p99.toFixed(1).padStart(6)} ms  ` +
          `axon RSS max ${maxRss.toFixed(0)} MB, loop lag p99 ${lagP99.toFixed(0)} ms (GC pause max ${gcMax.toFixed(0)}), ` +
          `CPU ${(share * 100).toFixed(0)}% of a core, ${answered} answers at ${(cpuUs / Math.max(1, answered)).toFixed(0)} us CPU each${other}${f}`,
      );
      return v;
    };
    await measure('before', MS.before);
    const during = await measure('mixed flood 10x', MS.mixed, 'mixed', rate);
    await measure('after', MS.after);
    await measure('cheap refusals 10x', MS.attack, 'refusals', rate);
    await measure('forged sigs claiming V 2x', MS.attack, 'forgedV', Math.round(cap.wall * 2));
    await measure(`${ISOLATED_UPLOADS} stalled 4 MiB uploads`, MS.attack, 'uploads');
    await measure('after all', MS.after);
    const stats = axon.next<{ stats: Record<string, number>; load: AxonLoad }>('stats');
    axon.send('stats');
    const final = await stats;
    const series: string[] = [];
    for (let t = 0, i = 0; i < samples.length; i++) {
      const x = samples[i] as (typeof samples)[number];
      if (x.at >= t) {
        series.push(
          `${(x.at / 1000).toFixed(0)}s ${(x.s.rss / 2 ** 20).toFixed(0)} (heap ${(x.s.heap / 2 ** 20).toFixed(0)}, ext ${(x.s.external / 2 ** 20).toFixed(0)})`,
        );
        t = x.at + (SHORT ? 1000 : 5000);
      }
    }
    const maxRss = Math.max(...samples.map((x) => x.s.rss)) / 2 ** 20;
    console.log(`axon RSS (MB) through the run: ${series.join(', ')}; max ${maxRss.toFixed(0)} MB`);
    console.log(
      `axon answers by status: ${JSON.stringify(final.stats)}; refused before parsing: ${JSON.stringify(final.load.refused)}`,
    );
    console.log(
      `V during the mixed 10x flood: ${((100 * during.ok) / Math.max(1, during.sent)).toFixed(1)}% success, p99 ${during.p99.toFixed(0)} ms ` +
        `(targets >= 99%, <= 100 ms); axon RSS max ${maxRss.toFixed(0)} MB (< 300); capacity ${cap.perCpu.toFixed(0)}/CPU-s`,
    );
  } finally {
    d.close();
    await Promise.all([stopChild(axon), stopChild(flood)]);
  }
}

if (process.argv.includes(CHILD_FLAG)) {
  const role = process.argv[process.argv.indexOf(CHILD_FLAG) + 1];
  if (role === 'axon') await runAxon();
  else await runFlood();
}
