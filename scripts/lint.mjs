#!/usr/bin/env node
// Runs biome on the files git tracks (committed or staged), not on whatever lies in the work tree:
// a user's scratch file must not fail `npm test`. Outside a git checkout (an unpacked tarball)
// every file is checked. Extra arguments go to biome (`--write` formats). `--dry-run` prints the
// biome command instead of running it.
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const biomeArgs = args.filter((a) => a !== '--dry-run');

function trackedFiles() {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--', '.'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.split('\0').filter((f) => f !== '');
  } catch {
    return null;
  }
}

const tracked = trackedFiles();
// Only what biome can check; the rest (markdown, lockfiles, vectors) is excluded by biome.json too.
const checkable = /\.(c|m)?(j|t)sx?$|\.jsonc?$/;
const targets = tracked === null ? ['.'] : tracked.filter((f) => checkable.test(f));
const biomeBin = join(dirname(createRequire(import.meta.url).resolve('@biomejs/biome/package.json')), 'bin', 'biome');
if (targets.length === 0) {
  // biome given no paths would check the whole directory.
  process.stdout.write('no tracked files to check\n');
  process.exit(0);
}
const command = ['check', '--no-errors-on-unmatched', '--files-ignore-unknown=true', ...biomeArgs, ...targets];
if (dryRun) {
  process.stdout.write(`${JSON.stringify(command)}\n`);
  process.exit(0);
}
const r = spawnSync(process.execPath, [biomeBin, ...command], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
