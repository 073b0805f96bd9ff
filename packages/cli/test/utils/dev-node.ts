/**
 * A real dev node process on a free port, and the `taonet` command run against it as a user runs it:
 * a separate process, no TTY, the network and wallet folder from the environment (TAONET_NETWORK,
 * BT_WALLET_PATH) so the arguments can be exactly what the README prints.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const BIN = resolve(import.meta.dirname, '../../bin/taonet.js');

export interface DevNode {
  readonly ws: string;
  stop(): void;
}

export async function startDevNode(): Promise<DevNode> {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'node', '--dev', '--rpc-port', '0', '--json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ws = await new Promise<string>((ok, fail) => {
    let buf = '';
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n').find((l) => l.includes('"started"'));
      if (line !== undefined) ok((JSON.parse(line) as { ws: string }).ws);
    });
    child.on('exit', (c) => fail(new Error(`node exited ${c}`)));
    setTimeout(() => fail(new Error('node did not start')), 30_000);
  });
  return { ws, stop: () => child.kill('SIGINT') };
}

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A fresh wallets folder (and HOME) for one reader of the README. */
export function freshHome(): string {
  return mkdtempSync(join(tmpdir(), 'taonet-home-'));
}

/** Runs `taonet <args>` with stdin not a terminal; never throws on a non-zero exit. */
export function taonetIn(
  ws: string,
  home: string,
  args: readonly string[],
  input?: string,
  env: Record<string, string> = {},
): Promise<Run> {
  return new Promise((ok) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      {
        timeout: 90_000,
        env: {
          ...process.env,
          HOME: home,
          TAONET_NETWORK: ws,
          BT_WALLET_PATH: join(home, '.bittensor', 'wallets'),
          NO_COLOR: '1',
          ...env,
        },
      },
      (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 1;
        ok({ code, stdout, stderr });
      },
    );
    child.stdin?.end(input ?? '');
  });
}

/**
 * Runs `taonet <args> --json -y --network <ws> [extra]` and returns its JSON output, whether the
 * command succeeded or failed (a failure prints typed JSON too); throws only if there is none.
 */
export async function taonetJson(
  ws: string,
  args: readonly string[],
  extra: readonly string[] = [],
): Promise<Record<string, unknown>> {
  const r = await new Promise<Run>((ok) => {
    execFile(
      process.execPath,
      [BIN, ...args, '--json', '-y', '--network', ws, ...extra],
      { timeout: 90_000 },
      (err, stdout, stderr) => ok({ code: err === null ? 0 : 1, stdout, stderr }),
    );
  });
  if (r.stdout.trim() === '') throw new Error(`taonet ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}
