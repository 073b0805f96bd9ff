/**
 * `taonet localnet up|down|status`: the whole network on one machine. `up` starts a dev chain
 * with a persistent base path under .taonet/localnet, builds the demo subnets (`DEMO_SUBNETS`)
 * with owners, staked validators, honest and cheating miners (each its own process), starts the
 * explorer, and prints what runs where, what each subnet demonstrates and how long the first paid
 * epoch took. Ctrl-C stops everything; the next `up` resumes the same network.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { request } from '@taonet/sdk';
import type { CommandGroup } from '../command-spec.js';
import type { Cli } from '../context.js';
import { childLinks, makePlan, type NetworkPlan, subnetOf } from '../localnet/plan.js';
import { alive, readPids, type Running, spawnLogged, stopAll, writePids } from '../localnet/processes.js';
import { describeSettings, setupNetwork } from '../localnet/setup.js';
import { color, table } from '../ui.js';

const ROOT = resolve(new URL('../../../..', import.meta.url).pathname);
const BIN = join(ROOT, 'packages/cli/bin/taonet.js');

interface UpOptions {
  dir: string;
  validators: string;
  miners: string;
  cheaters: boolean;
  rpcPort: string;
  explorerPort: string;
  explorer: boolean;
  basePort: string;
  blockTime: string;
  fresh?: boolean;
  exitAfterFirstEpoch?: boolean;
}

function waitForStart(r: Running, timeoutMs: number): Promise<{ ws: string; genesisHash: string }> {
  return new Promise((ok, fail) => {
    let buf = '';
    const timer = setTimeout(
      () => fail(new Error(`${r.name} did not start within ${timeoutMs} ms (see ${r.log})`)),
      timeoutMs,
    );
    r.child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n').find((l) => l.includes('"started"'));
      if (line !== undefined) {
        clearTimeout(timer);
        ok(JSON.parse(line) as { ws: string; genesisHash: string });
      }
    });
    r.child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${r.name} exited with code ${code} (see ${r.log})`));
    });
  });
}

function neuronScript(kind: string): string {
  return join(ROOT, 'subnets', kind, 'bin', 'neuron.js');
}

/** One `up` run: its folder, its processes, its log lines and the one way to stop them all. */
interface UpSession {
  readonly dir: string;
  readonly started: number;
  readonly running: Running[];
  say(line: string): void;
  stop(): Promise<void>;
  stopping(): boolean;
}

/** Stops every process once (a second Ctrl-C while stopping does nothing), saying when it is done. */
export function stopper(dir: string, running: Running[], say: (line: string) => void) {
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await stopAll(running);
    writePids(dir, []);
    say('stopped');
  };
  return { stop, stopping: () => stopping };
}

function openSession(cli: Cli, o: UpOptions): UpSession {
  const started = Date.now();
  const dir = resolve(o.dir);
  if (o.fresh === true) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const running: Running[] = [];
  const say = (line: string): void => {
    if (!cli.json) process.stdout.write(`${color.dim(`[${((Date.now() - started) / 1000).toFixed(1)}s]`)} ${line}\n`);
  };
  const { stop, stopping } = stopper(dir, running, say);
  const onSignal = (): void => {
    void stop().then(() => process.exit(0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { dir, started, running, say, stop, stopping };
}

async function startChain(s: UpSession, o: UpOptions): Promise<{ ws: string; genesisHash: string }> {
  const node = spawnLogged(s.dir, 'node', [
    BIN,
    'node',
    '--dev',
    '--base-path',
    join(s.dir, 'chain'),
    '--rpc-port',
    o.rpcPort,
    '--block-time',
    o.blockTime,
    '--json',
  ]);
  s.running.push(node);
  const info = await waitForStart(node, 60_000);
  s.say(`chain up at ${info.ws} (genesis ${info.genesisHash.slice(0, 12)}…)`);
  return info;
}

/** The saved plan when it belongs to this chain, else a new one; and how to save it. */
function loadPlan(dir: string, genesisHash: string, o: UpOptions): { plan: NetworkPlan; save: () => void } {
  const planPath = join(dir, 'network.json');
  const saved = savedPlan(dir);
  const plan =
    saved !== null && saved.genesisHash === genesisHash
      ? saved
      : makePlan({
          validators: Number(o.validators),
          miners: Number(o.miners),
          cheaters: o.cheaters,
          basePort: Number(o.basePort),
        });
  plan.genesisHash = genesisHash;
  const save = (): void =>
    writeFileSync(
      planPath,
      JSON.stringify(plan, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v), 1),
    );
  return { plan, save };
}

function spawnNeurons(s: UpSession, plan: NetworkPlan, ws: string): void {
  for (const n of plan.neurons) {
    const sub = subnetOf(plan, n);
    const netuid = sub.netuid as number;
    const args = [
      neuronScript(sub.kind),
      n.role,
      '--network',
      ws,
      '--netuid',
      String(netuid),
      '--hotkey-uri',
      n.hotkeyUri,
      '--state-dir',
      join(s.dir, 'state', n.name),
    ];
    if (n.axonPort !== null) args.push('--axon-port', String(n.axonPort));
    if (n.copyOf !== undefined) args.push('--copy-of', n.copyOf);
    s.running.push(spawnLogged(s.dir, n.name, args));
  }
  s.say(`started ${plan.neurons.length} neurons`);
}

/** Starts the explorer when wanted and present; its URL, or null. */
function startExplorer(s: UpSession, o: UpOptions, ws: string): string | null {
  if (!o.explorer || !existsSync(join(ROOT, 'packages/explorer/package.json'))) return null;
  s.running.push(spawnLogged(s.dir, 'explorer', [BIN, 'explorer', '--rpc', ws, '--port', o.explorerPort]));
  return `http://127.0.0.1:${o.explorerPort}`;
}

interface ValidatorRow {
  readonly subnet: string;
  readonly netuid: number;
  readonly hotkey: string;
  /** For a child hotkey: its parent neuron. */
  readonly childOf?: string;
}

async function validatorsOf(plan: NetworkPlan): Promise<ValidatorRow[]> {
  const { keypairFromUri } = await import('@taonet/sdk');
  return plan.neurons
    .filter((n) => n.role === 'validator')
    .map((n) => ({
      subnet: n.subnet,
      netuid: subnetOf(plan, n).netuid as number,
      hotkey: keypairFromUri(n.hotkeyUri).ss58Address,
      ...(n.childOf === undefined ? {} : { childOf: n.childOf }),
    }));
}

/** What each demo subnet runs beyond the defaults, one line each (also for `localnet status`). */
export function demoLines(plan: NetworkPlan): string[] {
  return plan.subnets.map((s) => `netuid ${s.netuid ?? '?'} ${s.name} (${s.kind})${describeSettings(s)}`);
}

function printValidators(validators: readonly ValidatorRow[]): void {
  const v = validators.find((x) => x.childOf === undefined);
  process.stdout.write(
    `${table(
      ['subnet', 'netuid', 'validator hotkey', 'child of'],
      validators.map((x) => [x.subnet, String(x.netuid), x.hotkey, x.childOf ?? '']),
    )}\n` +
      (v === undefined
        ? ''
        : `\nStake into a validator and watch emissions arrive (in another terminal):\n` +
          `  npx taonet wallet create --wallet-name me --no-password\n` +
          `  npx taonet wallet transfer --uri //Alice --dest <your coldkey> --amount 100 -y\n` +
          `  npx taonet stake add --wallet-name me --netuid ${v.netuid} --hotkey-address ${v.hotkey} --amount 10 --tolerance 0.05 -y\n` +
          `  npx taonet stake list --wallet-name me      # run again after a tempo: the alpha grows\n\n`),
  );
}

/** On a resume the network was already paying: what the wait measured is the restart. */
export function paidLine(resumed: boolean, seconds: number, block: bigint | number): string {
  return resumed
    ? `resumed: neurons back and miners paid again ${seconds.toFixed(1)} s after this start (block #${block})`
    : `first epoch paid miners after ${seconds.toFixed(1)} s from a cold start (block #${block})`;
}

/**
 * Builds or resumes the network on a running chain, starts neurons and the explorer, and waits
 * for the first paid epoch. Returns an exit code when `up` should end now, null to keep running.
 */
async function runNetwork(
  cli: Cli,
  o: UpOptions,
  s: UpSession,
  ws: string,
  genesisHash: string,
): Promise<number | null> {
  const { plan, save } = loadPlan(s.dir, genesisHash, o);
  const { Subtensor } = await import('@taonet/sdk');
  const st = await Subtensor.connect(ws);
  const resumed = plan.setupDone;
  try {
    if (!plan.setupDone) {
      await setupNetwork(st, plan, s.say);
      save();
    } else s.say('resuming the saved network');
    spawnNeurons(s, plan, ws);
    const explorerUrl = startExplorer(s, o, ws);
    writePids(s.dir, s.running);
    const rows = s.running.map((r) => [r.name, String(r.child.pid ?? ''), r.log.replace(`${process.cwd()}/`, '')]);
    if (!cli.json) process.stdout.write(`${table(['process', 'pid', 'log'], rows)}\n`);
    s.say(`RPC ${ws}${explorerUrl === null ? '' : ` · explorer ${explorerUrl}`}`);
    // Wait for the first epoch that pays miners incentive, and report how long it took.
    const firstPaid = await waitForPaidEpoch(st, plan, s.stopping);
    const seconds = (Date.now() - s.started) / 1000;
    s.say(color.green(paidLine(resumed, seconds, firstPaid)));
    const validators = await validatorsOf(plan);
    for (const line of demoLines(plan)) s.say(line);
    if (!cli.json) printValidators(validators);
    if (cli.json) {
      const ready = {
        event: 'ready',
        rpc: ws,
        explorer: explorerUrl,
        subnets: plan.subnets,
        validators,
        childHotkeys: childLinks(plan).map((l) => ({
          netuid: l.subnet.netuid,
          parent: l.parent.name,
          child: l.child.name,
        })),
        firstEpochPaidSeconds: seconds,
        firstEpochPaidBlock: String(firstPaid),
      };
      process.stdout.write(`${JSON.stringify(ready, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}\n`);
    }
    if (o.exitAfterFirstEpoch === true) {
      await s.stop();
      return 0;
    }
    s.say('running — Ctrl-C to stop');
    return null;
  } finally {
    st.close();
  }
}

async function localnetUp(cli: Cli, o: UpOptions): Promise<number> {
  const s = openSession(cli, o);
  try {
    const info = await startChain(s, o);
    const code = await runNetwork(cli, o, s, info.ws, info.genesisHash);
    if (code !== null) return code;
    await new Promise(() => {});
    return 0;
  } catch (e) {
    await s.stop();
    throw e;
  }
}

async function localnetDown(cli: Cli, o: { dir: string }): Promise<number> {
  const procs = readPids(resolve(o.dir)).filter((p) => alive(p.pid));
  for (const p of [...procs].reverse()) process.kill(p.pid, 'SIGTERM');
  return cli.report({ stopped: procs.map((p) => p.name) }, () =>
    procs.length === 0 ? 'nothing running' : `stopped ${procs.length} processes`,
  );
}

/** The saved plan of a network folder, or null. */
function savedPlan(dir: string): NetworkPlan | null {
  const p = join(dir, 'network.json');
  return existsSync(p)
    ? (JSON.parse(readFileSync(p, 'utf8'), (_k, v) =>
        typeof v === 'string' && /^\d+n$/.test(v) ? BigInt(v.slice(0, -1)) : v,
      ) as NetworkPlan)
    : null;
}

async function localnetStatus(cli: Cli, o: { dir: string }): Promise<number> {
  const procs = readPids(resolve(o.dir)).map((p) => ({ ...p, alive: alive(p.pid) }));
  const plan = savedPlan(resolve(o.dir));
  const subnets = plan === null ? [] : demoLines(plan);
  return cli.report({ processes: procs, subnets }, () =>
    procs.length === 0 && subnets.length === 0
      ? 'no local network has run here'
      : [
          ...subnets,
          table(
            ['process', 'pid', 'state', 'log'],
            procs.map((p) => [p.name, String(p.pid), p.alive ? 'running' : 'stopped', p.log]),
          ),
        ].join('\n'),
  );
}

export const localnetCommands: CommandGroup = {
  name: 'localnet',
  description: 'run a whole local network: chain, subnets, miners, validators, explorer',
  commands: [
    {
      name: 'up',
      description: 'start (or resume) the local network; Ctrl-C stops it',
      options: [
        { flags: '--dir <dir>', description: 'where the network lives', default: '.taonet/localnet' },
        { flags: '--validators <n>', description: 'validators per subnet', default: '2' },
        { flags: '--miners <n>', description: 'honest miners per subnet', default: '2' },
        { flags: '--no-cheaters', description: 'leave out the cheating miners' },
        { flags: '--rpc-port <port>', description: 'node RPC port', default: '9944' },
        { flags: '--explorer-port <port>', description: 'explorer port', default: '8080' },
        { flags: '--no-explorer', description: 'do not start the explorer' },
        { flags: '--base-port <port>', description: 'first axon port', default: '9100' },
        { flags: '--block-time <ms>', description: 'block time', default: '250' },
        { flags: '--fresh', description: 'discard the saved network and start over' },
        {
          flags: '--exit-after-first-epoch',
          description: 'stop once the first epoch paid miners (for tests and timing)',
        },
      ],
      run: localnetUp,
    },
    {
      name: 'down',
      description: 'stop a local network started in another terminal',
      options: [{ flags: '--dir <dir>', description: 'where the network lives', default: '.taonet/localnet' }],
      run: localnetDown,
    },
    {
      name: 'status',
      description: 'what of the local network is running',
      options: [{ flags: '--dir <dir>', description: 'where the network lives', default: '.taonet/localnet' }],
      run: localnetStatus,
    },
  ],
};

async function waitForPaidEpoch(
  st: import('@taonet/sdk').Subtensor,
  plan: NetworkPlan,
  stopped: () => boolean,
): Promise<bigint> {
  const netuids = plan.subnets.map((s) => s.netuid as number);
  for (;;) {
    if (stopped()) throw new Error('stopped before the first epoch');
    for (const netuid of netuids) {
      const mg = await request(st, 'taonet_metagraph', [netuid, ['incentive']]);
      if (mg?.incentive?.some((x) => x > 0)) return BigInt(mg.block);
    }
    await new Promise((ok) => setTimeout(ok, 250));
  }
}
