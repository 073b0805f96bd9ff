#!/usr/bin/env node
// `npm start`: the local network in one command. Installs dependencies on a fresh clone, then runs
// `taonet localnet up` (flags pass through: `npm start -- --miners 3 --validators 2 --fresh`).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
if (!existsSync(join(root, 'node_modules', '.bin', 'taonet'))) {
  console.log('Installing dependencies (npm install)…');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const args = process.argv.slice(2);
const child = spawn(process.execPath, [join(root, 'packages/cli/bin/taonet.js'), 'localnet', 'up', ...args], {
  cwd: root,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 0)));
