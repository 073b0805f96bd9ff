#!/usr/bin/env node
/**
 * `npm run test:python`: the Python compatibility suite. One virtual environment per client line
 * under `.venv-compat/<line>` (gitignored), installed from that line's lock file only when the lock
 * (or the interpreter) changed since the last install, then pytest on the line's tests.
 *
 *   node compat/python/run.mjs                 every line
 *   node compat/python/run.mjs classic -- -k axon   one line, extra pytest arguments after `--`
 *   node compat/python/run.mjs --install-only classic   only set up the venv (the compat bench uses it)
 *
 * Environment: TAONET_PYTHON picks the interpreter (default /usr/bin/python3, which is 3.11 on
 * the project's machines: the locks were resolved there). Only pip talks to the network (PyPI).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VENVS = join(ROOT, '.venv-compat');

/**
 * The client lines. `expectTests`: a line that collects no test (pytest exit 5) has lost its suite,
 * which is a failure, not a pass.
 */
const LINES = [
  { name: 'classic', lock: 'requirements-classic.txt', tests: 'classic', expectTests: true },
  { name: 'lean', lock: 'requirements-lean.txt', tests: 'lean', expectTests: true },
];

const say = (msg) => process.stdout.write(`[python-compat] ${msg}\n`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error !== undefined) throw r.error;
  return r.status ?? 1;
}

function capture(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function findPython() {
  const candidates = [process.env.TAONET_PYTHON, '/usr/bin/python3', 'python3.11', 'python3'].filter(Boolean);
  for (const c of candidates) {
    const v = capture(c, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])']);
    if (v !== null) return { exe: c, version: v };
  }
  throw new Error('no Python 3 interpreter found: install python3 (3.11), or set TAONET_PYTHON');
}

/** `python -m venv` needs ensurepip, which Debian ships apart (python3-venv). Installed once, as root. */
function ensureVenvModule(py) {
  if (capture(py.exe, ['-c', 'import ensurepip, venv']) !== null) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || capture('apt-get', ['--version']) === null)
    throw new Error(`${py.exe} cannot create virtual environments (no ensurepip): install python3-venv`);
  say(`${py.exe} has no venv support: apt-get install python3-venv`);
  const pkgs = ['python3-venv'];
  if (run('apt-get', ['install', '-y', '--no-install-recommends', ...pkgs]) !== 0) {
    run('apt-get', ['update']);
    if (run('apt-get', ['install', '-y', '--no-install-recommends', ...pkgs]) !== 0)
      throw new Error('apt-get install python3-venv failed');
  }
}

/** Creates or refreshes the line's venv; returns its python. Reinstalls from scratch when the stamp differs. */
function ensureVenv(line, py) {
  const dir = join(VENVS, line.name);
  const python = join(dir, 'bin', 'python');
  const lockPath = join(HERE, line.lock);
  const stampPath = join(dir, '.taonet-lock-stamp');
  const stamp = `${createHash('sha256').update(readFileSync(lockPath)).digest('hex')} python ${py.version}\n`;
  if (existsSync(python) && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) return python;

  const t0 = Date.now();
  say(`${line.name}: installing ${line.lock} into ${dir} (first run, or the lock changed)`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(VENVS, { recursive: true });
  if (run(py.exe, ['-m', 'venv', dir]) !== 0) throw new Error(`${line.name}: python -m venv failed`);
  const pip = ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--progress-bar', 'off', '--quiet'];
  // The lock is complete (pip freeze of a resolved install), so no resolver run is needed.
  if (run(python, [...pip, '--no-deps', '-r', lockPath]) !== 0) throw new Error(`${line.name}: pip install failed`);
  if (run(python, ['-m', 'pip', 'check', '--disable-pip-version-check']) !== 0)
    throw new Error(`${line.name}: pip check failed: ${line.lock} is incomplete; regenerate it (see its header)`);
  writeFileSync(stampPath, stamp);
  say(`${line.name}: installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return python;
}

function main() {
  const argv = process.argv.slice(2);
  const sep = argv.indexOf('--');
  const head = sep < 0 ? argv : argv.slice(0, sep);
  const installOnly = head.includes('--install-only');
  const names = head.filter((a) => a !== '--install-only');
  const extra = sep < 0 ? [] : argv.slice(sep + 1);
  const unknown = names.filter((n) => !LINES.some((l) => l.name === n));
  if (unknown.length > 0) {
    console.error(`unknown line ${unknown.join(', ')}; lines: ${LINES.map((l) => l.name).join(', ')}`);
    return 2;
  }
  const lines = names.length === 0 ? LINES : LINES.filter((l) => names.includes(l.name));
  const py = findPython();
  if (!py.version.startsWith('3.11.'))
    say(`warning: ${py.exe} is Python ${py.version}; the locks were resolved on 3.11 and may not install`);
  ensureVenvModule(py);

  const failed = [];
  for (const line of lines) {
    let python;
    try {
      python = ensureVenv(line, py);
    } catch (e) {
      say(e.message);
      failed.push(`${line.name} (install)`);
      continue;
    }
    if (installOnly) continue;
    say(`${line.name}: pytest ${line.tests}`);
    const code = run(
      python,
      ['-m', 'pytest', '-c', join(HERE, 'pytest.ini'), '--rootdir', HERE, join(HERE, line.tests), ...extra],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          PYTHONDONTWRITEBYTECODE: '1',
          NO_CACHE: '1',
          TAONET_REPO: ROOT,
          TAONET_COMPAT_LINE: line.name,
        },
      },
    );
    // 5 = no test collected: wrong only where the line should have tests (or none matched a filter).
    if (code === 0 || (code === 5 && (!line.expectTests || extra.length > 0))) continue;
    failed.push(`${line.name} (pytest exit ${code})`);
  }
  if (failed.length > 0) {
    say(`failed: ${failed.join(', ')}`);
    return 1;
  }
  say(`${installOnly ? 'installed' : 'all lines passed'}: ${lines.map((l) => l.name).join(', ')}`);
  return 0;
}

process.exitCode = main();
