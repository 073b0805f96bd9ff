/**
 * `taonet localnet up|down|status`: the whole network on one machine. `up` starts a dev chain
 * with a persistent base path under .taonet/localnet, builds two reference subnets with owners,
 * staked validators, honest and cheating miners (each its own process), starts the explorer, and
 * prints what runs where and how long the first paid epoch took. Ctrl-C stops everything; the next
 * `up` resumes the same network.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { action } from '../context.js';
import { makePlan, type NetworkPlan } from '../localnet/plan.js';
import { alive, readPids, type Running, spawnLogged, stopAll, writePids } from '../localnet/processes.js';
import { setupNetwork } from '../localnet/setup.js';
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

export function registerLocalnetCommands(program: Command): void {
  const l = program
    .command('localnet')
    .description('run a whole local network: chain, subnets, miners, validators, explorer');

  l.command('up')
    .description('start (or resume) the local network; Ctrl-C stops it')
    .option('--dir <dir>', 'where the network lives', '.taonet/localnet')
    .option('--validators <n>', 'validators per subnet', '2')
    .option('--miners <n>', 'honest miners per subnet', '2')
    .option('--no-cheaters', 'leave out the cheating miners')
    .option('--rpc-port <port>', 'node RPC port', '9944')
    .option('--explorer-port <port>', 'explorer port', '8080')
    .option('--no-explorer', 'do not start the explorer')
    .option('--base-port <port>', 'first axon port', '9100')
    .option('--block-time <ms>', 'block time', '250')
    .option('--fresh', 'discard the saved network and start over')
    .option('--exit-after-first-epoch', 'stop once the first epoch paid miners (for tests and timing)')
    .action(
      action(async (cli, o: UpOptions) => {
        const started = Date.now();
        const dir = resolve(o.dir);
        if (o.fresh === true) rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        const running: Running[] = [];
        const say = (line: string): void => {
          if (!cli.json)
            process.stdout.write(`${color.dim(`[${((Date.now() - started) / 1000).toFixed(1)}s]`)} ${line}\n`);
        };
        let stopping = false;
        const stop = async (): Promise<void> => {
          if (stopping) return;
          stopping = true;
          say('stopping…');
          await stopAll(running);
          writePids(dir, []);
        };
        const onSignal = (): void => {
          void stop().then(() => process.exit(0));
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        try {
          const node = spawnLogged(dir, 'node', [
            BIN,
            'node',
            '--dev',
            '--base-path',
            join(dir, 'chain'),
            '--rpc-port',
            o.rpcPort,
            '--block-time',
            o.blockTime,
            '--json',
          ]);
          running.push(node);
          const info = await waitForStart(node, 60_000);
          say(`chain up at ${info.ws} (genesis ${info.genesisHash.slice(0, 12)}…)`);
          const planPath = join(dir, 'network.json');
          const saved = existsSync(planPath)
            ? (JSON.parse(readFileSync(planPath, 'utf8'), (_k, v) =>
                typeof v === 'string' && /^\d+n$/.test(v) ? BigInt(v.slice(0, -1)) : v,
              ) as NetworkPlan)
            : null;
          const plan =
            saved !== null && saved.genesisHash === info.genesisHash
              ? saved
              : makePlan({
                  validators: Number(o.validators),
                  miners: Number(o.miners),
                  cheaters: o.cheaters,
                  basePort: Number(o.basePort),
                });
          plan.genesisHash = info.genesisHash;
          const save = (): void =>
            writeFileSync(
              planPath,
              JSON.stringify(plan, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v), 1),
            );
          const { Subtensor } = await import('@taonet/sdk');
          const st = await Subtensor.connect(info.ws);
          try {
            if (!plan.setupDone) {
              await setupNetwork(st, plan, say);
              save();
            } else say('resuming the saved network');
            for (const n of plan.neurons) {
              const netuid = plan.subnets.find((s) => s.kind === n.subnet)?.netuid as number;
              const args = [
                neuronScript(n.subnet),
                n.role,
                '--network',
                info.ws,
                '--netuid',
                String(netuid),
                '--hotkey-uri',
                n.hotkeyUri,
                '--state-dir',
                join(dir, 'state', n.name),
              ];
              if (n.axonPort !== null) args.push('--axon-port', String(n.axonPort));
              if (n.copyOf !== undefined) args.push('--copy-of', n.copyOf);
              running.push(spawnLogged(dir, n.name, args));
            }
            say(`started ${plan.neurons.length} neurons`);
            let explorerUrl: string | null = null;
            if (o.explorer && existsSync(join(ROOT, 'packages/explorer/package.json'))) {
              running.push(spawnLogged(dir, 'explorer', [BIN, 'explorer', '--rpc', info.ws, '--port', o.explorerPort]));
              explorerUrl = `http://127.0.0.1:${o.explorerPort}`;
            }
            writePids(dir, running);
            const rows = running.map((r) => [
              r.name,
              String(r.child.pid ?? ''),
              r.log.replace(`${process.cwd()}/`, ''),
            ]);
            if (!cli.json) process.stdout.write(`${table(['process', 'pid', 'log'], rows)}\n`);
            say(`RPC ${info.ws}${explorerUrl === null ? '' : ` · explorer ${explorerUrl}`}`);
            // Wait for the first epoch that pays miners incentive, and report how long it took.
            const firstPaid = await waitForPaidEpoch(st, plan, () => stopping);
            const seconds = (Date.now() - started) / 1000;
            say(color.green(`first epoch paid miners after ${seconds.toFixed(1)} s (block #${firstPaid})`));
            const { keypairFromUri } = await import('@taonet/sdk');
            const validators = plan.neurons
              .filter((n) => n.role === 'validator')
              .map((n) => ({
                subnet: n.subnet,
                netuid: plan.subnets.find((x) => x.kind === n.subnet)?.netuid as number,
                hotkey: keypairFromUri(n.hotkeyUri).ss58Address,
              }));
            if (!cli.json) {
              const v = validators[0];
              process.stdout.write(
                `${table(
                  ['subnet', 'netuid', 'validator hotkey'],
                  validators.map((x) => [x.subnet, String(x.netuid), x.hotkey]),
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
            if (cli.json) {
              process.stdout.write(
                `${JSON.stringify({ event: 'ready', rpc: info.ws, explorer: explorerUrl, subnets: plan.subnets, validators, firstEpochPaidSeconds: seconds, firstEpochPaidBlock: String(firstPaid) })}\n`,
              );
            }
            if (o.exitAfterFirstEpoch === true) {
              await stop();
              return 0;
            }
            say('running — Ctrl-C to stop');
          } finally {
            st.close();
          }
          await new Promise(() => {});
          return 0;
        } catch (e) {
          await stop();
          throw e;
        }
      }),
    );

  l.command('down')
    .description('stop a local network started in another terminal')
    .option('--dir <dir>', 'where the network lives', '.taonet/localnet')
    .action(
      action(async (cli, o: { dir: string }) => {
        const procs = readPids(resolve(o.dir)).filter((p) => alive(p.pid));
        for (const p of [...procs].reverse()) process.kill(p.pid, 'SIGTERM');
        return cli.report({ stopped: procs.map((p) => p.name) }, () =>
          procs.length === 0 ? 'nothing running' : `stopped ${procs.length} processes`,
        );
      }),
    );

  l.command('status')
    .description('what of the local network is running')
    .option('--dir <dir>', 'where the network lives', '.taonet/localnet')
    .action(
      action(async (cli, o: { dir: string }) => {
        const procs = readPids(resolve(o.dir)).map((p) => ({ ...p, alive: alive(p.pid) }));
        return cli.report({ processes: procs }, () =>
          procs.length === 0
            ? 'no local network has run here'
            : table(
                ['process', 'pid', 'state', 'log'],
                procs.map((p) => [p.name, String(p.pid), p.alive ? 'running' : 'stopped', p.log]),
              ),
        );
      }),
    );
}

async function waitForPaidEpoch(
  st: import('@taonet/sdk').Subtensor,
  plan: NetworkPlan,
  stopped: () => boolean,
): Promise<bigint> {
  const netuids = plan.subnets.map((s) => s.netuid as number);
  for (;;) {
    if (stopped()) throw new Error('stopped before the first epoch');
    for (const netuid of netuids) {
      const mg = (await st.call('taonet_metagraph', [netuid, ['incentive']])) as {
        incentive: number[];
        block: string;
      } | null;
      if (mg?.incentive.some((x) => x > 0)) return BigInt(mg.block);
    }
    await new Promise((ok) => setTimeout(ok, 250));
  }
}
