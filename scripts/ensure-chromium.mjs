#!/usr/bin/env node
// Makes sure Debian's chromium is installed for the browser end-to-end tests (playwright-core
// drives /usr/bin/chromium; it downloads no browser of its own). When the binary is missing and
// we are root, installs it with apt-get and says so; otherwise fails with what to do.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.TAONET_CHROMIUM ?? '/usr/bin/chromium';

if (existsSync(CHROMIUM)) {
  console.log(`ensure-chromium: found ${CHROMIUM}`);
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `ensure-chromium: ${CHROMIUM} is missing and this is not root, so it cannot be installed here.\n` +
      '  Install it yourself:  sudo apt-get update && sudo apt-get install -y chromium\n' +
      '  or point TAONET_CHROMIUM at a Chromium/Chrome binary.',
  );
  process.exit(1);
}
const run = (cmd, args) => {
  console.log(`ensure-chromium: ${CHROMIUM} is missing; running: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.error !== undefined || r.status !== 0) {
    console.error(
      `ensure-chromium: '${cmd} ${args.join(' ')}' failed (${r.error?.message ?? `exit ${r.status}`}).\n` +
        "  The browser end-to-end tests need Debian's chromium; install it and run again.",
    );
    process.exit(1);
  }
};
run('apt-get', ['update']);
run('apt-get', ['install', '-y', 'chromium']);
if (!existsSync(CHROMIUM)) {
  console.error(`ensure-chromium: apt-get finished but ${CHROMIUM} is still missing.`);
  process.exit(1);
}
console.log(`ensure-chromium: installed ${CHROMIUM}`);
