/**
 * `taonet <args> --json` as a child process for the explorer's browser tests: resolves with its
 * one-line `started` event, and stops with SIGTERM (SIGKILL if it lingers).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../../cli/bin/taonet.js', import.meta.url));

export interface Started {
  readonly child: ChildProcess;
  readonly line: Record<string, unknown>;
}

export function startCli(args: readonly string[], timeoutMs = 60_000): Promise<Started> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`taonet ${args.join(' ')} did not start in ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (l) => {
      if (!l.includes('"started"')) return;
      clearTimeout(timer);
      resolve({ child, line: JSON.parse(l) as Record<string, unknown> });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`taonet ${args.join(' ')} exited with ${code}: ${stderr}`));
    });
  });
}

export async function stopCli(p: Started | undefined): Promise<void> {
  if (p === undefined || p.child.exitCode !== null) return;
  const exited = new Promise((r) => p.child.once('exit', r));
  p.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (p.child.exitCode === null) p.child.kill('SIGKILL');
}
