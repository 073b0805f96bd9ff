/**
 * Child processes of the local network: each one logs to its own file, is stopped with SIGTERM
 * (then SIGKILL if it lingers), and is listed in a pid file so `localnet down` and `status` can
 * find it from another terminal.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Running {
  readonly name: string;
  readonly child: ChildProcess;
  readonly log: string;
}

export function spawnLogged(dir: string, name: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Running {
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const log = join(dir, 'logs', `${name}.log`);
  const out = createWriteStream(log, { flags: 'a' });
  const child = spawn(process.execPath, [...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  return { name, child, log };
}

export function writePids(dir: string, running: readonly Running[]): void {
  writeFileSync(
    join(dir, 'pids.json'),
    JSON.stringify(
      running.map((r) => ({ name: r.name, pid: r.child.pid, log: r.log })),
      null,
      1,
    ),
  );
}

export function readPids(dir: string): { name: string; pid: number; log: string }[] {
  const p = join(dir, 'pids.json');
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as { name: string; pid: number; log: string }[]) : [];
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops processes (newest first), waiting up to `graceMs` before killing. */
export async function stopAll(running: readonly Running[], graceMs = 5000): Promise<void> {
  const list = [...running].reverse();
  for (const r of list) if (r.child.exitCode === null) r.child.kill('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && list.some((r) => r.child.exitCode === null && r.child.signalCode === null)) {
    await new Promise((ok) => setTimeout(ok, 50));
  }
  for (const r of list) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL');
}
