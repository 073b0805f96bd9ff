/**
 * `taonet axon`: `set` advertises a neuron's axon (IP and port) on a subnet, signed by its hotkey,
 * after checking that an axon answers there; `check` probes an address, or the one a UID
 * advertises, and says which axon answers.
 */
import { type AxonProbe, keypairSigner, Metagraph, probeAxon, SdkError } from '@taonet/sdk';
import type { Command } from 'commander';
import { action, type Cli } from '../context.js';
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

export function registerAxonCommands(program: Command): void {
  const axon = program.command('axon').description('serve information of a neuron, and check axons');

  axon
    .command('set')
    .description('advertise the axon address of the wallet hotkey on a subnet')
    .requiredOption('--netuid <n>', 'subnet id')
    .requiredOption('--ip <address>', 'public IPv4 or full IPv6 address')
    .requiredOption('--port <port>', 'public port')
    .option('--protocol <n>', 'protocol number', '4')
    .option('--hotkey-uri <uri>', 'sign with a dev hotkey instead of the wallet hotkey')
    .option('--no-check', 'do not check that the axon answers at that address first')
    .action(
      action(
        async (
          cli,
          o: { netuid: string; ip: string; port: string; protocol: string; hotkeyUri?: string; check: boolean },
        ) => {
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
              netuid: Number(o.netuid),
              ip: o.ip,
              port: Number(o.port),
              protocol: Number(o.protocol),
            }),
          );
          return cli.reportTx(
            r,
            `axon ${o.ip}:${o.port} on subnet ${o.netuid}`,
            probe === null ? {} : { check: probe },
          );
        },
      ),
    );

  axon
    .command('check')
    .description('check that an axon answers at an address (also run it from another machine)')
    .option('--ip <address>', 'address to probe')
    .option('--port <port>', 'port to probe')
    .option('--expect-hotkey <ss58>', 'the hotkey expected to answer')
    .option('--netuid <n>', 'with --uid: probe the address a neuron advertises on chain')
    .option('--uid <n>', 'with --netuid: the neuron')
    .option('--timeout <seconds>', 'how long to wait', '5')
    .action(
      action(
        async (
          cli,
          o: { ip?: string; port?: string; expectHotkey?: string; netuid?: string; uid?: string; timeout: string },
        ) => {
          const timeoutS = Number(o.timeout);
          if (!(timeoutS > 0))
            throw new SdkError('InvalidInput', `--timeout must be a positive number of seconds, got ${o.timeout}`);
          let target: { ip: string; port: number; hotkey?: string };
          if (o.netuid !== undefined || o.uid !== undefined) {
            if (o.netuid === undefined || o.uid === undefined)
              throw new SdkError(
                'InvalidInput',
                '--netuid and --uid go together',
                'or probe an address with --ip and --port',
              );
            const st = await cli.connect();
            const mg = await new Metagraph(st, Number(o.netuid)).sync();
            const uid = Number(o.uid);
            const hotkey = mg.hotkeys[uid];
            if (hotkey === undefined)
              throw new SdkError(
                'InvalidInput',
                `subnet ${o.netuid} has no UID ${o.uid}`,
                `its UIDs are 0 to ${mg.n - 1}`,
              );
            const a = mg.axons[uid];
            if (a === null || a === undefined)
              throw new SdkError(
                'AxonNotServed',
                `UID ${uid} on subnet ${o.netuid} has not advertised an axon`,
                'the neuron publishes one with `taonet axon set` (a miner does it when it starts)',
              );
            target = { ip: a.ip, port: a.port, hotkey };
          } else {
            if (o.ip === undefined || o.port === undefined)
              throw new SdkError('InvalidInput', 'say what to probe', 'pass --ip and --port, or --netuid and --uid');
            target = {
              ip: o.ip,
              port: Number(o.port),
              ...(o.expectHotkey === undefined ? {} : { hotkey: o.expectHotkey }),
            };
          }
          const p = await withSpinner(`checking ${target.ip}:${target.port}`, () => probeAxon(target, { timeoutS }));
          return reportProbe(cli, p);
        },
      ),
    );
}
