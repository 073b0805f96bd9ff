/**
 * `taonet axon`: `set` advertises a neuron's axon (IP and port) on a subnet, signed by its hotkey,
 * after checking that an axon answers there; `check` probes an address, or the one a UID
 * advertises, and says which axon answers.
 */
import { type AxonProbe, keypairSigner, Metagraph, probeAxon, SdkError } from '@taonet/sdk';
import type { CommandGroup } from '../command-spec.js';
import type { Cli } from '../context.js';
import { parseNetuid } from '../parse.js';
import { color, withSpinner } from '../ui.js';

function describeProbe(p: AxonProbe): string {
  const lines: string[] = [];
  if (p.reachable && p.problem === null)
    lines.push(
      `${color.green('✓')} axon ${p.hotkey} answers at ${p.address} in ${p.latencyMs.toFixed(0)} ms (status ${p.status})`,
    );
  else lines.push(`${color.red('✗')} ${p.problem}`);
  if (p.hint !== null) lines.push(`  hint: ${p.hint}`);
  return lines.join('\n');
}

function reportProbe(cli: Cli, p: AxonProbe): number {
  const ok = p.reachable && p.problem === null;
  if (cli.json) cli.report({ success: ok, ...p }, () => '');
  else (ok ? process.stdout : process.stderr).write(`${describeProbe(p)}\n`);
  return ok ? 0 : 1;
}

interface SetOpts {
  netuid: string;
  ip: string;
  port: string;
  protocol: string;
  hotkeyUri?: string;
  check: boolean;
}

async function setAxon(cli: Cli, o: SetOpts): Promise<number> {
  const st = await cli.connect();
  const hot = await cli.hotkey(o.hotkeyUri);
  let probe: AxonProbe | null = null;
  if (o.check) {
    probe = await withSpinner(`checking ${o.ip}:${o.port}`, () =>
      probeAxon({ ip: o.ip, port: Number(o.port), hotkey: hot.ss58Address }, { keypair: hot, timeoutS: 5 }),
    );
    // Advertised anyway: the axon may start later, or be reachable only from outside.
    if (probe.problem !== null && !cli.json) {
      process.stderr.write(`${color.yellow('!')} ${probe.problem}\n`);
      if (probe.hint !== null) process.stderr.write(`  hint: ${probe.hint}\n`);
    }
  }
  const r = await withSpinner('serving axon', () =>
    st.serveAxon(keypairSigner(hot), {
      netuid: parseNetuid(o.netuid),
      ip: o.ip,
      port: Number(o.port),
      protocol: Number(o.protocol),
    }),
  );
  return cli.reportTx(r, `axon ${o.ip}:${o.port} on subnet ${o.netuid}`, probe === null ? {} : { check: probe });
}

interface CheckOpts {
  ip?: string;
  port?: string;
  expectHotkey?: string;
  netuid?: string;
  uid?: string;
  timeout: string;
}

type ProbeTarget = { ip: string; port: number; hotkey?: string };

/** The address a neuron advertises on chain, with its hotkey. */
async function advertisedTarget(cli: Cli, netuid: string, uidText: string): Promise<ProbeTarget> {
  const st = await cli.connect();
  const mg = await new Metagraph(st, Number(netuid)).sync();
  const uid = Number(uidText);
  const hotkey = mg.hotkeys[uid];
  if (hotkey === undefined)
    throw new SdkError('InvalidInput', `subnet ${netuid} has no UID ${uidText}`, `its UIDs are 0 to ${mg.n - 1}`);
  const a = mg.axons[uid];
  if (a === null || a === undefined)
    throw new SdkError(
      'AxonNotServed',
      `UID ${uid} on subnet ${netuid} has not advertised an axon`,
      'the neuron publishes one with `taonet axon set` (a miner does it when it starts)',
    );
  return { ip: a.ip, port: a.port, hotkey };
}

async function probeTarget(cli: Cli, o: CheckOpts): Promise<ProbeTarget> {
  if (o.netuid !== undefined || o.uid !== undefined) {
    if (o.netuid === undefined || o.uid === undefined)
      throw new SdkError('InvalidInput', '--netuid and --uid go together', 'or probe an address with --ip and --port');
    return advertisedTarget(cli, o.netuid, o.uid);
  }
  if (o.ip === undefined || o.port === undefined)
    throw new SdkError('InvalidInput', 'say what to probe', 'pass --ip and --port, or --netuid and --uid');
  return { ip: o.ip, port: Number(o.port), ...(o.expectHotkey === undefined ? {} : { hotkey: o.expectHotkey }) };
}

async function checkAxon(cli: Cli, o: CheckOpts): Promise<number> {
  const timeoutS = Number(o.timeout);
  if (!(timeoutS > 0))
    throw new SdkError('InvalidInput', `--timeout must be a positive number of seconds, got ${o.timeout}`);
  const target = await probeTarget(cli, o);
  const p = await withSpinner(`checking ${target.ip}:${target.port}`, () => probeAxon(target, { timeoutS }));
  return reportProbe(cli, p);
}

export const axonCommands: CommandGroup = {
  name: 'axon',
  description: 'serve information of a neuron, and check axons',
  commands: [
    {
      name: 'set',
      description: 'advertise the axon address of the wallet hotkey on a subnet',
      options: [
        { flags: '--netuid <n>', description: 'subnet id', required: true },
        { flags: '--ip <address>', description: 'public IPv4 or full IPv6 address', required: true },
        { flags: '--port <port>', description: 'public port', required: true },
        { flags: '--protocol <n>', description: 'protocol number', default: '4' },
        { flags: '--hotkey-uri <uri>', description: 'sign with a dev hotkey instead of the wallet hotkey' },
        { flags: '--no-check', description: 'do not check that the axon answers at that address first' },
      ],
      run: setAxon,
    },
    {
      name: 'check',
      description: 'check that an axon answers at an address (also run it from another machine)',
      options: [
        { flags: '--ip <address>', description: 'address to probe' },
        { flags: '--port <port>', description: 'port to probe' },
        { flags: '--expect-hotkey <ss58>', description: 'the hotkey expected to answer' },
        { flags: '--netuid <n>', description: 'with --uid: probe the address a neuron advertises on chain' },
        { flags: '--uid <n>', description: 'with --netuid: the neuron' },
        { flags: '--timeout <seconds>', description: 'how long to wait', default: '5' },
      ],
      run: checkAxon,
    },
  ],
};
